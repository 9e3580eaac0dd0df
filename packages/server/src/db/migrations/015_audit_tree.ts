import { sql, type Kysely, type Migration } from 'kysely'
import type { Engine } from '../engine'

/* eslint-disable @typescript-eslint/no-explicit-any -- a migration describes the schema as it was then */
/**
 * Issue 19, D6: signed tree heads of the audit log, and SQLite's REPLACE hole closed. `INSERT OR
 * REPLACE` deletes the row it replaces without firing the DELETE trigger (recursive_triggers is
 * off); a BEFORE INSERT trigger refusing a seq or hash already there stops it before the conflict.
 */
export function auditTreeMigration(engine: Engine): Migration {
  return { up: (db) => up(db, engine) }
}

async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('audit_tree_heads')
    .addColumn('tree_size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute()
  if (engine === 'postgres') {
    await sql`CREATE TRIGGER audit_tree_heads_no_update BEFORE UPDATE OR DELETE ON audit_tree_heads FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(
      db,
    )
  } else {
    await sql`CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
      WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq OR hash = NEW.hash)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db)
    await sql`CREATE TRIGGER audit_tree_heads_no_update BEFORE UPDATE ON audit_tree_heads BEGIN SELECT RAISE(ABORT, 'audit_tree_heads is append-only'); END`.execute(
      db,
    )
    await sql`CREATE TRIGGER audit_tree_heads_no_delete BEFORE DELETE ON audit_tree_heads BEGIN SELECT RAISE(ABORT, 'audit_tree_heads is append-only'); END`.execute(
      db,
    )
  }
}
