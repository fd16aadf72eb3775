import type { Member } from '@harvest/shared'
import type { Storage } from './Storage'

/** Sessions whose members are kept at most; the one read longest ago makes room for a new one. */
export const KEPT_SESSIONS = 100

/**
 * The store with each session's member list kept in memory once read, until this process
 * changes a member: every newcomer's session state lists everyone, and reading 1,000 people
 * back from the store for each of 1,000 arrivals was most of what the server allocated while
 * a session filled. Only for a process alone on its store, whose own writes are the only ones.
 * The members handed out are frozen, shared by every reader; each reader gets its own list.
 * At most KEPT_SESSIONS sessions are kept, so listing every session of a long-lived server
 * (the organiser's list) does not keep all of them.
 */
export function cacheMembers(storage: Storage): Storage {
  const lists = new Map<string, readonly Member[]>()
  // Moves with every change to anyone's members, so a read that raced a change is not kept.
  let changes = 0
  const changing = async <T>(sessionId: string | null, write: () => Promise<T>): Promise<T> => {
    forget(sessionId)
    try {
      return await write()
    } finally {
      forget(sessionId)
    }
  }
  const keep = (sessionId: string, members: readonly Member[]) => {
    lists.set(sessionId, members)
    // A Map iterates in insertion order: the first key is the one read longest ago.
    if (lists.size > KEPT_SESSIONS) lists.delete(lists.keys().next().value!)
  }
  const forget = (sessionId: string | null) => {
    changes++
    if (sessionId === null) lists.clear()
    else lists.delete(sessionId)
  }
  const cached: Pick<Storage, 'listMembers' | 'addMember' | 'updateMember' | 'updateMemberKeepingOne' | 'removeMember'> = {
    async listMembers(sessionId) {
      const kept = lists.get(sessionId)
      if (kept) {
        // Read again, it becomes the newest.
        lists.delete(sessionId)
        lists.set(sessionId, kept)
        return [...kept]
      }
      const before = changes
      const read = (await storage.listMembers(sessionId)).map((member) => Object.freeze(member))
      if (changes === before) keep(sessionId, read)
      return [...read]
    },
    addMember: (member) => changing(member.sessionId, () => storage.addMember(member)),
    updateMember: (member) => changing(member.sessionId, () => storage.updateMember(member)),
    updateMemberKeepingOne: (member, keepOneOf) => changing(member.sessionId, () => storage.updateMemberKeepingOne(member, keepOneOf)),
    // Only the member's id is known here: every session's list is read again.
    removeMember: (memberId) => changing(null, () => storage.removeMember(memberId)),
  }
  return new Proxy(storage, {
    get(target, property, receiver) {
      if (Object.hasOwn(cached, property)) return cached[property as keyof typeof cached]
      const value: unknown = Reflect.get(target, property, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
