import type { Role } from '../roles'
import { can } from '../roles'

/** Who may download the report: facilitators and harvesters always, everyone else once it is shared. */
export function mayReadReport(role: Role, shared: boolean): boolean {
  return can(role, 'report:read') || (shared && can(role, 'session:read'))
}

/** The report's address in a format; the token goes in the Authorization header, or in `?token=` for a plain link. */
export const reportPath = (sessionId: string, format: string) => `/api/sessions/${encodeURIComponent(sessionId)}/report.${format}`
