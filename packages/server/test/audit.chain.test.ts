/**
 * The audit trail is append-only in the database, any change, deletion or reordering is
 * detected, and concurrent appends from two service instances keep one unbroken chain.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PaymentMethod } from '@bangban/core/api'
import { resources, SUPPORTED_LANGUAGES } from '@bangban/core/i18n'
import { auditActionKey } from '@bangban/core/i18n/auditAction'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { findBreak, entryHash, GENESIS_HASH, type AuditEntry } from '../src/audit/chain'
import { APPEND_ONLY_GUARDS, appendAudit, appendOnlyGuards, verifyChain } from '../src/audit/log'
import { paymentMethodOf, paymentTarget } from '../src/audit/targets'
import { shownAction } from '../src/audit/views'
import { connect } from '../src/db/connect'
import { asError } from '../src/db/errors'
import { engines, startService, testDatabase, type TestDatabase } from './support/service'

function chainOf(n: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      at: `2026-12-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
      actorKind: 'staff' as const,
      actorId: 'stf-1',
      subjectId: 'res-1',
      grantId: 'cst-1',
      action: `act${seq}`,
      target: null,
    }
    const hash = entryHash(prev, seq, fields)
    entries.push({ ...fields, seq, prevHash: prev, hash })
    prev = hash
  }
  return entries
}

describe('audit chain (pure)', () => {
  it('verifies an intact chain and finds a changed, deleted or reordered entry', () => {
    const chain = chainOf(6)
    expect(findBreak(chain)).toBeNull()
    const changed = chain.map((e) => (e.seq === 3 ? { ...e, action: 'something-else' } : e))
    expect(findBreak(changed)).toEqual({ seq: 3, problem: 'hash' })
    expect(findBreak(chain.filter((e) => e.seq !== 4))).toEqual({ seq: 5, problem: 'sequence' })
    const swapped = [chain[0]!, chain[2]!, chain[1]!, ...chain.slice(3)]
    expect(findBreak(swapped)?.seq).toBe(3)
    // Recomputing one entry's hash to hide a change still breaks the next link.
    const rehashed = chain.map((e) =>
      e.seq === 2 ? { ...e, target: 'x', hash: entryHash(e.prevHash, 2, { ...e, target: 'x' }) } : e,
    )
    expect(findBreak(rehashed)).toEqual({ seq: 3, problem: 'prev-hash' })
  })
})

describe('payment targets (pure)', () => {
  it('name the method, shown in plain words for every method in every language', () => {
    for (const method of PaymentMethod.options) {
      const target = paymentTarget({ id: 'pay_3kq9', method })
      expect(paymentMethodOf(target)).toBe(method)
      expect(shownAction('createPayment', target)).toBe(`createPayment.${method}`)
    }
    for (const language of SUPPORTED_LANGUAGES) {
      const words = resources[language].auditActions as Record<string, string>
      const lines = PaymentMethod.options.map((m) => words[auditActionKey(`createPayment.${m}`)])
      expect(lines).toEqual(PaymentMethod.options.map(() => expect.any(String)))
      // Cash and each way of paying in WeChat read differently.
      expect(new Set(lines).size).toBe(PaymentMethod.options.length)
    }
    // Entries from before methods were recorded, odd targets and other actions stay as they were.
    expect(shownAction('createPayment', 'pay_3kq9')).toBe('createPayment')
    expect(paymentMethodOf('pay_3kq9?method=bitcoin')).toBeNull()
    expect(paymentMethodOf(null)).toBeNull()
    expect(shownAction('listBills', 'pay_3kq9?method=counter-cash')).toBe('listBills')
  })
})

describe('SQLite errors from another realm', () => {
  it('come out as Errors of this realm, with their message and code', async () => {
    const { readFileSync } = await import('node:fs')
    const { runInNewContext } = await import('node:vm')
    // better-sqlite3's own error class, made in another realm: what a test file gets when an
    // earlier file in the same jest worker loaded better-sqlite3 first.
    const sandbox = { module: { exports: {} } }
    runInNewContext(readFileSync(require.resolve('better-sqlite3/lib/sqlite-error'), 'utf8'), sandbox)
    const ForeignSqliteError = sandbox.module.exports as new (message: string, code: string) => object
    const foreign = new ForeignSqliteError('audit_log is append-only', 'SQLITE_CONSTRAINT_TRIGGER')
    expect(foreign instanceof Error).toBe(false)
    const again = asError(foreign)
    expect(again).toBeInstanceOf(Error)
    expect(again).toMatchObject({
      name: 'SqliteError',
      message: 'audit_log is append-only',
      code: 'SQLITE_CONSTRAINT_TRIGGER',
      cause: foreign,
    })
    const own = new Error('own')
    expect(asError(own)).toBe(own)
    expect(asError('text')).toBe('text')
  })
})

describe('the SQLite statement cache', () => {
  it('meets a trigger created or dropped after the statement was first prepared, by any connection', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangban-cache-'))
    const store = connect(`sqlite:${join(dir, 'cache.db')}`)
    const other = new SQLite(join(dir, 'cache.db'))
    try {
      await sql`CREATE TABLE t (seq INTEGER PRIMARY KEY, action TEXT)`.execute(store.db)
      await sql`INSERT INTO t VALUES (1, 'kept')`.execute(store.db)
      // Prepared and cached while there is no trigger yet.
      const change = () => sql`UPDATE t SET action = ${'changed'} WHERE seq = ${1}`.execute(store.db)
      expect((await change()).numAffectedRows).toBe(1n)
      await sql`CREATE TRIGGER t_guard BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'guarded here'); END`.execute(
        store.db,
      )
      await expect(change()).rejects.toThrow(/guarded here/)
      other.exec('DROP TRIGGER t_guard')
      expect((await change()).numAffectedRows).toBe(1n)
      other.exec("CREATE TRIGGER t_guard BEFORE UPDATE ON t BEGIN SELECT RAISE(ABORT, 'guarded there'); END")
      await expect(change()).rejects.toThrow(/guarded there/)
    } finally {
      other.close()
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe.each(engines)('audit log on %s', (engine) => {
  let database: TestDatabase
  let first: Awaited<ReturnType<typeof startService>>
  let second: Awaited<ReturnType<typeof startService>>

  beforeAll(async () => {
    database = testDatabase(engine)
    first = await startService(database)
    second = engine === 'postgres' ? await startService(database, first.clock) : first
  })
  afterAll(async () => {
    if (second !== first) await second.close()
    await first.close()
    await database.drop()
  })

  it('keeps one unbroken chain under 100 concurrent appends from two instances', async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        appendAudit((i % 2 ? second : first).ctx.db, {
          at: new Date().toISOString(),
          actorKind: 'system',
          actorId: null,
          subjectId: null,
          grantId: null,
          action: `load-${i}`,
          target: null,
        }),
      ),
    )
    const result = await verifyChain(first.ctx.db)
    expect(result.problem).toBeNull()
    expect(result.entries).toBeGreaterThanOrEqual(100)
  })

  async function guardedEntry() {
    return appendAudit(first.ctx.db, {
      at: new Date().toISOString(),
      actorKind: 'system',
      actorId: null,
      subjectId: null,
      grantId: null,
      action: 'guarded',
      target: null,
    })
  }

  const actionAt = async (seq: number) =>
    (await first.ctx.db.selectFrom('audit_log').select('action').where('seq', '=', seq).executeTakeFirst())
      ?.action

  /**
   * What the database said to a change: refused, or — so a failure names its cause — what the
   * statement changed and which guards were in force at that moment.
   */
  async function outcome(statement: Promise<unknown>) {
    return statement.then(
      async (result) => ({
        refused: false,
        result: JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
        guards: await appendOnlyGuards(first.ctx.db, engine),
      }),
      // An Error of this realm, whichever test file loaded better-sqlite3 first (see asError).
      (error: Error) => ({
        refused: /append-only/.test(error.message) || error.message,
        isError: error instanceof Error,
      }),
    )
  }

  it('refuses updates and deletes in the database itself, through the service connection', async () => {
    expect(await appendOnlyGuards(first.ctx.db, engine)).toEqual(APPEND_ONLY_GUARDS[engine])
    const { seq } = await guardedEntry()
    // A statement that matches no row fires no trigger: the row must be there for this to mean anything.
    expect(await actionAt(seq)).toBe('guarded')
    const db = first.ctx.db
    const refused = { refused: true, isError: true }
    expect(
      await outcome(sql`UPDATE audit_log SET action = ${'forged'} WHERE seq = ${seq}`.execute(db)),
    ).toEqual(refused)
    expect(await outcome(sql`DELETE FROM audit_log WHERE seq = ${seq}`.execute(db))).toEqual(refused)
    // The same through the query builder, and the whole table at once.
    expect(
      await outcome(db.updateTable('audit_log').set({ target: 'x' }).where('seq', '=', seq).execute()),
    ).toEqual(refused)
    expect(await outcome(db.deleteFrom('audit_log').execute())).toEqual(refused)
    if (engine === 'postgres') expect(await outcome(sql`TRUNCATE audit_log`.execute(db))).toEqual(refused)
    expect(await actionAt(seq)).toBe('guarded')
    expect((await verifyChain(db)).problem).toBeNull()
  })

  it('refuses them to another client of the same database too', async () => {
    const { seq } = await guardedEntry()
    if (engine === 'sqlite') {
      // Plain better-sqlite3 in a fresh process, while the service holds the file open.
      const { spawnSync } = await import('node:child_process')
      const { join } = await import('node:path')
      const probe = spawnSync(
        join(__dirname, '../../../node_modules/.bin/tsx'),
        [join(__dirname, 'support/appendOnlyProbe.ts'), database.url, String(seq)],
        { encoding: 'utf8' },
      )
      expect(probe.stderr).toBe('')
      expect(JSON.parse(probe.stdout)).toEqual({
        update: expect.stringMatching(/append-only/),
        remove: expect.stringMatching(/append-only/),
        action: 'guarded',
      })
    } else {
      const pg = (await import('pg')).default
      const client = new pg.Client({
        connectionString: database.url,
        options: `-c search_path=${database.schema!}`,
      })
      await client.connect()
      try {
        const tried = async (text: string) =>
          client.query(text, [seq]).then(
            () => 'allowed',
            (error: Error) => error.message,
          )
        expect(await tried(`UPDATE audit_log SET action = 'forged' WHERE seq = $1`)).toMatch(/append-only/)
        expect(await tried(`DELETE FROM audit_log WHERE seq = $1`)).toMatch(/append-only/)
      } finally {
        await client.end()
      }
    }
    expect(await actionAt(seq)).toBe('guarded')
  })

  it('detects an entry cut from the end', async () => {
    // Simulate a tail cut by someone bypassing the triggers: move the head forward without an entry.
    await first.ctx.db
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .execute()
    const result = await verifyChain(first.ctx.db)
    expect(result.problem?.problem).toBe('sequence')
    await first.ctx.db
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '-', 1) }))
      .where('id', '=', 1)
      .execute()
  })
})

describe('pnpm audit:verify', () => {
  it('exits 0 on an intact chain, non-zero naming the first broken entry or a missing guard', async () => {
    const { spawnSync } = await import('node:child_process')
    const { join } = await import('node:path')
    const database = testDatabase('sqlite')
    const service = await startService(database)
    for (let i = 0; i < 5; i++)
      await appendAudit(service.ctx.db, {
        at: new Date().toISOString(),
        actorKind: 'system',
        actorId: null,
        subjectId: null,
        grantId: null,
        action: `step-${i}`,
        target: null,
      })
    const run = () =>
      spawnSync(join(__dirname, '../../../node_modules/.bin/tsx'), ['src/audit/verifyCli.ts'], {
        cwd: join(__dirname, '..'),
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
      })
    const ok = run()
    expect(ok.status).toBe(0)
    expect(ok.stderr).toMatch(/audit chain OK: \d+ entries/)
    // Someone with direct access to the file drops the guard: nothing is changed yet, but it could be.
    await sql`DROP TRIGGER audit_log_no_update`.execute(service.ctx.db)
    const unguarded = run()
    expect(unguarded.status).toBe(2)
    expect(unguarded.stderr).toMatch(/audit chain OK: \d+ entries/)
    expect(unguarded.stderr).toContain('NOT append-only: trigger audit_log_no_update missing')
    // …and edits entry 3.
    await sql`UPDATE audit_log SET action = 'forged' WHERE seq = 3`.execute(service.ctx.db)
    await service.close()
    const broken = run()
    expect(broken.status).toBe(2)
    expect(broken.stderr).toContain('BROKEN at entry 3')
    await database.drop()
  })

  it('refuses without a database named, and reads --env-file as the service would', async () => {
    const { spawnSync } = await import('node:child_process')
    const { existsSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'bangban-verify-'))
    const database = testDatabase('sqlite')
    const service = await startService(database)
    await service.close()
    const run = (...args: string[]) =>
      spawnSync(
        join(__dirname, '../../../node_modules/.bin/tsx'),
        [join(__dirname, '../src/audit/verifyCli.ts'), ...args],
        { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
      )
    try {
      const refused = run()
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain('--env-file')
      expect(existsSync(join(dir, 'data'))).toBe(false)
      const envFile = join(dir, 'service.env')
      writeFileSync(envFile, `# the service's file\nDATABASE_URL=${database.url}\n`)
      const ok = run('--env-file', envFile)
      expect(ok.stderr).toMatch(/audit chain OK: \d+ entries/)
      expect(ok.status).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
      await database.drop()
    }
  })
})
