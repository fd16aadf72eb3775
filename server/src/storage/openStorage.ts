import path from 'node:path'
import type { Config } from '../config'
import { PostgresStorage } from './postgres/PostgresStorage'
import { SqliteStorage } from './sqlite'
import type { Storage } from './Storage'

/** PostgreSQL when DATABASE_URL is set (several processes share it), else the embedded file. */
export async function openStorage(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Storage> {
  if (config.databaseUrl) return PostgresStorage.open(config.databaseUrl)
  return new SqliteStorage(path.join(config.dataDir, 'harvest.sqlite'))
}
