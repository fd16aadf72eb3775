import type { Redis } from './redis'

// Takes the lease if free, renews it if this holder has it; one round trip, atomic in Redis.
const TAKE_OR_RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`

/**
 * Leases in Redis: at most one process holds a name at a time, and a process that dies loses
 * it after `ttlMs`. Used so that one process per document takes its snapshots and compacts it.
 * While Redis is unreachable nobody holds anything: snapshots wait, nothing is written twice.
 */
export class Lease {
  constructor(
    private redis: Redis,
    private holder: string,
    private ttlMs: number,
  ) {}

  async hold(name: string): Promise<boolean> {
    try {
      const result = await this.redis.eval(TAKE_OR_RENEW, { keys: [`harvest:lease:${name}`], arguments: [this.holder, String(this.ttlMs)] })
      return result === 1
    } catch {
      return false
    }
  }
}
