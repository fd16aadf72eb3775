import type { Person, Venue } from './participant'

/** What the bench tells a receiver process. Every request is answered by one reply with the same `seq`. */
export type WorkerRequest =
  | { type: 'join'; venue: Venue; people: JoinTicket[]; timeoutMs: number }
  | { type: 'presence'; on: boolean; spreadMs: number }
  /** A phase begins: from now on only the participants fully in count, in cards and clock changes. */
  | { type: 'phase'; writerProcess?: string | null }
  | { type: 'mark'; mark: number }
  | { type: 'progress'; ids: string[] }
  | { type: 'collect'; ids: string[] }
  | { type: 'close' }

/** One person to join, when, and (the two-process case) from which loopback address. */
export interface JoinTicket {
  person: Person
  startAt: number
  localAddress?: string
}

export interface JoinOutcome {
  ok: boolean
  /** From starting the join to a synced board and the session state received. */
  ms: number
  /** Time from the start to the HTTP join's answer, the session state and the synced board. */
  steps: { http: number; session: number; board: number }
  error?: string
  /** The process nginx sent them to ("127.0.0.1:port"), in the two-process case. */
  upstream?: string | null
}

/** Arrival times on the bench clock, per card id and per clock mark, one per participant that got it. */
export interface Arrivals {
  cards: Record<string, number[]>
  /** The two-process case: the same, from the receivers on the process the writer is not on. */
  otherProcessCards: Record<string, number[]>
  marks: Record<number, number[]>
  /** Connections that dropped and reconnected during the run. */
  drops: number
  /** Bytes of people lists ('people:changed') received by all of them. */
  peopleListBytes: number
  participants: number
  /** Awareness (presence) messages all of them received since the last collect, and their bytes. */
  awareness: { messages: number; bytes: number }
  /** This process' own event-loop delay since the last collect (ms): high means the receivers, not the server, were slow. */
  loopDelay: { p99: number; max: number }
}

export type WorkerReply =
  | { type: 'joined'; outcomes: JoinOutcome[] }
  | { type: 'presence-set' }
  | { type: 'phase-started'; counted: number; countedOnOtherProcess: number }
  | { type: 'marked' }
  | { type: 'progress'; delivered: number; participants: number; joined: number }
  | { type: 'arrivals'; arrivals: Arrivals }
  | { type: 'closed' }

export type Envelope<T> = T & { seq: number }
