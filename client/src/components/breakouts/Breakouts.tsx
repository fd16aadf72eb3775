import { can } from '@harvest/shared'
import { useSessionStore } from '../../stores/useSessionStore'
import { BreakoutConsole } from './BreakoutConsole'
import { ParticipantBreakout } from './ParticipantBreakout'
import './breakouts.css'

/** Breakout rooms for this person: the facilitator's console, or their own room. */
export function Breakouts() {
  const facilitates = useSessionStore((s) => !!s.state && can(s.state.you.role, 'breakouts:manage'))
  return facilitates ? <BreakoutConsole /> : <ParticipantBreakout />
}
