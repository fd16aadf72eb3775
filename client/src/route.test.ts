import { describe, expect, it } from 'vitest'
import { parseRoute } from './route'

describe('parseRoute', () => {
  it('reads the session page, its stage view, its report and its survey', () => {
    expect(parseRoute('/s/abc')).toEqual({ page: 'session', sessionId: 'abc' })
    expect(parseRoute('/s/abc/stage')).toEqual({ page: 'stage', sessionId: 'abc' })
    expect(parseRoute('/s/abc/stage/')).toEqual({ page: 'stage', sessionId: 'abc' })
    expect(parseRoute('/s/abc/report')).toEqual({ page: 'report', sessionId: 'abc' })
    expect(parseRoute('/s/abc/survey')).toEqual({ page: 'survey', sessionId: 'abc' })
  })

  it('does not guess at unknown paths under a session', () => {
    expect(parseRoute('/s/abc/other')).toEqual({ page: 'missing' })
  })

  it('still reads home and invitation links', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' })
    expect(parseRoute('/join/tok')).toEqual({ page: 'join', token: 'tok' })
    expect(parseRoute('/admin')).toEqual({ page: 'admin' })
    expect(parseRoute('/admin/x')).toEqual({ page: 'missing' })
  })
})
