/**
 * Test services on real databases: an SQLite file in a temporary folder, and — when
 * TEST_DATABASE_URL points at PostgreSQL — a fresh schema in that database, dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { idCheckChar } from '@bangban/core/domain'
import pg from 'pg'
import { residentByIdNumber } from '../../src/auth/residents'
import { createSession } from '../../src/auth/sessions'
import { signInStaff } from '../../src/auth/staffSessions'
import { loadConfig } from '../../src/config'
import { createService, type Service, type ServiceOptions } from '../../src/service'
import { manualClock } from '../../src/util/clock'
import { sha256 } from '../../src/util/hash'
import type { Engine } from '../../src/db/engine'

export type { Engine }

/** The engines every storage test runs on. */
export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']

/** 2026-12-01 08:00 in Shanghai: every demo slot of the next 14 days lies ahead. */
export const TEST_NOW = '2026-12-01T00:00:00.000Z'
export const KIOSK_KEY = 'test-kiosk-key-0123456789'
export const STAFF_PASSWORD = 'demo-staff-pass-1'

export interface TestDatabase {
  readonly url: string
  readonly schema?: string
  drop(): Promise<void>
}

export function testDatabase(engine: Engine): TestDatabase {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bangban-test-'))
    return {
      url: `sqlite:${join(dir, 'test.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const url = process.env.TEST_DATABASE_URL!
  const schema = `t_${Math.random().toString(36).slice(2, 10)}`
  return {
    url,
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await client.end()
    },
  }
}

/**
 * On PostgreSQL each test database is a schema of one database: its audit heads are witnessed in a
 * folder of its own (on SQLite the default, beside the file, is its own already).
 */
export function auditWitnessEnv(database: TestDatabase): Record<string, string> {
  return database.schema
    ? { BANGBAN_AUDIT_WITNESS_DIR: join(tmpdir(), `bangban-witness-${database.schema}`) }
    : {}
}

export type ManualClock = ReturnType<typeof manualClock>
/** A test service: the demo data, the test kiosk key and staff password, and a clock the test moves. */
export type Started = Service & { clock: ManualClock }

/** What a test may change beyond the defaults: more settings, a log sink, an SMS outbox. */
export type StartOptions = Partial<Pick<ServiceOptions, 'sms' | 'logger'>> & {
  readonly env?: Record<string, string>
}

export async function startService(
  database: TestDatabase,
  clock = manualClock(TEST_NOW),
  options: StartOptions = {},
): Promise<Started> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    BANGBAN_SEED: 'demo',
    BANGBAN_KIOSK_KEY: KIOSK_KEY,
    BANGBAN_DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
    PG_POOL_SIZE: '8',
    ...auditWitnessEnv(database),
    ...options.env,
  })
  const service = await createService({
    config,
    clock,
    ...(database.schema ? { schema: database.schema } : {}),
    ...(options.sms ? { sms: options.sms } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  })
  return Object.assign(service, { clock })
}

/** One engine's database and the services started on it, readable once its beforeAll has run. */
export interface OnEngine<S extends Service = Started> {
  readonly engine: Engine
  readonly database: TestDatabase
  /** The first instance. */
  readonly service: S
  /** Every instance (several only on PostgreSQL, see `instances` in the options). */
  readonly instances: readonly S[]
  /** Round robin over the instances, to spread a load across them. */
  instance(i: number): S
  /** Closes the first instance and starts a new one in its place on the same database. */
  restart(): Promise<S>
}

export interface OnEngineOptions<S extends Service> {
  /**
   * How many instances share the database on PostgreSQL. SQLite is one embedded file per
   * service, so it always runs one.
   */
  readonly instances?: number
  /** Starts an instance; `like` is one already running whose clock (or stand-ins) to share. */
  readonly start: (database: TestDatabase, like?: S) => Promise<S>
  /** Runs after the instances close, before the database is dropped (e.g. to stop a stand-in). */
  readonly stop?: (first: S) => Promise<void>
}

/**
 * `describe` once per engine (`<title> on sqlite`, `<title> on postgres`) with a fresh database
 * and started services: set up in beforeAll, closed and dropped in afterAll. `body` runs at
 * collection time, so it reads `on.service` only inside hooks and tests.
 */
export function describeOnEngines(title: string, body: (on: OnEngine) => void): void
export function describeOnEngines(
  title: string,
  options: { readonly instances?: number },
  body: (on: OnEngine) => void,
): void
export function describeOnEngines<S extends Service>(
  title: string,
  options: OnEngineOptions<S>,
  body: (on: OnEngine<S>) => void,
): void
export function describeOnEngines<S extends Service>(
  title: string,
  ...args: [(on: OnEngine<S>) => void] | [Partial<OnEngineOptions<S>>, (on: OnEngine<S>) => void]
): void {
  const [options, body] = args.length === 1 ? [{}, args[0]] : args
  // Without `start` the overloads make S the default test service.
  const start =
    options.start ??
    ((database: TestDatabase, like?: S) =>
      startService(database, (like as Started | undefined)?.clock) as unknown as Promise<S>)
  describe.each(engines)(`${title} on %s`, (engine) => {
    let database: TestDatabase | undefined
    const instances: S[] = []
    const ready = <T>(value: T | undefined): T => {
      if (value === undefined)
        throw new Error('The service starts in beforeAll: read it in a hook or a test.')
      return value
    }
    // Hooks run in the order declared: the body's beforeAll after the start, its afterAll before the stop.
    beforeAll(async () => {
      database = testDatabase(engine)
      instances.push(await start(database))
      const count = engine === 'postgres' ? (options.instances ?? 1) : 1
      while (instances.length < count) instances.push(await start(database, instances[0]))
    })
    body({
      engine,
      get database() {
        return ready(database)
      },
      get service() {
        return ready(instances[0])
      },
      instances,
      instance: (i) => ready(instances[i % instances.length]),
      restart: async () => {
        const old = ready(instances[0])
        await old.close()
        instances[0] = await start(ready(database), old)
        return instances[0]
      },
    })
    afterAll(async () => {
      for (const instance of instances) await instance.close()
      if (instances[0] && options.stop) await options.stop(instances[0])
      await database?.drop()
    })
  })
}

/** The n-th synthetic valid ID number (GB 11643 check character included). */
export function idNumberFor(n: number): string {
  const first17 = `110105${1940 + (n % 50)}0101${String(n % 1000).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

/** Signs in `count` distinct residents directly (the HTTP sign-in is rate limited per address). */
export async function residents(
  service: Service,
  count: number,
  offset = 0,
): Promise<Array<{ id: string; token: string }>> {
  const out = []
  for (let i = 0; i < count; i++) {
    const row = await residentByIdNumber(
      service.ctx.db,
      service.ctx.clock,
      service.ctx.idPepper,
      `居民${i + offset}`,
      idNumberFor(i + offset),
    )
    const { token } = await createSession(service.ctx.db, service.ctx.clock, row.id, 'id-card', 3600, null)
    out.push({ id: row.id, token })
  }
  return out
}

/**
 * The resident behind this session linked their WeChat (as POST /api/v1/me/wechat does): the
 * session now pays in the mini-program as that WeChat user. The service never takes an openid
 * from the phone.
 */
export async function withWechat(service: Service, token: string, openid: string): Promise<string> {
  await service.ctx.db
    .updateTable('sessions')
    .set({ wechat_openid: openid })
    .where('token_hash', '=', sha256(token))
    .execute()
  return token
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` }
}

/** A staff session for a demo staff number (the HTTP sign-in is rate limited per address). */
export async function staffToken(service: Service, staffNo: string): Promise<string> {
  const session = await signInStaff(service.ctx.db, service.ctx.clock, staffNo, STAFF_PASSWORD, 3600 * 12)
  return session.token
}
