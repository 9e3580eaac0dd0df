/**
 * Issue 19, D8: database trouble is 503 SERVICE_UNAVAILABLE with Retry-After (kiosks retry), never
 * 500 INTERNAL; on SQLite a write waits for another process's lock (a backup, the admin CLI)
 * instead of failing at once.
 */
import { spawn } from 'node:child_process'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { sqlitePath } from '../src/db/connect'
import type { Database } from '../src/db/schema'
import { isDatabaseUnavailable } from '../src/db/unavailable'
import { buildApp } from '../src/http/app'
import { freePort } from './support/ownPostgres'
import { bearer, describeOnEngines, residents } from './support/service'

/** Another process holds SQLite's write lock for `ms`, as a backup or the admin CLI would. */
function holdSqliteLock(url: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    const SQLite = require('better-sqlite3')
    const db = new SQLite(${JSON.stringify(sqlitePath(url))})
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close() }, ${ms})`
  const child = spawn(process.execPath, ['-e', script], { cwd: __dirname })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.stdout.once('data', () =>
      resolve({ released: new Promise<void>((done) => child.on('exit', () => done())) }),
    )
  })
}

describe('what counts as the database being away', () => {
  it('knows PostgreSQL restarts, refused connections and SQLite locks from ordinary errors', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(
      isDatabaseUnavailable(new AggregateError([Object.assign(new Error(), { code: 'ECONNREFUSED' })])),
    ).toBe(true)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('locked'), { code: 'SQLITE_BUSY' }))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }))).toBe(true)
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(
      false,
    )
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false)
  })
})

describeOnEngines('a database that is away', (on) => {
  it('is 503 SERVICE_UNAVAILABLE with Retry-After, not 500', async () => {
    // The same service, its database now a PostgreSQL that refuses connections.
    const port = await freePort()
    const pool = new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${port}/x`, max: 1 })
    const gone = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const app = await buildApp({ ...on.service.ctx, db: gone }, { readinessTimeoutMs: 2000 })
    try {
      for (const url of ['/api/v1/providers', '/api/v1/slots?serviceId=svc-general&date=2026-12-02']) {
        const res = await app.inject({ url })
        expect(res.statusCode).toBe(503)
        expect(res.json().error.code).toBe('SERVICE_UNAVAILABLE')
        expect(res.headers['retry-after']).toBe('5')
      }
      const [alice] = await residents(on.service, 1, 900)
      const me = await app.inject({ url: '/api/v1/me', headers: bearer(alice!.token) })
      expect(me.statusCode).toBe(503)
      const ready = await app.inject({ url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(ready.headers['retry-after']).toBe('5')
    } finally {
      await app.close()
      await gone.destroy()
    }
  })

  if (on.engine === 'sqlite') {
    it('SQLite: a booking waits for a write lock another process holds, then succeeds', async () => {
      const [bob] = await residents(on.service, 1, 901)
      const slots = (
        await on.service.app.inject({ url: '/api/v1/slots?serviceId=svc-tcm&date=2026-12-04' })
      ).json() as Array<{ id: string }>
      const lock = await holdSqliteLock(on.database.url, 800)
      const started = Date.now()
      const booked = await on.service.app.inject({
        method: 'POST',
        url: '/api/v1/appointments',
        headers: bearer(bob!.token),
        payload: { slotId: slots[0]!.id },
      })
      await lock.released
      expect(booked.statusCode).toBe(201)
      expect(Date.now() - started).toBeGreaterThanOrEqual(500)
    })
  }
})
