import { z } from 'zod'

/** Ids of entries (members, items, stories, rooms, cards) as they travel in events. */
export const id = z.string().min(1).max(64)
