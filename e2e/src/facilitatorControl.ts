import type { Page } from 'playwright-core'
import { io, type Socket } from 'socket.io-client'
import type { ControlState, Invite, SessionState } from '@harvest/shared'
import { inviteLinkPath } from '@harvest/shared'

/**
 * The facilitator's second device: a socket.io connection with the member token the facilitator's
 * browser joined with. Journeys about what participants see drive the session through it, so
 * they do not depend on where the console puts its buttons.
 */
export interface FacilitatorControl {
  /** Sends one event and resolves with its data; a refusal fails the journey with the server's reason. */
  send<T = unknown>(event: string, payload: object): Promise<T>
  state(): Promise<SessionState>
  /** The invitation link of a role, as the console shows it. */
  link(role: Invite['role']): Promise<string>
  /** Goes to the first agenda item whose title matches. */
  goto(title: string | RegExp): Promise<ControlState['agenda'][number]>
  close(): void
}

export async function facilitatorControl(page: Page, baseUrl: string, sessionId: string): Promise<FacilitatorControl> {
  const saved = await page.evaluate((key) => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(key), `harvest:identity:${sessionId}`)
  if (!saved) throw new Error('the facilitator’s browser has not joined this session')
  const { token } = JSON.parse(saved) as { token: string }
  const socket: Socket = io(baseUrl, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })

  async function send<T>(event: string, payload: object): Promise<T> {
    const answer = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok: true; data: T } | { ok: false; message: string }
    if (!answer.ok) throw new Error(`${event} refused: ${answer.message}`)
    return answer.data
  }
  const state = () => send<SessionState>('session:sync', {})

  return {
    send,
    state,
    async link(role) {
      const invites: Invite[] = (await state()).invites ?? []
      const invite = invites.find((i) => i.role === role)
      if (!invite) throw new Error(`no ${role} invitation`)
      return `${baseUrl}${inviteLinkPath(invite.token)}`
    },
    async goto(title) {
      const item = (await state()).control.agenda.find((i) => (typeof title === 'string' ? i.title === title : title.test(i.title)))
      if (!item) throw new Error(`no agenda item ${String(title)}`)
      await send('agenda:goto', { id: item.id })
      return item
    },
    close: () => void socket.close(),
  }
}
