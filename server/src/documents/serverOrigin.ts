/** Origin of changes the server itself makes to a board (reveal, restore, filled-in authors), so they are relayed to all. */
export const SERVER_ORIGIN = { server: true } as const
