import fs from 'node:fs'
import path from 'node:path'

/**
 * Fails the start with words a person can act on when the data directory cannot be written
 * (read-only, or not ours): SQLite would only say "unable to open database file", later.
 */
export function assertWritableDir(dir: string): void {
  const probe = path.join(dir, `.write-probe-${process.pid}`)
  try {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(probe, '')
    fs.rmSync(probe)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'EROFS' ? 'it is on a read-only file system' : code === 'EACCES' || code === 'EPERM' ? 'this user may not write there' : code === 'ENOSPC' ? 'its disk is full' : String(code ?? error)
    throw new Error(`the data directory ${dir} cannot be written (${why}): the server would lose every change. Make it writable or set DATA_DIR to another directory`)
  }
}
