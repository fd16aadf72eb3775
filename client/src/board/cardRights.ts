import type { Card, CardKind, EmissionDomain, Lever, NewCard, Role } from '@harvest/shared'
import { BOARD_LIMITS, can, mayWriteBoard } from '@harvest/shared'

/** Who this browser is, as far as the board's rules care. */
export interface BoardActor {
  role: Role
  /** Null for a guest watching without joining. */
  memberId: string | null
  /** Every authorId that counts as this person's own (member id, anonymous keys seen). */
  ownKeys: readonly string[]
  /** The session has ended: only curators still change the board, and nobody votes or moderates. */
  ended?: boolean
}

/** What a person may do on the board as a whole; mirrors the server's rules. */
export interface BoardRights {
  write: boolean
  curate: boolean
  moderate: boolean
  vote: boolean
  harvest: boolean
}

export function boardRights(actor: BoardActor): BoardRights {
  const member = actor.memberId !== null
  return {
    write: member && mayWriteBoard(actor.role, actor.ended === true),
    curate: member && can(actor.role, 'board:curate'),
    moderate: member && !actor.ended && can(actor.role, 'board:moderate'),
    vote: member && !actor.ended && can(actor.role, 'vote:cast'),
    harvest: member && can(actor.role, 'harvest:write'),
  }
}

/** True when the card was written by this person (under any of their keys). */
export function ownsCard(actor: BoardActor, card: Pick<Card, 'authorId'>): boolean {
  return card.authorId !== '' && actor.ownKeys.includes(card.authorId)
}

/** What a person may do to one card. Participants touch only their own; curators any. */
export interface CardRights {
  /** Change text, kind, levers, domains and free tags. */
  edit: boolean
  delete: boolean
  /** Move it to another area. */
  move: boolean
  /** Put it in a pattern (drag and drop). */
  group: boolean
}

export function cardRights(actor: BoardActor, card: Pick<Card, 'authorId'>): CardRights {
  const rights = boardRights(actor)
  const own = rights.write && ownsCard(actor, card)
  return { edit: own || rights.curate, delete: own || rights.curate, move: rights.curate, group: rights.curate }
}

/** The person writing a card, as the composer knows them. */
export interface Writer {
  name: string
  city: string
  cityKind: Card['cityKind']
  /** SessionState.you.authorKey: the member id, or an opaque key when authors are hidden. */
  authorKey: string
}

/** What the composer wrote, as a new card. Anonymous cards carry no name; the city stays. */
export function newCardFrom(
  writer: Writer,
  fields: { id: string; text: string; kind: CardKind | null; area: string; levers: Lever[]; domains?: EmissionDomain[] },
  anonymous: boolean,
): NewCard {
  return {
    id: fields.id,
    text: fields.text,
    kind: fields.kind,
    area: fields.area,
    levers: fields.levers,
    domains: fields.domains ?? [],
    tags: [],
    patternId: null,
    authorId: writer.authorKey,
    authorName: anonymous ? '' : writer.name,
    city: writer.city,
    cityKind: writer.cityKind,
  }
}

/** Free tags typed as "retrofit, one-stop shop": trimmed, deduplicated, bounded like the server. */
export function parseTags(input: string, max: number = BOARD_LIMITS.tagsPerCardMax, maxLength: number = BOARD_LIMITS.tagMax): string[] {
  const tags = input
    .split(',')
    .map((t) => t.trim().replace(/\s+/g, ' ').slice(0, maxLength))
    .filter(Boolean)
  return [...new Set(tags)].slice(0, max)
}
