/**
 * Run in a fresh process by audit.chain.test.ts: opens the service's SQLite file as a different
 * client (plain better-sqlite3: no Kysely, no statement cache, no migration) while the service
 * has it open, tries to change and delete the given entry, and prints what SQLite answered as JSON.
 */
import SQLite from 'better-sqlite3'
import { sqlitePath } from '../../src/db/connect'

function attempt(run: () => SQLite.RunResult): string {
  try {
    return `allowed (${run().changes} rows)`
  } catch (error) {
    return (error as Error).message
  }
}

const [url, seqText] = process.argv.slice(2)
const seq = Number(seqText)
const database = new SQLite(sqlitePath(url!), { fileMustExist: true })
try {
  database.pragma('busy_timeout = 5000')
  const update = attempt(() =>
    database.prepare('UPDATE audit_log SET action = ? WHERE seq = ?').run('forged', seq),
  )
  const remove = attempt(() => database.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq))
  const row = database.prepare('SELECT action FROM audit_log WHERE seq = ?').get(seq) as
    { action: string } | undefined
  process.stdout.write(JSON.stringify({ update, remove, action: row?.action ?? null }))
} finally {
  database.close()
}
