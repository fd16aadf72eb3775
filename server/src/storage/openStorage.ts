import path from 'node:path'
import type { Config } from '../config'
import { SqliteStorage } from './sqlite'
import type { Storage } from './Storage'

/** PostgreSQL when DATABASE_URL is set (several processes share it), else the embedded file. */
export async function openStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Storage> {
  // Loaded only when used: the embedded store's start does not pay for PostgreSQL's client.
  if (config.databaseUrl) return (await import('./postgres/PostgresStorage')).PostgresStorage.open(config.databaseUrl)
  return new SqliteStorage(path.join(config.dataDir, 'harvest.sqlite'))
}
