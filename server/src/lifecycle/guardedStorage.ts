import { Refusal } from '../Refusal'
import type { Storage, UpdateLog } from '../storage/Storage'
import type { StoreHealth } from './storeHealth'

/**
 * The refusal of a document update that was already in the live document when its write failed:
 * the store's trouble holds it, and `stored` resolves once it is written. The live document
 * passes it on then, as any stored change: everything its writer does next builds on it, and a
 * copy without it could show none of that.
 */
export class HeldUpdate extends Refusal {
  constructor(
    message: string,
    readonly stored: Promise<void>,
  ) {
    super('unavailable', message)
  }
}

/** Storage methods that only read; every other method writes. */
const READS = /^(get|list|find|load|close)/

/**
 * The store as the rest of the server sees it: reads pass through; a write while the store is
 * in trouble is refused at once with the reason (`Refusal('unavailable')`, which handlers send
 * back as their acknowledgement and HTTP as 503), and a write that fails because of the store
 * turns the health to "in trouble" and is refused the same way. A document update that fails
 * is owed rather than lost (see StoreHealth), read with the stored ones until it is written,
 * and refused with a `HeldUpdate` that says when it is.
 * Generic over the methods, so a store gaining one needs nothing here.
 */
export function guardStorage(storage: Storage, health: StoreHealth): Storage {
  return new Proxy(storage, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function' || typeof property !== 'string') return value
      const method = value as (...args: unknown[]) => Promise<unknown>
      if (property === 'loadUpdates') return (doc: string) => withOwed(method.call(target, doc) as Promise<UpdateLog>, health.owedFor(doc))
      if (READS.test(property)) return method.bind(target)
      return async (...args: unknown[]) => {
        const refuse = () =>
          property === 'appendUpdate' ? new HeldUpdate(health.message(), health.owe(args[0] as string, args[1] as Uint8Array)) : new Refusal('unavailable', health.message())
        if (!health.ok) throw refuse()
        try {
          return await method.apply(target, args)
        } catch (error) {
          if (!health.failed(error)) throw error
          throw refuse()
        }
      }
    },
  })
}

async function withOwed(log: Promise<UpdateLog>, owed: Uint8Array[]): Promise<UpdateLog> {
  const stored = await log
  return owed.length === 0 ? stored : { updates: [...stored.updates, ...owed], seq: stored.seq }
}
