import type { CardKind, EmissionDomain, Lever } from './taxonomy'

/** A card written in private-writing mode: kept on the server, seen by its author alone. */
export interface Draft {
  id: string
  text: string
  kind: CardKind | null
  area: string
  levers: Lever[]
  domains: EmissionDomain[]
  createdAt: number
}
