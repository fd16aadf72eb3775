import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../../../scripts/ensure-services.sh', import.meta.url))
let ensured = false

/**
 * Makes sure Debian's postgresql, redis-server and nginx are installed, installing them with
 * apt-get when missing (scripts/ensure-services.sh). Throws with the reason when that is impossible.
 */
export function ensureServicesInstalled(): void {
  if (ensured) return
  execFileSync('bash', [script], { stdio: 'inherit' })
  ensured = true
}

/** The newest PostgreSQL's binaries, as Debian lays them out. */
export function postgresBin(name: string): string {
  ensureServicesInstalled()
  const root = '/usr/lib/postgresql'
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', name)))
  versions.sort((a, b) => Number(b) - Number(a))
  if (!versions[0]) throw new Error(`PostgreSQL's ${name} is not installed under ${root}`)
  return path.join(root, versions[0], 'bin', name)
}

/** A program on the PATH or in the system directories Debian installs servers into. */
export function systemBin(name: string): string {
  ensureServicesInstalled()
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin']) {
    const candidate = path.join(dir, name)
    if (dir && fs.existsSync(candidate)) return candidate
  }
  throw new Error(`${name} is not installed`)
}
