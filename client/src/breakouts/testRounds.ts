import type { BreakoutRound, Room } from '@harvest/shared'

/** A room for tests: sensible defaults, any field overridable. */
export const makeRoom = (id: string, memberIds: string[] = [], overrides: Partial<Room> = {}): Room => ({
  id,
  name: `Room ${id}`,
  topic: '',
  hostId: null,
  harvesterId: null,
  link: null,
  capacity: null,
  memberIds,
  extraMs: 0,
  help: null,
  ...overrides,
})

/** A round for tests, planned unless told otherwise. */
export const makeRound = (id: string, rooms: Room[], overrides: Partial<BreakoutRound> = {}): BreakoutRound => ({
  id,
  itemId: 'item',
  mode: 'open_space',
  status: 'planned',
  rooms,
  topics: [],
  proposersOpen: false,
  closesAt: null,
  planned: {},
  banner: null,
  warnedAt: null,
  ...overrides,
})
