import { io, type Socket } from 'socket.io-client'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { BoardPresence, CityKind, JoinResult, SessionState } from '@harvest/shared'
import { BOARD_PATH, LIVENESS_PARAM, PLENARY_AREA, getCards } from '@harvest/shared'
import { colorFor } from '../../../client/src/board/presenceList'
import { benchNow } from './clock'
import { skimmingParser } from './skimmingParser'
import { skimmingSocket } from './skimmingSocket'
import { postJsonFrom } from './loopbackAddress'
import { speaksOurs, type ServerKind } from './serverKind'

/** Where a participant joins: our server with an invitation, or the bare server's room. */
export interface Venue {
  kind: ServerKind
  url: string
  wsUrl: string
  /** Our session id, or the bare server's room name. */
  room: string
  /** The participant invitation (ours only). */
  inviteToken: string | null
}

export interface Person {
  name: string
  city: string
  cityKind: CityKind
}

/** Hears what reaches one participant, stamped on the bench clock. */
export interface ParticipantEars {
  onCard(id: string, at: number): void
  onControl(at: number): void
  onDrop(): void
  /** A people list arrived (counted, not decoded: see skimmingParser). */
  onPeopleList(bytes: number): void
  /** Someone's presence arrived (counted, not decoded: see skimmingSocket). */
  onAwareness(bytes: number): void
}

/**
 * One person with both connections a browser opens on the session page: the session's socket.io
 * connection and the board's y-websocket provider (the bare server has only the board). Joins as
 * the browser does, through POST /api/join with the invitation.
 */
export class Participant {
  readonly doc = new Y.Doc()
  board: WebsocketProvider | null = null
  socket: Socket | null = null
  memberId = ''
  memberToken = ''
  state: SessionState | null = null
  /** How long each step of the join took (ms): the HTTP join, the session state, the board's sync. */
  readonly steps = { http: 0, session: 0, board: 0 }
  /** Both connections are up: the board synced and, on ours, the session state arrived. */
  joined = false
  /** The process nginx sent this person to (its test header: "127.0.0.1:port"); the two-process case only. */
  upstream: string | null = null
  private closing = false

  constructor(
    readonly venue: Venue,
    readonly person: Person,
    private ears: ParticipantEars,
    /** The source address of every connection, so nginx's address hash spreads people (loopbackAddress.ts). */
    readonly localAddress: string | null = null,
  ) {
    getCards(this.doc).observe((event, transaction) => {
      if (transaction.local) return
      const at = benchNow()
      for (const [key, change] of event.changes.keys) if (change.action === 'add') this.ears.onCard(key, at)
    })
  }

  /** Joins and resolves once the board is synced and the session state has arrived. */
  async join(): Promise<void> {
    const { venue } = this
    const started = benchNow()
    const timed = async (step: 'session' | 'board', promise: Promise<void>) => {
      await promise
      this.steps[step] = benchNow() - started
    }
    if (speaksOurs(venue.kind)) {
      const joined = await this.postJoin()
      this.memberId = joined.member.id
      this.memberToken = joined.memberToken
      this.steps.http = benchNow() - started
      await Promise.all([timed('session', this.connectSocket()), timed('board', this.connectBoard())])
    } else {
      this.memberId = `bare-${this.person.name}`
      await timed('board', this.connectBoard())
    }
    this.joined = true
  }

  /** POST /api/join with the invitation, from this person's own address when they have one. */
  private async postJoin(): Promise<JoinResult> {
    const body = { token: this.venue.inviteToken, ...this.person }
    if (this.localAddress) {
      const answer = await postJsonFrom(`${this.venue.url}/api/join`, body, this.localAddress)
      if (answer.status < 200 || answer.status > 299) throw new Error(`join answered ${answer.status}: ${answer.body}`)
      this.upstream = answer.upstream
      return JSON.parse(answer.body) as JoinResult
    }
    const response = await fetch(`${this.venue.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`join answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as JoinResult
  }

  /** Ours only: the session's socket.io connection, with the member token, as the browser's socket.ts opens it. */
  connectSocket(): Promise<void> {
    const socket = io(this.venue.url, {
      auth: { token: this.memberToken },
      transports: ['websocket', 'polling'],
      forceNew: true,
      parser: skimmingParser((bytes) => this.ears.onPeopleList(bytes)),
      // engine.io-client hands it to ws; the client's types do not list it.
      ...(this.localAddress ? ({ localAddress: this.localAddress } as object) : {}),
    })
    this.socket = socket
    socket.on('control:state', () => this.ears.onControl(benchNow()))
    socket.on('disconnect', () => !this.closing && this.ears.onDrop())
    return new Promise((resolve, reject) => {
      socket.once('session:state', (state: SessionState) => {
        this.state = state
        resolve()
      })
      socket.once('connect_error', (error) => !socket.active && reject(error))
    })
  }

  private connectBoard(): Promise<void> {
    // As the browser opens its board: the connection itself stands for liveness.
    const params: Record<string, string> = speaksOurs(this.venue.kind) ? { token: this.memberToken, [LIVENESS_PARAM.name]: LIVENESS_PARAM.connection } : {}
    const board = new WebsocketProvider(`${this.venue.wsUrl}${BOARD_PATH}`, this.venue.room, this.doc, {
      params,
      WebSocketPolyfill: skimmingSocket((bytes) => {
        board.wsLastMessageReceived = Date.now()
        this.ears.onAwareness(bytes)
      }, this.localAddress) as never,
      disableBc: true,
      connect: false,
    })
    this.board = board
    // As the browser's presence code starts: no state until it knows who this person is.
    board.awareness.setLocalState(null)
    let opened = false
    board.on('status', ({ status }) => {
      if (status === 'connected') opened = true
      if (status === 'disconnected' && opened && !this.closing) this.ears.onDrop()
    })
    const synced = new Promise<void>((resolve) => board.once('sync', () => resolve()))
    board.connect()
    return synced
  }

  /** Presence as the browser's presence.ts publishes it: who, in which area, what they are writing. */
  presence(editing: string | null = null): BoardPresence {
    return {
      memberId: this.memberId,
      name: this.person.name,
      city: this.person.city,
      color: colorFor(this.memberId),
      area: PLENARY_AREA,
      editing,
    }
  }

  /** Turns presence on (y-websocket's own heartbeat then renews it every 15 s) or off. */
  setPresence(on: boolean, editing: string | null = null): void {
    this.board?.awareness.setLocalState(on ? this.presence(editing) : null)
  }

  destroy(): void {
    this.closing = true
    this.socket?.disconnect()
    this.board?.destroy()
    this.doc.destroy()
  }
}
