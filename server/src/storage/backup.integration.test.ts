import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addCard } from '@harvest/shared'
import { boardDocName } from '../documents/documentKinds'
import { createSession, joinAs } from '../testing/api'
import { cardBy, cardIds } from '../testing/boardWorld'
import { disposeAll } from '../testing/cleanup'
import { connectBoard } from '../testing/clients'
import { spawnServer } from '../testing/serverProcess'
import { tempDir } from '../testing/testServer'
import { waitFor } from '../testing/waitFor'
import { checkBackup } from './backup'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** Runs `npm run backup -- <file>` as a person types it, against a data directory. */
function runBackup(dataDir: string, file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'backup', '--', file], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) => resolve({ code, output }))
  })
}

/** The board as the copy holds it, rebuilt from its stored updates alone. */
function boardInCopy(file: string, sessionId: string): Y.Doc {
  const copy = new Database(file, { readonly: true })
  const rows = copy.prepare('SELECT data FROM doc_updates WHERE doc = ? ORDER BY id').all(boardDocName(sessionId)) as { data: Buffer }[]
  copy.close()
  const doc = new Y.Doc()
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
  return doc
}

describe('npm run backup', () => {
  afterAll(disposeAll)

  it('copies the live store consistently while cards are being written, and the copy restores into a working server', async () => {
    const dataDir = tempDir()
    const server = await spawnServer(dataDir)
    const created = await createSession(server.url)
    const writers = await Promise.all([0, 1, 2, 3, 4].map((i) => joinAs(server.url, created, 'participant', { name: `Writer ${i}` })))
    const boards = writers.map((w) => connectBoard(server.url, created.session.id, w.memberToken))
    const watcher = connectBoard(server.url, created.session.id, created.memberToken)
    await Promise.all([...boards, watcher].map((b) => b.synced()))

    let written = 0
    let writing = true
    const writeLoop = (async () => {
      while (writing) {
        const i = written % writers.length
        addCard(boards[i]!.doc, cardBy(writers[i]!.member, `card-${written++}`))
        await new Promise((resolve) => setTimeout(resolve, 15))
      }
    })()
    await waitFor(() => cardIds(watcher.doc).length >= 60, 20_000, 'cards arriving')
    // What the watcher has seen came back from the server, which stores a change before relaying it.
    const storedBefore = cardIds(watcher.doc)

    const file = path.join(tempDir(), 'harvest-backup.sqlite')
    const backup = await runBackup(dataDir, file)
    const writtenDuring = written
    writing = false
    await writeLoop
    expect(backup.code, backup.output).toBe(0)
    expect(backup.output).toMatch(/Backed up .* \d+ sessions, \d+ document updates/)
    expect(writtenDuring).toBeGreaterThan(storedBefore.length)

    // Whole to SQLite, and one moment of the board: every stored update applies, none waits on a missing one.
    expect(checkBackup(file).sessions).toBeGreaterThanOrEqual(2)
    const copied = boardInCopy(file, created.session.id)
    expect(copied.store.pendingStructs).toBeNull()
    expect(copied.store.pendingDs).toBeNull()
    const copiedIds = cardIds(copied)
    expect(copiedIds).toEqual(expect.arrayContaining(storedBefore))

    // A second backup to the same file is refused: a backup never overwrites one.
    const again = await runBackup(dataDir, file)
    expect(again.code).toBe(1)
    expect(again.output).toContain('already exists')

    // Restoring as the README says: the copy becomes DATA_DIR/harvest.sqlite of a server that starts on it.
    await server.kill('SIGTERM')
    const restoredDir = tempDir()
    fs.copyFileSync(file, path.join(restoredDir, 'harvest.sqlite'))
    const restored = await spawnServer(restoredDir)
    const reader = connectBoard(restored.url, created.session.id, created.memberToken)
    await reader.synced()
    expect(cardIds(reader.doc).sort()).toEqual([...copiedIds].sort())
    reader.provider.destroy()
    await restored.kill('SIGTERM')
  }, 120_000)
})
