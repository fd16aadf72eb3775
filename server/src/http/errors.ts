import type { NextFunction, Request, Response } from 'express'
import type { ErrorCode, HttpError } from '@harvest/shared'

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
}

/** Sends the one error shape every API refusal uses. */
export function sendError(res: Response, error: ErrorCode, message: string): void {
  const body: HttpError = { error, message }
  res.status(STATUS[error]).json(body)
}

/** Last middleware: bad JSON and oversized bodies get a clear answer; anything else is logged. */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  const e = err as { type?: string; status?: number }
  if (e.type === 'entity.parse.failed') return sendError(res, 'invalid', 'the request body is not valid JSON')
  if (e.type === 'entity.too.large') return sendError(res, 'invalid', 'the request body is too large')
  console.error('[http] request failed', err)
  sendError(res, 'internal', 'the server could not complete this request; nothing was changed')
}
