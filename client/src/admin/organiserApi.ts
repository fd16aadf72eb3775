import type { HttpError, SessionLinks, SessionList } from '@harvest/shared'

/** The organiser's calls, each with the key in the Authorization header (never in a URL). */
async function get<T>(path: string, key: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, { headers: { authorization: `Bearer ${key}` } })
  } catch {
    throw new Error('cannot reach the server: check your connection and try again')
  }
  const body = (await response.json().catch(() => null)) as T | HttpError | null
  if (!response.ok) throw new Error((body as HttpError | null)?.message ?? `the server answered ${response.status}`)
  return body as T
}

export const organiserApi = {
  sessions: (key: string) => get<SessionList>('/sessions', key),
  links: (key: string, sessionId: string) => get<SessionLinks>(`/sessions/${encodeURIComponent(sessionId)}/links`, key),
}
