import { v4 as uuid } from 'uuid'
import type { ClientPayload, ControlState, CreateSessionResult, Member } from '@harvest/shared'
import { newClock } from '@harvest/shared'
import { newControl } from '../control/newControl'
import { createSession } from '../sessions/createSession'
import type { Storage } from '../storage/Storage'
import { setRecapSource } from './recapSource'

/** The next round's title: the old round's name replaced where the title carries it, else the new round added. */
export function nextTitle(title: string, oldRound: string, newRound: string): string {
  if (oldRound && title.includes(oldRound)) return title.replace(oldRound, newRound)
  return `${title} – ${newRound}`
}

/**
 * The control state the next round starts with: the same agenda, windows and storyteller queue,
 * every clock fresh (run time belongs to the round it ran in), every story queued again, and
 * storytellers known by name only, since member ids belong to the old session.
 */
export function carriedControl(from: ControlState, leadId: string): ControlState {
  const fresh = newControl({ leadId, cities: [] }).state
  const agenda = from.agenda.map((item) => ({ ...item, id: uuid(), clock: newClock(item.plannedMinutes * 60_000) }))
  const stories = from.stories.map((story) => ({
    ...story,
    id: uuid(),
    storytellerId: null,
    status: 'queued' as const,
    tellClock: newClock(story.slotMinutes * 60_000),
    qaClock: newClock(story.qaMinutes * 60_000),
  }))
  return { ...fresh, agenda, stories, currentItemId: agenda[0]?.id ?? null, startsAt: from.startsAt, endsAt: from.endsAt, chime: from.chime }
}

/** Creates the next round's session from one the facilitator is in; they become its first facilitator. */
export async function createNextRound(
  storage: Storage,
  from: { sessionId: string; control: ControlState; facilitator: Member },
  input: ClientPayload<'session:next'>,
  now: number,
): Promise<CreateSessionResult | null> {
  const session = await storage.getSession(from.sessionId)
  if (!session) return null
  const created = await createSession(
    storage,
    {
      title: input.title || nextTitle(session.title, session.round, input.round),
      cluster: session.cluster,
      date: input.date ?? session.date,
      round: input.round,
      facilitatorName: from.facilitator.name,
      cities: session.cities,
    },
    now,
  )
  // createSession saved a fresh control; the carried one replaces it, on top of its version.
  const fresh = await storage.getControl(created.session.id)
  const saved = await storage.saveControl(created.session.id, { state: carriedControl(from.control, created.member.id) }, fresh?.version ?? 0)
  if (saved === null) throw new Error('the new session changed while it was being set up')
  await setRecapSource(storage, created.session.id, session.id)
  return created
}
