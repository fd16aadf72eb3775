import type { NextFunction, Request, Response } from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerFor, errorHandler } from './errors'

afterEach(() => void vi.restoreAllMocks())

const token = 'q3Zb8WkVxJ0f1mN4pR7sT2uY5aC6dE9gH_hIjKlM-o'

function answer(err: unknown) {
  const sent: { status?: number; body?: unknown } = {}
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code
      return this
    },
    json(body: unknown) {
      sent.body = body
      return this
    },
  } as unknown as Response
  const req = { method: 'POST', baseUrl: '/api', route: { path: '/join' }, originalUrl: `/api/join?token=${token}` } as unknown as Request
  errorHandler(err, req, res, (() => {}) as NextFunction)
  return sent
}

describe('errorHandler', () => {
  it('answers the server’s own failure with 500 and logs one line without the request’s token or body', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = Object.assign(new Error(`could not store member for invite ${token}`), { body: `{"token":"${token}"}` })
    expect(answer(failure)).toEqual({ status: 500, body: { error: 'internal', message: 'the server could not complete this request; nothing was changed' } })
    expect(log).toHaveBeenCalledTimes(1)
    const line = log.mock.calls[0]!.join(' ')
    expect(line).toBe('[http] POST /api/join failed: Error: could not store member for invite [token]')
  })

  it('keeps any other 4xx a client error and never echoes its message', () => {
    expect(answerFor(Object.assign(new Error(`bad ${token}`), { status: 431 }))).toEqual({ status: 431, error: 'invalid', message: 'the request could not be read' })
  })

  it('does not echo a forged charset or encoding name beyond its plain characters', () => {
    const charset = answerFor({ type: 'charset.unsupported', status: 415, charset: 'latin1"<script>' })
    expect(charset?.message).toBe('the request body must be JSON in UTF-8, not "latin1script"')
  })
})
