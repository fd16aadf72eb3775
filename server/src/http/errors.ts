import type { NextFunction, Request, Response } from 'express'
import type { ErrorCode, HttpError } from '@harvest/shared'
import { LIMITS } from '@harvest/shared'
import { Refusal } from '../Refusal'
import { describeForLog, redactTokens } from './redact'

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
}

/**
 * Sends the one error shape every API refusal uses. `status` refines the code's usual status
 * where HTTP has a more precise one (413 and 415 are still the client's `invalid` request).
 */
export function sendError(res: Response, error: ErrorCode, message: string, status = STATUS[error]): void {
  const body: HttpError = { error, message }
  res.status(status).json(body)
}

/** How a failure that reached the error handler is answered: the client's mistakes are 4xx. */
interface Answer {
  status: number
  error: ErrorCode
  message: string
}

/** The body parser's own error types (body-parser sets `type` and `status` on each). */
const BODY_ERRORS: Record<string, (e: ParserError) => Answer> = {
  'entity.parse.failed': () => invalid(400, 'the request body is not valid JSON'),
  'entity.too.large': () => invalid(413, `the request body is larger than the ${LIMITS.httpBodyMaxBytes / 1024} KB the API takes`),
  'charset.unsupported': (e) => invalid(415, `the request body must be JSON in UTF-8, not ${quoted(e.charset)}`),
  'encoding.unsupported': (e) =>
    invalid(415, `the server does not read a body with Content-Encoding ${quoted(e.encoding)}: send it uncompressed, or as gzip, deflate or br`),
  'request.aborted': () => invalid(400, 'the request body ended before it was complete'),
  'request.size.invalid': () => invalid(400, 'the request body is not as long as its Content-Length says'),
}

interface ParserError {
  type?: unknown
  status?: unknown
  statusCode?: unknown
  code?: unknown
  charset?: unknown
  encoding?: unknown
  message?: unknown
}

/** What to answer for `err`; null when it is the server's own failure. */
export function answerFor(err: unknown): Answer | null {
  if (typeof err !== 'object' || err === null) return null
  // A refusal from deeper in the server (e.g. the store cannot take writes: 503) carries its own words.
  if (err instanceof Refusal) return { status: STATUS[err.code], error: err.code, message: err.message }
  const e = err as ParserError
  const byType = typeof e.type === 'string' && Object.hasOwn(BODY_ERRORS, e.type) ? BODY_ERRORS[e.type] : undefined
  if (byType) return byType(e)
  // zlib's errors (Z_DATA_ERROR, Z_BUF_ERROR…) mean the bytes are not what Content-Encoding declares.
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) return invalid(400, 'the request body is not valid data for its Content-Encoding')
  // Express answers a path it cannot percent-decode with a 400 URIError (its message echoes the path).
  if (err instanceof URIError) return invalid(400, 'the address has a malformed percent-encoding (a % not followed by two hex digits of valid UTF-8)')
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500
  if (status >= 400 && status < 500) return { status, error: status === 429 ? 'rate_limited' : 'invalid', message: 'the request could not be read' }
  return null
}

/**
 * Last middleware: every request the client got wrong gets a 4xx with a clear message, whatever
 * part of express refused it. Only the server's own failures are logged, as one line without the
 * request's path, headers or body (they can hold tokens).
 */
export function errorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err)
  const answer = answerFor(err)
  if (answer) return sendError(res, answer.error, answer.message, answer.status)
  console.error(`[http] ${req.method} ${redactTokens(req.baseUrl + (req.route?.path ?? ''))} failed: ${describeForLog(err)}`)
  sendError(res, 'internal', 'the server could not complete this request; nothing was changed')
}

function invalid(status: number, message: string): Answer {
  return { status, error: 'invalid', message }
}

/** A header's value echoed safely: short, and only the characters a charset or encoding name has. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 40) : ''
  return text ? `"${text}"` : 'this one'
}
