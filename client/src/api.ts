import type { CreateSessionInput, CreateSessionResult, DemoInfo, HttpError, InviteInfo, JoinBody, JoinResult } from '@harvest/shared'

/** A refused API call, carrying the server's own explanation. */
export class ApiError extends Error {}

async function call<T>(path: string, init?: { method: string; body: unknown }): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method: init?.method ?? 'GET',
      headers: init ? { 'content-type': 'application/json' } : undefined,
      body: init ? JSON.stringify(init.body) : undefined,
    })
  } catch {
    throw new ApiError('cannot reach the server: check your connection and try again')
  }
  const body = (await response.json().catch(() => null)) as T | HttpError | null
  if (!response.ok) throw new ApiError((body as HttpError | null)?.message ?? `the server answered ${response.status}`)
  return body as T
}

export const api = {
  createSession: (body: CreateSessionInput) => call<CreateSessionResult>('/sessions', { method: 'POST', body }),
  readInvite: (token: string) => call<InviteInfo>(`/invites/${encodeURIComponent(token)}`),
  join: (body: JoinBody) => call<JoinResult>('/join', { method: 'POST', body }),
  /** The demo session's links, or null when this server has none. */
  demo: () => call<DemoInfo>('/demo').catch(() => null),
}
