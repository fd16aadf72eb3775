import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** What a finished backup holds, for the line the command prints. */
export interface BackupSummary {
  file: string
  bytes: number
  sessions: number
  documentUpdates: number
}

/**
 * Copies a live embedded store into `target` with SQLite's online backup, which reads a
 * consistent state while the server keeps writing (WAL mode): pages changed mid-copy make it
 * start over, so the copy is always one moment of the store. It is written under a temporary
 * name and renamed once checked, so a backup cut short never leaves a half file under `target`.
 */
export async function backupStore(source: string, target: string): Promise<BackupSummary> {
  if (!fs.existsSync(source)) throw new Error(`no store at ${source}: set DATA_DIR to the server's data directory`)
  if (fs.existsSync(target)) throw new Error(`${target} already exists: choose a new file, a backup never overwrites one`)
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true })
  const partial = `${target}.partial-${process.pid}`
  const db = new Database(source, { fileMustExist: true })
  try {
    await db.backup(partial)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  } finally {
    db.close()
  }
  try {
    const summary = checkBackup(partial)
    fs.renameSync(partial, target)
    return { ...summary, file: target, bytes: fs.statSync(target).size }
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
}

/** Opens a copy read-only and makes sure SQLite finds it whole; counts what it holds. */
export function checkBackup(file: string): Omit<BackupSummary, 'file' | 'bytes'> {
  const copy = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const integrity = copy.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`the copy failed SQLite's integrity check: ${String(integrity)}`)
    const count = (table: string) => copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    return { sessions: count('sessions'), documentUpdates: count('doc_updates') }
  } finally {
    copy.close()
  }
}
