import type pg from 'pg'

/**
 * The schema, one numbered step at a time. A step is never edited once shipped: a change to the
 * schema is a new step, so every database moves along the same path whatever version it is at.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE sessions (id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, data JSONB NOT NULL);
CREATE TABLE invites (token TEXT PRIMARY KEY, session_id TEXT NOT NULL, role TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX invites_session ON invites (session_id);
CREATE TABLE members (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, data JSONB NOT NULL);
CREATE INDEX members_session ON members (session_id);
CREATE TABLE doc_updates (id BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, data BYTEA NOT NULL);
CREATE INDEX doc_updates_doc ON doc_updates (doc, id);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE controls (session_id TEXT PRIMARY KEY, data JSONB NOT NULL);
CREATE TABLE snapshots (id TEXT PRIMARY KEY, doc TEXT NOT NULL, at BIGINT NOT NULL, cards INTEGER NOT NULL, data BYTEA NOT NULL);
CREATE INDEX snapshots_doc ON snapshots (doc, at);
CREATE TABLE surveys (session_id TEXT PRIMARY KEY, data JSONB NOT NULL);
CREATE TABLE survey_answers (id BIGSERIAL PRIMARY KEY, session_id TEXT NOT NULL, member_id TEXT NOT NULL, data JSONB NOT NULL, UNIQUE (session_id, member_id));
`,
  },
  {
    version: 2,
    name: 'versioned control state; notes, drafts and votes in their own records',
    sql: `
CREATE TABLE control_state (session_id TEXT PRIMARY KEY, version INTEGER NOT NULL, data JSONB NOT NULL);
CREATE TABLE control_notes (session_id TEXT NOT NULL, story_id TEXT NOT NULL, data JSONB NOT NULL, PRIMARY KEY (session_id, story_id));
CREATE TABLE control_drafts (session_id TEXT NOT NULL, member_id TEXT NOT NULL, data JSONB NOT NULL, PRIMARY KEY (session_id, member_id));
CREATE TABLE control_votes (session_id TEXT PRIMARY KEY, data JSONB NOT NULL);
INSERT INTO control_state (session_id, version, data) SELECT session_id, 1, data->'state' FROM controls;
INSERT INTO control_notes (session_id, story_id, data)
  SELECT c.session_id, n.key, n.value FROM controls c, jsonb_each(COALESCE(c.data->'notes', '{}'::jsonb)) n;
INSERT INTO control_drafts (session_id, member_id, data)
  SELECT c.session_id, d.key, d.value FROM controls c, jsonb_each(COALESCE(c.data->'drafts', '{}'::jsonb)) d;
INSERT INTO control_votes (session_id, data)
  SELECT session_id, data->'vote' FROM controls WHERE jsonb_typeof(data->'vote') = 'object';
DROP TABLE controls;
`,
  },
]

// Any constant works: it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 7_344_201

/**
 * Brings the database to the newest schema. Two processes starting at once take turns on an
 * advisory lock, so the second finds the work done; each step commits with its version row.
 */
export async function migrate(client: pg.PoolClient): Promise<number[]> {
  const applied: number[] = []
  await client.query('BEGIN')
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())')
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const done = new Set(rows.map((r) => r.version))
    for (const step of MIGRATIONS) {
      if (done.has(step.version)) continue
      await client.query(step.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name])
      applied.push(step.version)
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
  return applied
}
