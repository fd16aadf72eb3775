import type * as Y from 'yjs'

/** One named change of a document's shape; the i-th brings a document from version i to i + 1. */
export interface Migration {
  name: string
  up(doc: Y.Doc): void
}

/** The key, in a document's meta map, of the shape version the document says it has. */
const VERSION_KEY = 'schemaVersion'

/** The shape version a document's meta map says (0 for a new, empty document). */
export function documentVersion(meta: Y.Map<unknown>): number {
  const value = meta.get(VERSION_KEY)
  return typeof value === 'number' ? value : 0
}

/** Runs the migrations a document has not had yet, in one transaction; a newer document is left alone. */
export function runMigrations(doc: Y.Doc, meta: Y.Map<unknown>, migrations: readonly Migration[]): void {
  const from = documentVersion(meta)
  if (from >= migrations.length) return
  doc.transact(() => {
    for (const migration of migrations.slice(from)) migration.up(doc)
    meta.set(VERSION_KEY, migrations.length)
  })
}
