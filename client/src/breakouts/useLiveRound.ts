import { useEffect, useReducer } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { roundPhase } from '@harvest/shared'
import { useControlStore } from '../stores/useControlStore'
import { serverNow } from '../stores/useTimeStore'
import { liveRound } from './roundView'

const NO_ROUNDS: BreakoutRound[] = []

/**
 * Re-renders once when the server's time reaches `at`. A closing round turns closed by itself at
 * its closesAt, with no message from the server, so screens must wake up at that moment.
 */
export function useWakeAt(at: number | null): void {
  const [, bump] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    if (at === null) return
    const wait = at - serverNow()
    if (wait < 0) return
    const timer = setTimeout(bump, wait + 25)
    return () => clearTimeout(timer)
  }, [at])
}

/** Every round of the session, as the server last sent them. */
export const useRounds = () => useControlStore((s) => s.control?.rounds ?? NO_ROUNDS)

/** The round people are in now (open or closing), following the closing countdown to its end. */
export function useLiveRound(): BreakoutRound | null {
  const rounds = useRounds()
  useWakeAt(rounds.find((r) => r.status === 'closing')?.closesAt ?? null)
  return liveRound(rounds, serverNow())
}

/** A round's phase now, following its closing countdown to its end. */
export function useRoundPhase(round: BreakoutRound | null): BreakoutRound['status'] | null {
  useWakeAt(round?.status === 'closing' ? round.closesAt : null)
  return round ? roundPhase(round, serverNow()) : null
}
