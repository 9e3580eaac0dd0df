/**
 * The audit trail is append-only in the database, any change, deletion or reordering is
 * detected, and concurrent appends from two service instances keep one unbroken chain.
 */
import { sql } from 'kysely'
import { findBreak, entryHash, GENESIS_HASH, type AuditEntry } from '../src/audit/chain'
import { appendAudit, verifyChain } from '../src/audit/log'
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

  it('refuses updates and deletes in the database itself', async () => {
    if (engine === 'sqlite') {
      // In a fresh process, so nothing another test did in this worker can stand between the
      // statement and SQLite's triggers.
      const { spawnSync } = await import('node:child_process')
      const { join } = await import('node:path')
      const probe = spawnSync(
        join(__dirname, '../../../node_modules/.bin/tsx'),
        [join(__dirname, 'support/appendOnlyProbe.ts'), database.url],
        { encoding: 'utf8' },
      )
      const answer = JSON.parse(probe.stdout) as { update: string; remove: string; action: string }
      expect(answer.update).toMatch(/append-only/)
      expect(answer.remove).toMatch(/append-only/)
      expect(answer.action).toBe('guarded')
    } else {
      const entry = await appendAudit(first.ctx.db, {
        at: new Date().toISOString(),
        actorKind: 'system',
        actorId: null,
        subjectId: null,
        grantId: null,
        action: 'guarded',
        target: null,
      })
      await expect(
        sql`UPDATE audit_log SET action = ${'forged'} WHERE seq = ${entry.seq}`.execute(first.ctx.db),
      ).rejects.toThrow(/append-only/)
      await expect(sql`DELETE FROM audit_log WHERE seq = ${entry.seq}`.execute(first.ctx.db)).rejects.toThrow(
        /append-only/,
      )
    }
    expect((await verifyChain(first.ctx.db)).problem).toBeNull()
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
  it('exits 0 on an intact chain and non-zero naming the first broken entry', async () => {
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
    // Someone with direct access to the file drops the guard and edits entry 3.
    await sql`DROP TRIGGER audit_log_no_update`.execute(service.ctx.db)
    await sql`UPDATE audit_log SET action = 'forged' WHERE seq = 3`.execute(service.ctx.db)
    await service.close()
    const broken = run()
    expect(broken.status).toBe(2)
    expect(broken.stderr).toContain('BROKEN at entry 3')
    await database.drop()
  })
})
