/**
 * Issue 19, D6: an insider with write access to the database can no longer rewrite, cut or forge
 * the audit log unseen. Signed tree heads (Ed25519, key outside the database) and the heads
 * witnessed in a file no longer verify after the chain is rewritten with correct hashes, after its
 * tail is cut, or against a head signed with another key. SQLite's INSERT OR REPLACE is refused.
 */
import { generateKeyPairSync } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { entryHash, GENESIS_HASH } from '../src/audit/chain'
import { toEntry, verifyChain } from '../src/audit/log'
import {
  AuditKeyError,
  leafHashes,
  loadAuditSigner,
  readWitness,
  signTreeHead,
  verifyHeads,
  WITNESS_FILE,
} from '../src/audit/tree'
import { sqlitePath } from '../src/db/connect'
import { bearer, describeOnEngines, staffToken } from './support/service'

describe('the audit signing key', () => {
  it('is made with mode 0600 and refused once others may read it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bangban-key-'))
    const path = join(dir, 'k.pem')
    const signer = loadAuditSigner(path, { create: true })
    expect(loadAuditSigner(path, { create: false }).keyId).toBe(signer.keyId)
    chmodSync(path, 0o644)
    expect(() => loadAuditSigner(path, { create: false })).toThrow(AuditKeyError)
    expect(() => loadAuditSigner(join(dir, 'missing.pem'), { create: false })).toThrow(AuditKeyError)
  })
})

describeOnEngines('signed audit tree heads', (on) => {
  const witnessFile = () => join(on.service.ctx.audit.witnessDir!, WITNESS_FILE)
  const sign = () =>
    signTreeHead(
      on.service.ctx.db,
      on.service.ctx.audit.leaves,
      on.service.ctx.audit.signer,
      on.service.ctx.audit.witnessDir,
      on.service.clock.now(),
    )
  const check = async () =>
    verifyHeads(on.service.ctx.db, on.service.ctx.audit.signer.publicKey, readWitness(witnessFile()))

  /** Runs raw SQL as an insider would, with the append-only guards out of the way. */
  async function asInsider(
    statements: (run: (text: string, ...values: unknown[]) => Promise<void>) => Promise<void>,
  ) {
    if (on.engine === 'sqlite') {
      const raw = new SQLite(sqlitePath(on.database.url))
      raw.pragma('busy_timeout = 5000')
      const triggers = raw
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log','audit_tree_heads')",
        )
        .all() as Array<{ name: string; sql: string }>
      for (const t of triggers) raw.exec(`DROP TRIGGER ${t.name}`)
      await statements(async (text, ...values) => {
        raw.prepare(text.replace(/\$\d+/g, '?')).run(...values)
      })
      for (const t of triggers) raw.exec(t.sql)
      raw.close()
    } else {
      await on.service.ctx.db.connection().execute(async (conn) => {
        await sql`SET session_replication_role = replica`.execute(conn)
        await statements(async (text, ...values) => {
          await sql
            .raw(text.replace(/\$(\d+)/g, (_, i) => `'${String(values[Number(i) - 1])}'`))
            .execute(conn)
        })
        await sql`SET session_replication_role = origin`.execute(conn)
      })
    }
  }

  /** Rewrites entry `seq` and every hash after it, and the chain head: the chain verifies again. */
  async function rewriteChain(seq: number) {
    const rows = (await on.service.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map(
      toEntry,
    )
    await asInsider(async (run) => {
      let prev = GENESIS_HASH
      for (const entry of rows) {
        const fields = entry.seq === seq ? { ...entry, action: 'forged' } : entry
        const hash = entryHash(prev, entry.seq, fields)
        await run(
          'UPDATE audit_log SET action = $1, prev_hash = $2, hash = $3 WHERE seq = $4',
          fields.action,
          prev,
          hash,
          entry.seq,
        )
        prev = hash
      }
      await run('UPDATE audit_head SET hash = $1 WHERE id = 1', prev)
    })
  }

  it('signs and witnesses heads that verify and are consistent', async () => {
    const admin = await staffToken(on.service, 'A0001')
    for (let i = 0; i < 3; i++) {
      await on.service.app.inject({ url: '/api/v1/admin/audit?limit=1', headers: bearer(admin) })
      expect(await sign()).not.toBeNull()
    }
    const witnessed = readWitness(witnessFile())
    expect(witnessed.length).toBeGreaterThanOrEqual(3)
    expect(witnessed.at(-1)!.treeSize).toBe((await leafHashes(on.service.ctx.db)).length)
    expect(await check()).toMatchObject({ problems: [] })
  })

  it('sees a rewritten chain that itself still verifies', async () => {
    await rewriteChain(2)
    expect((await verifyChain(on.service.ctx.db)).problem).toBeNull()
    const { problems } = await check()
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.kind === 'root' || p.kind === 'inconsistent')).toBe(true)
  })

  it('sees a tail cut off (a head witnessed outside the database is ahead of the log)', async () => {
    const leaves = await leafHashes(on.service.ctx.db)
    await asInsider(async (run) => {
      await run('DELETE FROM audit_log WHERE seq > $1', leaves.length - 2)
      await run('DELETE FROM audit_tree_heads WHERE tree_size > $1', leaves.length - 2)
    })
    const { problems } = await check()
    expect(problems).toContainEqual({ kind: 'ahead', treeSize: leaves.length, entries: leaves.length - 2 })
  })

  it('refuses a head signed with another key', async () => {
    const { privateKey } = generateKeyPairSync('ed25519')
    const dir = mkdtempSync(join(tmpdir(), 'bangban-rogue-'))
    writeFileSync(join(dir, 'k.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    const rogue = loadAuditSigner(join(dir, 'k.pem'), { create: false })
    const forged = rogue.signHead({
      treeSize: 1,
      rootHash: '00'.repeat(32),
      signedAt: on.service.clock.now().toISOString(),
    })
    const file = join(dir, WITNESS_FILE)
    writeFileSync(file, `${JSON.stringify(forged)}\n`)
    const { problems } = await verifyHeads(
      on.service.ctx.db,
      on.service.ctx.audit.signer.publicKey,
      readWitness(file),
    )
    expect(problems).toContainEqual({ kind: 'signature', treeSize: 1, where: 'witness' })
    expect(readFileSync(file, 'utf8')).toContain(rogue.keyId)
  })

  if (on.engine === 'sqlite') {
    it('SQLite: INSERT OR REPLACE cannot replace an entry', () => {
      const raw = new SQLite(sqlitePath(on.database.url))
      raw.pragma('busy_timeout = 5000')
      try {
        expect(() =>
          raw
            .prepare(
              `INSERT OR REPLACE INTO audit_log (seq, at, actor_kind, actor_id, subject_id, grant_id, action, target, prev_hash, hash)
               SELECT seq, at, actor_kind, actor_id, subject_id, grant_id, 'replaced', target, prev_hash, hash FROM audit_log WHERE seq = 1`,
            )
            .run(),
        ).toThrow(/append-only/)
        expect(
          (raw.prepare('SELECT action FROM audit_log WHERE seq = 1').get() as { action: string }).action,
        ).not.toBe('replaced')
      } finally {
        raw.close()
      }
    })
  }
})
