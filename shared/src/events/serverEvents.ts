import type { ControlState } from '../control'
import type { Draft } from '../drafts'
import type { VoteView } from '../votes'
import type { Role } from '../roles'
import type { Invite, PresentMember, SessionInfo } from '../session'
import type { StoryNotes } from '../story'
import type { StoreStatus } from '../storeStatus'
import type { SurveyResults, SurveyState } from '../survey'

/** Everything a client needs to render a session; sent on connect and on request. */
export interface SessionState {
  session: SessionInfo
  members: PresentMember[]
  you: {
    role: Role
    memberId: string | null
    /** What this person writes as a card's authorId: their member id, or an opaque key when authors are hidden. */
    authorKey: string | null
  }
  /** Only facilitators receive the invitation links. */
  invites: Invite[] | null
  control: ControlState
  /** The server's clock when this state was sent, for a first estimate of the offset. */
  serverNow: number
  /** The dot vote as this person sees it, if one was opened. */
  vote: VoteView | null
}

/** A change to a session's people, applied to the list from the last 'session:state'. */
export interface PeopleChanges {
  /** Whole records of people who arrived, changed, or came online or went offline. */
  changed: PresentMember[]
  /** Ids of people removed from the session. */
  removed: string[]
}

/** Events the server broadcasts. */
export interface ServerToClientEvents {
  'session:state': (state: SessionState) => void
  /**
   * Who arrived, changed or went on/offline, and who was removed, since the last message; the
   * whole list comes only in 'session:state'. Sending it whole on every arrival cost O(N²) when
   * 1,000 people joined at once.
   */
  'people:changed': (changes: PeopleChanges) => void
  /** The agenda, stories, clocks or lead changed. */
  'control:state': (control: ControlState, serverNow: number) => void
  /** A story's prepared notes changed; sent only to its storyteller and those who may read notes. */
  'notes:changed': (storyId: string, notes: StoryNotes) => void
  /** An invitation link was rotated; sent only to those who may see the links. */
  'invites:changed': (invites: Invite[]) => void
  /** This connection's role changed (a facilitator changed it). */
  'you:changed': (you: SessionState['you']) => void
  /** This person was removed from the session; the connection closes next. */
  'session:removed': (message: string) => void
  /** The dot vote changed, as this person may see it. */
  'vote:state': (vote: VoteView | null) => void
  /** This person's private drafts changed (e.g. revealed onto the board). */
  'drafts:changed': (drafts: Draft[]) => void
  /**
   * Who is in which room changed. Sent instead of the whole control state, because in a large
   * open-space round people move all the time and only these rooms changed.
   */
  'rooms:members': (roundId: string, rooms: { roomId: string; memberIds: string[] }[]) => void
  /** The survey's definition, status or counts changed; sent to everyone. */
  'survey:state': (survey: SurveyState) => void
  /** The survey's live results, without names; sent only to those who may manage the survey. */
  'survey:results': (results: SurveyResults) => void
  /** The server's store got into trouble (changes are refused) or is well again; sent to everyone, and on connect while in trouble. */
  'server:store': (status: StoreStatus) => void
  /** The server is stopping to restart: the connection closes next and comes back by itself. */
  'server:restarting': () => void
}
