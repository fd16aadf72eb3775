import { BOARD_ENDED_REASON, BOARD_PATH, HARVEST_PATH, can, isEnded, isParticipant, mayWriteBoard, migrateBoard, migrateHarvest } from '@harvest/shared'
import type { ControlState, Identity } from '@harvest/shared'
import * as Y from 'yjs'
import { ownAuthorIds } from '../authors/authorKey'
import type { Access } from './DocumentPeer'
import { checkBoardUpdate, prescanBoardUpdate, prescannedRefusal, type Accepted, type Writer } from '../boardRules/boardPolicy'
import type { DecodedUpdate } from '../boardRules/inspectUpdate'
import { fillAuthors } from '../boardRules/fillAuthors'
import { SERVER_ORIGIN } from './serverOrigin'
import type { LiveDoc } from './LiveDoc'

/** The stored name of a session's board document. */
export const boardDocName = (sessionId: string) => `board:${sessionId}`
/** The stored name of a session's harvest document. */
export const harvestDocName = (sessionId: string) => `harvest:${sessionId}`

/** A kind of shared document: where it is served, how it is named, who may change what. */
export interface DocumentKind {
  path: string
  docName(sessionId: string): string
  /** `control` reads the session's state as last loaded, at each update: modes and the end change during the session. */
  access(identity: Identity, secret: string, control: () => ControlState | undefined): Access
}

/** The board: everybody but observers writes, within the board's rules on whose cards are whose. */
export const BOARD_DOCUMENT: DocumentKind = {
  path: BOARD_PATH,
  docName: boardDocName,
  access(identity, secret, control) {
    const mode = () => control()?.boardMode
    if (identity.kind !== 'member' || !can(identity.role, 'board:write')) return { canWrite: false }
    const { name, city, cityKind } = identity.member
    const writer: Writer = {
      role: identity.role,
      ownIds: ownAuthorIds(secret, identity.member.id),
      // Read at each update: the facilitator switches private writing on and off during the session.
      privateWriting: () => isParticipant(identity.role) && mode()?.privateWriting === true,
      // A rename or a new city closes this connection (see refreshConnections), so the record here stays current.
      author: { name, city, cityKind },
    }
    // Cards the last accepted update left unsigned; the update is applied between check and accepted.
    let unsigned: string[] = []
    return {
      canWrite: true,
      check: (doc, update, decoded) => {
        // After the end only those who curate change the board; a participant's change is refused with the reason.
        const ended = !mayWriteBoard(identity.role, isEnded(control()))
        // A large frame is read lightly first, so a shape the board cannot have is refused before Yjs builds every item of it.
        const scan = prescanBoardUpdate(doc, update, writer)
        if (scan && ended && (scan.structs > 0 || scan.deletingClients > 0)) return BOARD_ENDED_REASON
        const quick = scan && !ended ? prescannedRefusal(scan, writer) : null
        if (quick) return quick
        if (ended && changesSomething(decoded)) return BOARD_ENDED_REASON
        const accepted: Accepted = { unsigned: [] }
        const refusal = checkBoardUpdate(doc, decoded, writer, accepted)
        unsigned = refusal ? [] : accepted.unsigned
        return refusal
      },
      accepted: (doc) => {
        if (unsigned.length > 0) fillAuthors(doc, unsigned, writer.author!, mode()?.anonymous === true, SERVER_ORIGIN)
        unsigned = []
      },
    }
  },
}

/** Whether an update carries anything: a client opening the board answers the sync with an empty one, which is no write. */
function changesSomething({ structs, ds }: DecodedUpdate): boolean {
  return structs.length > 0 || ds.clients.size > 0
}

/** The harvest: everyone reads it live; only harvesters and facilitators change it. */
export const HARVEST_DOCUMENT: DocumentKind = {
  path: HARVEST_PATH,
  docName: harvestDocName,
  // Nobody shows who is on the harvest: presence there would only cost every renewal.
  access: (identity) => ({ canWrite: identity.kind === 'member' && can(identity.role, 'harvest:write'), presence: false }),
}

export const DOCUMENT_KINDS = [BOARD_DOCUMENT, HARVEST_DOCUMENT] as const

/** Brings a freshly loaded document to its current shape. */
export function prepareDocument(live: LiveDoc): void {
  if (live.name.startsWith('board:')) migrateBoard(live.doc)
  if (live.name.startsWith('harvest:')) migrateHarvest(live.doc)
}
