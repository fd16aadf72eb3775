import type { City, CreateSessionResult, InviteRole, JoinResult, Role } from '@harvest/shared'

export interface JsonResponse<T = unknown> {
  status: number
  body: T
}

/** Sends a JSON request to the real HTTP API. `body` given as a string is sent verbatim. */
export async function requestJson<T = unknown>(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
}

/** Creates a session through POST /api/sessions, as a facilitator does from the start page. */
export async function createSession(
  baseUrl: string,
  overrides: Partial<{ title: string; cluster: string; date: string; round: string; facilitatorName: string; cities: City[] }> = {},
): Promise<CreateSessionResult> {
  const response = await requestJson<CreateSessionResult>(baseUrl, 'POST', '/api/sessions', {
    title: 'Cluster 4 harvest',
    cluster: 'Cluster 4: green cities',
    date: '2026-06-14',
    facilitatorName: 'Fran Facilitator',
    cities: [{ name: 'Ghent', kind: 'pilot', project: 'Green roofs' }],
    ...overrides,
  })
  if (response.status !== 201) throw new Error(`create session failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

/** The invitation token of one role in a created session. */
export function inviteToken(created: CreateSessionResult, role: InviteRole): string {
  const invite = created.invites.find((i) => i.role === role)
  if (!invite) throw new Error(`no ${role} invite`)
  return invite.token
}

/** Joins through POST /api/join with the invitation of `role`; participants get a city by default. */
export async function joinAs(
  baseUrl: string,
  created: CreateSessionResult,
  role: Role,
  person: Partial<{ name: string; city: string; cityKind: 'pilot' | 'twin' | null }> = {},
): Promise<JoinResult> {
  const defaults = role === 'participant' ? { city: 'Ghent', cityKind: 'pilot' as const } : {}
  const response = await requestJson<JoinResult>(baseUrl, 'POST', '/api/join', {
    token: inviteToken(created, role),
    name: `${role} person`,
    ...defaults,
    ...person,
  })
  if (response.status !== 201) throw new Error(`join failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body
}

/** What a GET answered, as bytes and as text. */
export interface Download {
  status: number
  headers: Headers
  bytes: Uint8Array
  text: string
}

/** GETs a file as a client outside the app would, with the token in the header or the query. */
export async function download(url: string, path: string, token: string | null, via: 'header' | 'query' = 'header'): Promise<Download> {
  const headers: Record<string, string> = token && via === 'header' ? { authorization: `Bearer ${token}` } : {}
  const query = token && via === 'query' ? `?token=${encodeURIComponent(token)}` : ''
  const response = await fetch(`${url}${path}${query}`, { headers })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) }
}
