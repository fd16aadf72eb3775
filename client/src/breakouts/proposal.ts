import type { ClientPayload } from '@harvest/shared'

/** A spread proposal as the facilitator adjusts it: member ids per proposed room. */
export type Proposal = readonly (readonly string[])[]

/** Moves one person to another proposed room (appended), leaving every other room as it was. */
export function moveInProposal(proposal: Proposal, memberId: string, toIndex: number): Proposal {
  if (toIndex < 0 || toIndex >= proposal.length) return proposal
  const from = proposal.findIndex((group) => group.includes(memberId))
  if (from === toIndex) return proposal
  return proposal.map((group, i) => {
    if (i === from) return group.filter((id) => id !== memberId)
    if (i === toIndex) return [...group, memberId]
    return group
  })
}

/**
 * The groups to assign: proposed room i fills the round's i-th existing room, and rooms beyond
 * those are created as "Room n". Empty proposed rooms are left out.
 */
export function proposalGroups(proposal: Proposal, existingRoomIds: readonly string[], names: readonly string[] = []): ClientPayload<'round:assign'>['groups'] {
  return proposal.flatMap((memberIds, i) => {
    if (memberIds.length === 0 && i >= existingRoomIds.length) return []
    const roomId = existingRoomIds[i] ?? null
    const name = names[i]?.trim() || `Room ${i + 1}`
    return [roomId ? { roomId, memberIds: [...memberIds] } : { roomId: null, name, memberIds: [...memberIds] }]
  })
}

/** A planned arrival: a name or a city (lower-cased, as the server keys it), and its room. */
export function withPlan(planned: Readonly<Record<string, string>>, key: string, roomId: string): Record<string, string> {
  const clean = key.trim().toLowerCase()
  if (!clean) return { ...planned }
  return { ...planned, [clean]: roomId }
}

export function withoutPlan(planned: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const { [key]: _removed, ...rest } = planned
  return rest
}
