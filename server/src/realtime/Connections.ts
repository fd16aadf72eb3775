/**
 * Open connections by who holds them ("member:<id>" or "invite:<token>"), so that removing a
 * person, changing their role or rotating a link reaches every tab and board they have open.
 */
export class Connections<C> {
  private byPrincipal = new Map<string, Set<C>>()

  add(principal: string, connection: C): void {
    const set = this.byPrincipal.get(principal) ?? new Set<C>()
    set.add(connection)
    this.byPrincipal.set(principal, set)
  }

  delete(principal: string, connection: C): void {
    const set = this.byPrincipal.get(principal)
    set?.delete(connection)
    if (set?.size === 0) this.byPrincipal.delete(principal)
  }

  of(principal: string): C[] {
    return [...(this.byPrincipal.get(principal) ?? [])]
  }
}

/** The principal key of a member or of an invitation token. */
export const memberPrincipal = (memberId: string) => `member:${memberId}`
export const invitePrincipal = (token: string) => `invite:${token}`
