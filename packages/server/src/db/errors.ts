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
