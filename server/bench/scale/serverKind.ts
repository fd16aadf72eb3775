/**
 * Which server a scenario runs against: ours as a user starts it, two of ours over PostgreSQL
 * and Redis behind nginx as a deployment runs them, or the bare reference.
 */
export type ServerKind = 'ours' | 'cluster' | 'bare'

export const SERVER_KINDS: readonly ServerKind[] = ['ours', 'cluster', 'bare']

/** How the table, chart and JSON name each server. */
export const SERVER_NAMES: Record<ServerKind, string> = { ours: 'Harvest', cluster: 'Harvest, 2 processes via nginx', bare: 'bare y-websocket' }

/** Whether a server speaks our protocol (HTTP join, session socket, member token on the board). */
export const speaksOurs = (kind: ServerKind): boolean => kind !== 'bare'
