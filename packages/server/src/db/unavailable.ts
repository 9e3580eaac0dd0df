/**
 * Errors that mean "the database cannot serve right now" rather than "this request is wrong":
 * PostgreSQL restarting, failing over, refusing or dropping connections; SQLite's file locked by
 * another process past the busy timeout, read-only, full or failing to write. The service answers
 * these with 503 SERVICE_UNAVAILABLE and Retry-After (kiosks retry), never 500, and recovers by
 * itself when the database does.
 */

/** Node's socket errors on a connection to the database. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01–57P05 (admin shutdown, crash
 * shutdown, cannot connect now, database dropped, idle session timeout), 53300 (too many
 * connections), 25006 (read-only transaction: a standby after a failover), 40001/40P01 are not
 * here (a retry of the same request is the caller's business, answered 409 where it matters).
 */
function isPostgresUnavailable(code: string): boolean {
  return code.startsWith('08') || /^57P0[1-5]$/.test(code) || code === '53300' || code === '25006'
}

/** SQLite's result codes (better-sqlite3 names extended codes, e.g. SQLITE_IOERR_WRITE). */
function isSqliteUnavailable(code: string): boolean {
  return /^SQLITE_(BUSY|LOCKED|FULL|READONLY|IOERR|CANTOPEN|PROTOCOL)/.test(code)
}

/** What pg says when a connection dies or cannot be had (these carry no code). */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Connection terminated unexpectedly',
  'Postgres connection has been discarded',
  'the database system is starting up',
  'the database system is shutting down',
]

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown }
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || isPostgresUnavailable(code) || isSqliteUnavailable(code)) return true
  }
  if (typeof message === 'string' && PG_MESSAGES.some((text) => message.includes(text))) return true
  // AggregateError (a connection refused on every address) and wrapped errors.
  const inner = (error as { errors?: unknown }).errors
  if (Array.isArray(inner) && inner.some((e) => isDatabaseUnavailable(e, depth + 1))) return true
  return cause !== undefined && isDatabaseUnavailable(cause, depth + 1)
}

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5
