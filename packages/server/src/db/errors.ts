/**
 * Recognises a unique-constraint violation on either engine, optionally on a given table
 * (PostgreSQL names the table in the error; SQLite names "table.column" in its message).
 */
export function isUniqueViolation(error: unknown, table?: string): boolean {
  const e = error as { code?: string; table?: string; message?: string } | null
  if (!e) return false
  if (e.code === '23505') return table === undefined || e.table === table
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return table === undefined || (e.message ?? '').includes(` ${table}.`)
  }
  return false
}

/**
 * better-sqlite3 makes its SqliteError class once per process, in the realm of the first copy of
 * it loaded. Where modules are loaded again in a fresh realm (jest runs each test file in its own),
 * its errors are no `Error` there: `instanceof Error` fails, and a refused statement reads as "did
 * not throw". Such an error is given again as an Error of this realm, with its message and code.
 */
export function asError(error: unknown): unknown {
  if (error instanceof Error || typeof error !== 'object' || error === null) return error
  const { message, code } = error as { message?: unknown; code?: unknown }
  if (typeof message !== 'string') return error
  const again = new Error(message, { cause: error })
  again.name = 'SqliteError'
  return typeof code === 'string' ? Object.assign(again, { code }) : again
}
