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
