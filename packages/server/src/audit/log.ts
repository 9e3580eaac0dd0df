/**
 * Appending to and reading the audit trail. Appends lock the chain head (a conditional update on
 * PostgreSQL takes a row lock; SQLite runs one writer at a time), so entries from several service
 * instances form one unbroken chain.
 */
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Engine } from '../db/engine'
import type { Database } from '../db/schema'
import { entryHash, findBreak, type AuditEntry, type AuditFields, type ChainProblem } from './chain'

type Db = Kysely<Database> | Transaction<Database>

async function appendIn(trx: Transaction<Database>, fields: AuditFields): Promise<AuditEntry> {
  // Touching the head row first takes its lock on PostgreSQL before anything is read.
  await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 1)
    .execute()
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const seq = Number(head.seq) + 1
  const hash = entryHash(head.hash, seq, fields)
  await trx
    .insertInto('audit_log')
    .values({
      seq,
      at: fields.at,
      actor_kind: fields.actorKind,
      actor_id: fields.actorId,
      subject_id: fields.subjectId,
      grant_id: fields.grantId,
      action: fields.action,
      target: fields.target,
      prev_hash: head.hash,
      hash,
    })
    .execute()
  await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute()
  return { ...fields, seq, prevHash: head.hash, hash }
}

/** Appends one entry, inside the caller's transaction when given (so the action and its record commit together). */
export async function appendAudit(db: Db, fields: AuditFields): Promise<AuditEntry> {
  if (db.isTransaction) return appendIn(db as Transaction<Database>, fields)
  return (db as Kysely<Database>).transaction().execute((trx) => appendIn(trx, fields))
}

type Row = Database['audit_log']

export function toEntry(
  row: Pick<
    Row,
    | 'seq'
    | 'at'
    | 'actor_kind'
    | 'actor_id'
    | 'subject_id'
    | 'grant_id'
    | 'action'
    | 'target'
    | 'prev_hash'
    | 'hash'
  >,
): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    subjectId: row.subject_id,
    grantId: row.grant_id,
    action: row.action,
    target: row.target,
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

/** Verifies the whole chain in pages, so a long trail does not have to fit in memory. */
export async function verifyChain(
  db: Kysely<Database>,
  pageSize = 5000,
): Promise<{ entries: number; problem: ChainProblem | null }> {
  let last = { seq: 0, hash: '0'.repeat(64) }
  let entries = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', last.seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    if (rows.length === 0) break
    const page = rows.map(toEntry)
    const problem = findBreak(page, last)
    if (problem) return { entries: entries + page.findIndex((e) => e.seq === problem.seq), problem }
    entries += page.length
    const tail = page[page.length - 1]!
    last = { seq: tail.seq, hash: tail.hash }
  }
  // Entries cut from the end leave the head ahead of the log.
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  if (Number(head.seq) !== last.seq || head.hash !== last.hash)
    return { entries, problem: { seq: last.seq + 1, problem: 'sequence' } }
  return { entries, problem: null }
}

/** The triggers that keep audit_log append-only, per engine (see migration 006). */
export const APPEND_ONLY_GUARDS: Readonly<Record<Engine, readonly string[]>> = {
  sqlite: ['audit_log_no_delete', 'audit_log_no_replace', 'audit_log_no_update'],
  postgres: ['audit_log_no_truncate', 'audit_log_no_update'],
}

/** The append-only triggers on audit_log that are in force now (anyone with the database can drop one). */
export async function appendOnlyGuards(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  const { rows } =
    engine === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master
          WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name`.execute(db)
      : await sql<{ name: string }>`SELECT tgname AS name FROM pg_trigger
          WHERE tgrelid = to_regclass('audit_log') AND NOT tgisinternal AND tgenabled <> 'D'
          ORDER BY tgname`.execute(db)
  return rows.map((row) => row.name)
}
