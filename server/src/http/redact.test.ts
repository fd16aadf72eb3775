import { describe, expect, it } from 'vitest'
import { describeForLog, redactTokens } from './redact'

describe('redactTokens', () => {
  it('replaces token-shaped strings in paths, queries and messages', () => {
    const token = 'q3Zb8WkVxJ0f1mN4pR7sT2uY5aC6dE9gH_hIjKlM-o'
    expect(redactTokens(`GET /api/invites/${token}`)).toBe('GET /api/invites/[token]')
    expect(redactTokens(`/board/abc?token=${token}`)).toBe('/board/abc?token=[token]')
    expect(redactTokens(`Bearer ${token}x`)).toBe('Bearer [token]')
  })

  it('leaves ordinary words and short ids alone', () => {
    expect(redactTokens('the request body is not valid JSON')).toBe('the request body is not valid JSON')
  })
})

describe('describeForLog', () => {
  it('keeps the kind and message of an error and none of its properties', () => {
    const error = Object.assign(new SyntaxError('Unexpected token } in JSON'), { body: '{"token":"q3Zb8WkVxJ0f1mN4pR7sT2uY5aC6dE9gH"}' })
    expect(describeForLog(error)).toBe('SyntaxError: Unexpected token } in JSON')
  })
})
