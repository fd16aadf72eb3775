import { useMemo } from 'react'
import type { PresentMember } from '@harvest/shared'
import { useBoardSessionStore } from '../stores/useBoardSessionStore'
import { useControlStore } from '../stores/useControlStore'
import { useSessionStore } from '../stores/useSessionStore'
import { boardRights, type BoardActor, type BoardRights } from './cardRights'

/** Who this browser is on the board and what it may do, from the session stores. */
export interface BoardIdentity {
  actor: BoardActor
  rights: BoardRights
  me: PresentMember | null
  /** What this person writes as authorId now. */
  authorKey: string | null
}

export function useBoardActor(): BoardIdentity {
  const role = useSessionStore((s) => s.state?.you.role ?? 'observer')
  const memberId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const authorKey = useSessionStore((s) => s.state?.you.authorKey ?? null)
  const members = useSessionStore((s) => s.state?.members)
  const remembered = useBoardSessionStore((s) => s.ownKeys)
  const ended = useControlStore((s) => s.control?.endedAt != null)
  return useMemo(() => {
    const ownKeys = [...new Set([memberId, authorKey, ...remembered].filter((k): k is string => !!k))]
    const actor: BoardActor = { role, memberId, ownKeys, ended }
    const me = members?.find((m) => m.id === memberId) ?? null
    return { actor, rights: boardRights(actor), me, authorKey }
  }, [role, memberId, authorKey, members, remembered, ended])
}

/** The name this person signs promotions and patterns with, read at the moment of acting. */
export function actingName(): string {
  const state = useSessionStore.getState().state
  return state?.members.find((m) => m.id === state.you.memberId)?.name ?? 'Someone'
}

/** This person's member id at the moment of acting. */
export function actingId(): string {
  return useSessionStore.getState().state?.you.memberId ?? ''
}
