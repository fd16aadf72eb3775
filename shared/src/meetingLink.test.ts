import { describe, expect, it } from 'vitest'
import { checkMeetingLink, openableLink } from './meetingLink'

describe('meeting links', () => {
  it('take full http and https addresses, or nothing', () => {
    expect(checkMeetingLink(' https://meet.example.org/heat ')).toEqual({ ok: true, link: 'https://meet.example.org/heat' })
    expect(checkMeetingLink('http://10.0.0.1:8080/x')).toEqual({ ok: true, link: 'http://10.0.0.1:8080/x' })
    expect(checkMeetingLink('  ')).toEqual({ ok: true, link: null })
  })

  it('refuse anything that could run script or go nowhere', () => {
    for (const bad of ['javascript:alert(1)', 'meet.example.org/heat', 'ftp://example.org', 'data:text/html,hi', 'vbscript:x']) {
      expect(checkMeetingLink(bad)).toMatchObject({ ok: false })
      expect(openableLink(bad)).toBeNull()
    }
    expect(openableLink(null)).toBeNull()
    expect(openableLink('https://meet.example.org')).toBe('https://meet.example.org')
  })
})
