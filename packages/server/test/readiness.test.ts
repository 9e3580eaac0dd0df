/**
 * /healthz says the process serves HTTP; /readyz says it can reach its database too, and answers
 * 503 quickly when the database is closed, refuses, or does not answer at all.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { buildApp } from '../src/http/app'
import { databaseReadiness } from '../src/http/readiness'
import { describeOnEngines, startService } from './support/service'

/** A TCP server that accepts connections and never says a word: a database that hangs. */
async function silentServer(): Promise<{
  port: number
  connections: () => number
  close: () => Promise<void>
}> {
  const sockets = new Set<Socket>()
  let count = 0
  const server: Server = createServer((socket) => {
    count++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {
    port: address.port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function postgresAt(port: number): Kysely<unknown> {
  const pool = new pg.Pool({ connectionString: `postgres://bangban@127.0.0.1:${port}/bangban`, max: 2 })
  return new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) })
}

describe('database readiness check', () => {
  let silent: Awaited<ReturnType<typeof silentServer>>
  beforeAll(async () => {
    silent = await silentServer()
  })
  afterAll(() => silent.close())

  it('gives up after its timeout on a database that does not answer, and asks it once at a time', async () => {
    const db = postgresAt(silent.port)
    const check = databaseReadiness(db, 200)
    const started = Date.now()
    const answers = await Promise.all([check(), check(), check()])
    expect(Date.now() - started).toBeLessThan(2000)
    expect(answers).toEqual(Array(3).fill({ ready: false, reason: 'no answer within 200 ms' }))
    // The first query is still out: the next probe waits on it instead of opening another connection.
    expect((await check()).ready).toBe(false)
    expect(silent.connections()).toBe(1)
    void db.destroy().catch(() => undefined)
  })

  it('reports a database that refuses connections', async () => {
    const closed = await silentServer()
    const port = closed.port
    await closed.close()
    const db = postgresAt(port)
    const answer = await databaseReadiness(db, 2000)()
    expect(answer.ready).toBe(false)
    expect(answer.ready === false && answer.reason).toMatch(/ECONNREFUSED/)
    await db.destroy()
  })
})

describeOnEngines('/healthz and /readyz', (on) => {
  it('answers both while the database works', async () => {
    const health = await on.service.app.inject({ method: 'GET', url: '/healthz' })
    expect(health.json()).toMatchObject({ status: 'ok', engine: on.engine })
    const ready = await on.service.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toMatchObject({ status: 'ready', engine: on.engine })
    expect(ready.headers['cache-control']).toBe('no-store')
  })

  it('is not ready once its database is closed, and still alive', async () => {
    // A second instance on the same database, whose connection goes away under it.
    const other = await startService(on.database, on.service.clock)
    try {
      expect((await other.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
      await other.store.close()
      const ready = await other.app.inject({ method: 'GET', url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(ready.json()).toEqual({ status: 'unavailable', engine: on.engine })
      expect((await other.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    } finally {
      await other.app.close()
    }
    // The database itself is fine: the first instance is still ready.
    expect((await on.service.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
  })

  it('answers 503 within its timeout when the database hangs', async () => {
    const silent = await silentServer()
    const db = postgresAt(silent.port)
    const app = await buildApp({ ...on.service.ctx, db: db as never }, { readinessTimeoutMs: 300 })
    try {
      const started = Date.now()
      const ready = await app.inject({ method: 'GET', url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(Date.now() - started).toBeLessThan(3000)
    } finally {
      await app.close()
      void db.destroy().catch(() => undefined)
      await silent.close()
    }
  })
})
