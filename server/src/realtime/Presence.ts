/**
 * Who is online, counted per open socket so that a second tab or a reconnect racing the old
 * disconnect does not mark a person offline. In-process for one server; the multi-server
 * setup replaces it with the socket.io Redis adapter's view.
 */
export class Presence {
  private counts = new Map<string, Map<string, number>>()

  /** Returns true when this made the member go from offline to online. */
  add(sessionId: string, memberId: string): boolean {
    const session = this.counts.get(sessionId) ?? new Map<string, number>()
    this.counts.set(sessionId, session)
    const before = session.get(memberId) ?? 0
    session.set(memberId, before + 1)
    return before === 0
  }

  /** Returns true when this made the member go offline. */
  remove(sessionId: string, memberId: string): boolean {
    const session = this.counts.get(sessionId)
    const before = session?.get(memberId) ?? 0
    if (!session || before === 0) return false
    if (before === 1) session.delete(memberId)
    else session.set(memberId, before - 1)
    if (session.size === 0) this.counts.delete(sessionId)
    return before === 1
  }

  isOnline(sessionId: string, memberId: string): boolean {
    return (this.counts.get(sessionId)?.get(memberId) ?? 0) > 0
  }

  private pending = new Map<string, { timer: NodeJS.Timeout; memberIds: Set<string> }>()
  private disposed = false

  /**
   * Runs `announce` once after `ms` with every member who arrived or left meanwhile: when an
   * All-Cluster session opens, 300 arrivals become one message of 300 changes instead of 300.
   */
  batch(sessionId: string, memberId: string, ms: number, announce: (memberIds: Set<string>) => void): void {
    if (this.disposed) return
    const waiting = this.pending.get(sessionId)
    if (waiting) return void waiting.memberIds.add(memberId)
    const memberIds = new Set([memberId])
    const timer = setTimeout(() => {
      this.pending.delete(sessionId)
      announce(memberIds)
    }, ms)
    timer.unref()
    this.pending.set(sessionId, { timer, memberIds })
  }

  /** Drops announcements not yet sent and takes no more: the server is closing. */
  dispose(): void {
    this.disposed = true
    for (const { timer } of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
  }
}
