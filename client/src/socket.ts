import { io, type Socket } from 'socket.io-client'
import type { Ack, AckOf, ClientEventName, ClientPayload, ClientToServerEvents, ServerToClientEvents, SessionState } from '@harvest/shared'
import { can } from '@harvest/shared'
import { useBoardSessionStore } from './stores/useBoardSessionStore'
import { useBreakoutStore } from './stores/useBreakoutStore'
import { useControlStore } from './stores/useControlStore'
import { useNoticeStore } from './stores/useNoticeStore'
import { useNotesStore } from './stores/useNotesStore'
import { useSessionStore } from './stores/useSessionStore'
import { useSurveyStore } from './stores/useSurveyStore'
import { useTimeStore } from './stores/useTimeStore'
import { measureOffset } from './time/measureOffset'

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

const ACK_TIMEOUT_MS = 5000
/** Clocks drift apart slowly; a fresh measurement now and then keeps screens within 250 ms. */
const REMEASURE_MS = 5 * 60_000

let socket: ClientSocket | null = null
let teardown: (() => void) | null = null

const session = () => useSessionStore.getState()
const board = () => useBoardSessionStore.getState()

/**
 * The only module that touches socket.io: it connects with the session token, registers every
 * listener and writes what arrives into the stores.
 */
export function connectSession(token: string): void {
  disconnectSession()
  session().reset()
  useControlStore.getState().reset()
  useNotesStore.getState().reset()
  useBreakoutStore.getState().reset()
  useSurveyStore.getState().reset()
  board().reset()
  const s: ClientSocket = io({ auth: { token }, transports: ['websocket', 'polling'] })
  socket = s

  s.on('connect', () => {
    session().setStatus('online')
    void measureClock(s)
  })
  s.on('disconnect', (reason) => {
    // A server-side disconnect is deliberate (e.g. the person was removed); socket.io won't retry it.
    if (reason === 'io server disconnect') session().setStatus('refused', session().refusal ?? 'the server closed this connection')
    else session().setStatus('offline')
  })
  s.on('connect_error', (error) => {
    // Refusals of the token are final; anything else is the network, and socket.io retries.
    if (s.active) session().setStatus('offline')
    else session().setStatus('refused', error.message)
  })
  // The server sends the whole state on every connect, so a reconnect restores the exact state.
  s.on('session:state', applyState)
  // People arrive as changes to the whole list the last 'session:state' brought.
  s.on('people:changed', (changes) => session().changePeople(changes))
  s.on('control:state', (control) => {
    // Room membership first, so rooms new in this state already know their people when drawn.
    useBreakoutStore.getState().setRounds(control.rounds)
    useControlStore.getState().setControl(control)
  })
  // People moving between breakout rooms arrive as deltas of the rooms that changed.
  s.on('rooms:members', (roundId, rooms) => useBreakoutStore.getState().mergeRooms(roundId, rooms))
  s.on('notes:changed', (storyId, notes) => useNotesStore.getState().setNotes(storyId, notes))
  s.on('invites:changed', (invites) => session().setInvites(invites))
  s.on('you:changed', (you) => {
    session().setYou(you)
    void resync()
  })
  s.on('session:removed', (message) => session().setStatus('refused', message))
  s.on('vote:state', (vote) => board().setVote(vote))
  s.on('drafts:changed', (drafts) => board().setDrafts(drafts))
  s.on('survey:state', (survey) => useSurveyStore.getState().setSurvey(survey))
  s.on('survey:results', (results) => useSurveyStore.getState().setResults(results))
  s.on('server:restarting', () => useNoticeStore.getState().show('info', 'The server is restarting: this page reconnects by itself in a moment, and nothing you did is lost.'))
  // A server whose store is in trouble refuses every change: everyone is told why, and told when it saves again.
  s.on('server:store', (status) => useNoticeStore.getState().show(status.ok ? 'info' : 'error', status.ok ? 'The server saves changes again.' : `${status.message.charAt(0).toUpperCase()}${status.message.slice(1)}.`))

  // Toggling anonymity changes the key this person writes under (the server sends 'you:changed');
  // cards written under every earlier key stay theirs.
  const rememberKeys = () => {
    const you = session().state?.you
    if (you) board().rememberKeys([you.memberId, you.authorKey])
  }
  const stopRemembering = useSessionStore.subscribe(rememberKeys)

  // A laptop waking from sleep: its clock may have jumped and events may have been missed.
  const onVisible = () => {
    if (document.visibilityState !== 'visible' || !s.connected) return
    void measureClock(s)
    void resync()
  }
  // The browser often knows the network is gone long before socket.io's heartbeat does.
  const onOffline = () => session().status === 'online' && session().setStatus('offline')
  const onOnline = () => (s.connected ? session().setStatus('online') : s.active && s.connect())
  const remeasure = setInterval(() => s.connected && void measureClock(s), REMEASURE_MS)
  document.addEventListener('visibilitychange', onVisible)
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  teardown = () => {
    stopRemembering()
    clearInterval(remeasure)
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('offline', onOffline)
    window.removeEventListener('online', onOnline)
  }
}

export function disconnectSession(): void {
  teardown?.()
  teardown = null
  socket?.disconnect()
  socket = null
}

/** A whole state: each part goes to the one store that owns it. */
function applyState({ control, vote, serverNow, ...view }: SessionState): void {
  session().setState(view)
  useBreakoutStore.getState().setRounds(control.rounds)
  useControlStore.getState().setControl(control)
  board().setVote(vote)
  if (view.you.memberId) void send('drafts:list', {}, { quiet: true })
  // The survey is not part of the session state: its answers live apart, and each role asks for its share.
  void send('survey:get', {}, { quiet: true })
  if (can(view.you.role, 'survey:answer') && view.you.memberId) void send('survey:mine', {}, { quiet: true })
  if (can(view.you.role, 'survey:manage')) void send('survey:results', {}, { quiet: true })
  // A first guess (ignores latency) until the round trips below give a better one.
  if (!Number.isFinite(useTimeStore.getState().rttMs)) useTimeStore.getState().setOffset(serverNow - Date.now(), Number.POSITIVE_INFINITY)
}

/** Measures the offset to the server's clock with a few round trips and stores the best. */
async function measureClock(s: ClientSocket): Promise<void> {
  const result = await measureOffset(async (clientSentAt) => {
    const reply = await send('time:sync', { clientSentAt }, { quiet: true })
    if (!reply.ok) throw new Error(reply.message)
    return reply.data
  })
  if (result && socket === s) useTimeStore.getState().setOffset(result.offsetMs, result.rttMs)
}

/** Asks for the whole state again, e.g. after this person's role changed. */
async function resync(): Promise<void> {
  await send('session:sync', {}, { quiet: true })
}

/**
 * What an accepted acknowledgement of this person's own command writes into the stores, where
 * no broadcast tells them (the server sends votes, drafts and notes only to whom they concern).
 */
const AFTER_ACK: { [E in ClientEventName]?: (data: AckOf<E>, payload: ClientPayload<E>) => void } = {
  'session:sync': applyState,
  'drafts:list': (drafts) => board().setDrafts(drafts),
  'draft:save': (draft) => board().putDraft(draft),
  'draft:delete': (_, { id }) => board().dropDraft(id),
  'vote:open': (vote) => board().setVote(vote),
  'vote:cast': (vote) => board().setVote(vote),
  'vote:close': (vote) => board().setVote(vote),
  'notes:get': (notes, { storyId }) => useNotesStore.getState().setNotes(storyId, notes),
  'notes:save': (notes, { storyId }) => useNotesStore.getState().setNotes(storyId, notes),
  'survey:get': (survey) => useSurveyStore.getState().setSurvey(survey),
  'survey:update': (survey) => useSurveyStore.getState().setSurvey(survey),
  'survey:open': (survey) => useSurveyStore.getState().setSurvey(survey),
  'survey:close': (survey) => useSurveyStore.getState().setSurvey(survey),
  'survey:answer': (answer) => useSurveyStore.getState().setMine(answer),
  'survey:mine': (answer) => useSurveyStore.getState().setMine(answer),
  'survey:results': (results) => useSurveyStore.getState().setResults(results),
}

/** How a refusal reaches the person: as a notice, unless the caller shows it itself (`quiet`). */
export interface SendOptions {
  quiet?: boolean
}

/**
 * Sends one client event and resolves with its acknowledgement: the one way every command
 * reaches the server. A refusal is shown as a notice unless `quiet`. Never queues while
 * offline: a clock command replayed minutes later would do the wrong thing.
 */
export async function send<E extends ClientEventName>(event: E, payload: ClientPayload<E>, { quiet = false }: SendOptions = {}): Promise<Ack<AckOf<E>>> {
  const reply = await exchange(event, payload)
  if (reply.ok) (AFTER_ACK[event] as ((data: AckOf<E>, payload: ClientPayload<E>) => void) | undefined)?.(reply.data, payload)
  else if (!quiet) useNoticeStore.getState().show('error', reply.message || 'the server refused that')
  return reply
}

async function exchange<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<Ack<AckOf<E>>> {
  const s = socket
  if (!s?.connected) return { ok: false, error: 'internal', message: 'you are offline: try again when the connection is back' }
  try {
    // socket.io's typings cannot follow a generic event name; the contract types the result.
    const timed = s.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> }
    return (await timed.emitWithAck(event, payload)) as Ack<AckOf<E>>
  } catch {
    return { ok: false, error: 'internal', message: 'the server did not answer in time; try again' }
  }
}
