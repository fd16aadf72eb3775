/**
 * Invitation, member and organiser tokens are base64url strings of 22 characters or more (see
 * tokenSchema; the organiser key is at least 32). Anything that long and token-shaped in a log
 * line is replaced, so a path, a query or an error message echoing one never reaches the log.
 */
const TOKEN_LIKE = /[A-Za-z0-9_-]{22,}/g

/** The text with everything that could be a token replaced by `[token]`. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_LIKE, '[token]')
}

/** One line for the log about a failure: its kind and message, never its properties (a body, a header). */
export function describeForLog(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return redactTokens(text)
}
