import { useMemo } from 'react'
import type { PresentMember } from '@harvest/shared'
import { can, isParticipant } from '@harvest/shared'
import { useSessionStore } from '../stores/useSessionStore'

const NOBODY: PresentMember[] = []

/** Everyone in the session, and a lookup by id, rebuilt only when the people change. */
export function useMembers(): { list: PresentMember[]; byId: ReadonlyMap<string, PresentMember> } {
  const list = useSessionStore((s) => s.state?.members ?? NOBODY)
  return useMemo(() => ({ list, byId: new Map(list.map((m) => [m.id, m])) }), [list])
}

/** Participants first by name: whom rooms are for. */
export const participantsOf = (members: readonly PresentMember[]) =>
  members.filter((m) => isParticipant(m.role)).sort((a, b) => a.name.localeCompare(b.name))

/** People who may host or harvest a room: everyone but observers, by name. */
export const hostsOf = (members: readonly PresentMember[]) =>
  members.filter((m) => can(m.role, 'board:write')).sort((a, b) => a.name.localeCompare(b.name))
