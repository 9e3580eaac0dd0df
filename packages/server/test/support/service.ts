/**
 * Test services on real databases: an SQLite file in a temporary folder, and — when
 * TEST_DATABASE_URL points at PostgreSQL — a fresh schema in that database, dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { idCheckChar } from '@bangban/shared/domain'
import pg from 'pg'
import { residentByIdNumber } from '../../src/auth/residents'
import { createSession } from '../../src/auth/sessions'
import { signInStaff } from '../../src/auth/staffSessions'
import { loadConfig } from '../../src/config'
import { createService, type Service } from '../../src/service'
import { manualClock } from '../../src/util/clock'

export type Engine = 'sqlite' | 'postgres'

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

export async function startService(
  database: TestDatabase,
  clock = manualClock(TEST_NOW),
): Promise<Service & { clock: typeof clock }> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    BANGBAN_SEED: 'demo',
    BANGBAN_KIOSK_KEY: KIOSK_KEY,
    BANGBAN_DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
    PG_POOL_SIZE: '8',
  })
  const service = await createService({
    config,
    clock,
    ...(database.schema ? { schema: database.schema } : {}),
  })
  return Object.assign(service, { clock })
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

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` }
}

/** A staff session for a demo staff number (the HTTP sign-in is rate limited per address). */
export async function staffToken(service: Service, staffNo: string): Promise<string> {
  const session = await signInStaff(service.ctx.db, service.ctx.clock, staffNo, STAFF_PASSWORD, 3600 * 12)
  return session.token
}
