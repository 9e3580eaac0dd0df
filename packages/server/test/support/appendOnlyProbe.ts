/**
 * Run in a fresh process by audit.chain.test.ts: migrates the given database, appends an entry,
 * tries to change and delete it, and prints what the database answered as JSON.
 */
import { sql } from 'kysely'
import { appendAudit } from '../../src/audit/log'
import { connect, migrate } from '../../src/db/connect'

async function main(): Promise<void> {
  const store = connect(process.argv[2]!)
  try {
    await migrate(store)
    const entry = await appendAudit(store.db, {
      at: new Date().toISOString(),
      actorKind: 'system',
      actorId: null,
      subjectId: null,
      grantId: null,
      action: 'guarded',
      target: null,
    })
    const attempt = async (statement: Promise<unknown>) =>
      statement.then(
        () => 'allowed',
        (error: Error) => error.message,
      )
    const update = await attempt(
      sql`UPDATE audit_log SET action = ${'forged'} WHERE seq = ${entry.seq}`.execute(store.db),
    )
    const remove = await attempt(sql`DELETE FROM audit_log WHERE seq = ${entry.seq}`.execute(store.db))
    const row = await store.db
      .selectFrom('audit_log')
      .select('action')
      .where('seq', '=', entry.seq)
      .executeTakeFirst()
    process.stdout.write(JSON.stringify({ update, remove, action: row?.action ?? null }))
  } finally {
    await store.close()
  }
}

void main()
