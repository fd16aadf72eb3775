import type { Invite, SessionInfo } from './session'

/** One session as the organiser's list shows it (GET /api/sessions). */
export interface SessionListing {
  session: SessionInfo
  /** How many people joined. */
  people: number
  /** How many cards the board holds. */
  cards: number
  /** When a facilitator ended it; null while it runs. */
  endedAt: number | null
}

/** Answer of GET /api/sessions: every session on the server, newest first. */
export interface SessionList {
  sessions: SessionListing[]
}

/** Answer of GET /api/sessions/:id/links: the invitation links the organiser opens a session with. */
export interface SessionLinks {
  session: SessionInfo
  invites: Invite[]
}

/** One key insight of an earlier round, as the recap shows it. */
export interface RecapInsight {
  text: string
  cities: string[]
}

/** The previous round's key insights of the same cluster, for the "Recap and check-in" item. */
export interface Recap {
  /** The session they come from. */
  from: Pick<SessionInfo, 'id' | 'title' | 'round' | 'date' | 'cluster'>
  insights: RecapInsight[]
}

/** The agenda item that carries the recap: "Recap and check-in", or any item titled "Recap…". */
export const isRecapItem = (item: { title: string } | null | undefined): boolean => !!item && /^\s*recap\b/i.test(item.title)

/** Browser path of the organiser's page; the key travels in the fragment, which no server sees. */
export const adminLinkPath = (key: string) => `/admin#key=${encodeURIComponent(key)}`
