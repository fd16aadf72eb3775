import type { AgendaItem } from './agenda'
import { plannedTotal, minutesBetween } from './agenda'
import type { Clock } from './clock'
import { elapsedMs } from './clock'
import type { Story } from './story'
import type { BoardMode } from './boardMode'
import type { BreakoutRound } from './breakouts'
import type { Role } from './roles'
import { can } from './roles'

/** Everything that drives the running session: agenda, stories, clocks and who leads. */
export interface ControlState {
  agenda: AgendaItem[]
  currentItemId: string | null
  stories: Story[]
  currentStoryId: string | null
  /** The facilitator who drives the agenda and clocks; null until a facilitator takes it. */
  leadId: string | null
  /** Planned start and end of the session, "HH:MM" on the session's date. */
  startsAt: string
  endsAt: string
  /** Play a soft chime on every screen when a clock reaches zero. */
  chime: boolean
  /** Private writing, anonymous cards and "follow me". */
  boardMode: BoardMode
  /** Breakout rounds, each attached to an agenda item; rooms and their cards stay after closing. */
  rounds: BreakoutRound[]
  /** The facilitator shared the Harvest Report with everyone in the session (participants and observers may download it). */
  reportShared: boolean
  /** When a facilitator ended the session (server time); null while it runs or after reopening. */
  endedAt: number | null
}

/** Which clock a command is for. */
export type ClockTarget = { kind: 'item'; id: string } | { kind: 'story'; id: string; part: 'tell' | 'qa' }

/** Finds the clock a target names, or null. */
export function findClock(control: ControlState, target: ClockTarget): Clock | null {
  if (target.kind === 'item') return control.agenda.find((i) => i.id === target.id)?.clock ?? null
  const story = control.stories.find((s) => s.id === target.id)
  if (!story) return null
  return target.part === 'tell' ? story.tellClock : story.qaClock
}

/** One line of the timekeeping record: planned against actual. */
export interface TimeRecord {
  kind: 'item' | 'story'
  id: string
  title: string
  plannedMinutes: number
  actualMinutes: number
}

const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10

/** Planned and actual minutes of every agenda item and story, as of `now`. */
export function timeRecords(control: ControlState, now: number): TimeRecord[] {
  const items = control.agenda.map<TimeRecord>((item) => ({
    kind: 'item',
    id: item.id,
    title: item.title,
    plannedMinutes: item.plannedMinutes,
    actualMinutes: minutes(elapsedMs(item.clock, now)),
  }))
  const stories = control.stories.map<TimeRecord>((story) => ({
    kind: 'story',
    id: story.id,
    title: `${story.city}: ${story.title || 'story'}`,
    plannedMinutes: story.slotMinutes + story.qaMinutes,
    actualMinutes: minutes(elapsedMs(story.tellClock, now) + elapsedMs(story.qaClock, now)),
  }))
  return [...items, ...stories]
}

/** Planned agenda length against the session's planned window; positive slack is spare time. */
export function agendaFit(control: ControlState): { plannedMinutes: number; windowMinutes: number; slackMinutes: number } {
  const plannedMinutes = plannedTotal(control.agenda)
  const windowMinutes = minutesBetween(control.startsAt, control.endsAt)
  return { plannedMinutes, windowMinutes, slackMinutes: windowMinutes - plannedMinutes }
}

/** The current agenda item, if any. */
export const currentItem = (control: ControlState) => control.agenda.find((i) => i.id === control.currentItemId) ?? null

/** The story being told or questioned now, if any. */
export const currentStory = (control: ControlState) => control.stories.find((s) => s.id === control.currentStoryId) ?? null

/** Whether the lead lets this member drive: they hold it, or it is free (and they take it by driving). */
export const leadAllows = (control: Pick<ControlState, 'leadId'>, memberId: string) => control.leadId === null || control.leadId === memberId

/**
 * Whether this person may drive the agenda and clocks now: their role drives, they joined with a
 * name, and the lead allows it. The server refuses the same; the client asks to enable the right buttons.
 */
export function mayDrive(
  control: (Pick<ControlState, 'leadId'> & { endedAt?: number | null }) | null,
  role: Role | undefined,
  memberId: string | null | undefined,
): boolean {
  // An ended session's clocks are final until a facilitator reopens it.
  if (!control || control.endedAt != null || !role || !memberId || !can(role, 'session:drive')) return false
  return leadAllows(control, memberId)
}
