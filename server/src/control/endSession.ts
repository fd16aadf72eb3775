import type { ControlState } from '@harvest/shared'
import { applyClockCommand, roundPhase } from '@harvest/shared'
import { Refusal } from '../Refusal'
import type { ControlRecord } from '../storage/Storage'

/**
 * Ends a session at server time `now`: every running clock pauses, so its actual time is final;
 * open or closing breakout rounds close at once; an open dot vote closes. Reopening does not
 * restart any of these: what ran, ran.
 */
export function endSession(record: ControlRecord, now: number): void {
  const { state } = record
  if (state.endedAt !== null) throw new Refusal('conflict', 'the session has already ended')
  stopClocks(state, now)
  for (const round of state.rounds) {
    const phase = roundPhase(round, now)
    if (phase === 'open' || phase === 'closing') {
      round.status = 'closed'
      round.closesAt = now
    }
  }
  if (record.vote?.status === 'open') {
    record.vote.status = 'closed'
    record.vote.closedAt = now
  }
  state.endedAt = now
}

/** Undoes the end: the board, the links and the controls work again. */
export function reopenSession(state: ControlState): void {
  if (state.endedAt === null) throw new Refusal('conflict', 'the session has not ended')
  state.endedAt = null
}

function stopClocks(state: ControlState, now: number): void {
  const pause = { op: 'pause' } as const
  for (const item of state.agenda) item.clock = applyClockCommand(item.clock, pause, now)
  for (const story of state.stories) {
    story.tellClock = applyClockCommand(story.tellClock, pause, now)
    story.qaClock = applyClockCommand(story.qaClock, pause, now)
  }
}
