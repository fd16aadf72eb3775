import path from 'node:path'
import { readConfig } from '../config'
import { backupStore } from './backup'

/**
 * `npm run backup -- <file>`: a consistent copy of the running server's embedded store
 * (DATA_DIR/harvest.sqlite), taken while it runs. Restoring is described in the README.
 */
async function main(): Promise<void> {
  const target = process.argv[2]
  if (!target || process.argv.length > 3) throw new Error('usage: npm run backup -- <file>   (the copy to write, e.g. backups/harvest-2026-06-14.sqlite)')
  if (process.env.DATABASE_URL) throw new Error('this server keeps its data in PostgreSQL (DATABASE_URL): back it up with pg_dump instead')
  const config = readConfig()
  const source = path.join(config.dataDir, 'harvest.sqlite')
  const started = Date.now()
  // npm runs scripts from the repository's root; a relative file is meant from where the command was typed.
  const summary = await backupStore(source, path.resolve(process.env.INIT_CWD ?? process.cwd(), target))
  console.log(
    `Backed up ${source} to ${summary.file}: ${summary.sessions} sessions, ${summary.documentUpdates} document updates, ` +
      `${(summary.bytes / 1024).toFixed(0)} KB in ${Date.now() - started} ms`,
  )
}

main().catch((error) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
