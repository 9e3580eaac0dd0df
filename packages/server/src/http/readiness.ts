/**
 * Readiness: can this instance reach its database right now? A trivial query with a short
 * timeout, so a load balancer takes an instance out whose database is gone, unreachable or
 * starved, instead of sending it residents whose requests would hang or fail.
 */
import { sql, type Kysely } from 'kysely'

export const READINESS_TIMEOUT_MS = 2000

export type Readiness = { readonly ready: true } | { readonly ready: false; readonly reason: string }

/**
 * A check to call on every probe. While a query is still out (a slow or unreachable database),
 * later probes wait on that one instead of queueing more queries behind it.
 */
export function databaseReadiness<DB>(
  db: Kysely<DB>,
  timeoutMs = READINESS_TIMEOUT_MS,
): () => Promise<Readiness> {
  let pending: Promise<Readiness> | null = null
  const query = () =>
    sql`select 1 as ok`
      .execute(db)
      .then(
        (): Readiness => ({ ready: true }),
        (error: unknown): Readiness => ({
          ready: false,
          reason: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        pending = null
      })
  return async () => {
    pending ??= query()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<Readiness>((resolve) => {
      timer = setTimeout(
        () => resolve({ ready: false, reason: `no answer within ${timeoutMs} ms` }),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([pending, timeout])
    } finally {
      clearTimeout(timer)
    }
  }
}

/** How far this instance's clock may stand from the database's before /readyz turns it away. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5000

export type Skew = { readonly skewMs: number } | { readonly skewMs: null; readonly reason: string }

/**
 * Sessions, consents, payment expiry and the reconciler use each instance's own clock: an
 * instance whose clock stands apart from the others signs residents out at random. The database's
 * clock is the common reference; the difference is measured against the middle of the round trip.
 */
export async function clockSkew<DB>(
  db: Kysely<DB>,
  engine: 'sqlite' | 'postgres',
  wallClock: () => number = Date.now,
): Promise<Skew> {
  const query =
    engine === 'postgres'
      ? sql<{ ms: number | string }>`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`
      : sql<{ ms: number | string }>`select (julianday('now') - 2440587.5) * 86400000.0 as ms`
  try {
    const before = wallClock()
    const { rows } = await query.execute(db)
    const after = wallClock()
    const databaseMs = Number(rows[0]?.ms)
    if (!Number.isFinite(databaseMs)) return { skewMs: null, reason: 'the database gave no time' }
    return { skewMs: Math.round((before + after) / 2 - databaseMs) }
  } catch (error) {
    return { skewMs: null, reason: error instanceof Error ? error.message : String(error) }
  }
}
