/**
 * One query layer over two engines: an embedded SQLite file (the default, WAL mode) or PostgreSQL
 * when DATABASE_URL is a postgres:// URL, so several service instances can share one database.
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  SqliteDialect,
  type MigrationProvider,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely'
import pg from 'pg'
import { asError } from './errors'
import { migrationsFor } from './migrations'
import type { Database } from './schema'

import type { Engine } from './engine'

export interface Store {
  readonly db: Kysely<Database>
  readonly engine: Engine
  /** PostgreSQL: the pool's connections now (for the metrics); SQLite: none. */
  readonly pool?: () => { totalCount: number; idleCount: number; waitingCount: number }
  close(): Promise<void>
}

export interface ConnectOptions {
  /** PostgreSQL only: a schema to work in (created if missing); tests use one each. */
  readonly schema?: string
  /** PostgreSQL pool size per service instance. */
  readonly poolSize?: number
  /**
   * PostgreSQL: told when the server closes a connection (restart, failover, pg_terminate_backend,
   * idle_session_timeout, a network device dropping idle TCP). The pool discards that connection
   * and the next query opens a new one; without a listener Node would end the process.
   */
  readonly onConnectionError?: (error: Error) => void
  /** PostgreSQL: how long a query waits for a connection before failing (503), in ms. */
  readonly connectTimeoutMs?: number
}

export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite'
}

/** The SQLite file path of a DATABASE_URL (`sqlite:./data/x.db`, `file:…`, or a plain path). */
export function sqlitePath(url: string): string {
  return url.replace(/^(sqlite|file):(\/\/)?/, '')
}

export function connect(url: string, options: ConnectOptions = {}): Store {
  if (engineOf(url) === 'postgres') {
    const schema = options.schema
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`invalid schema name: ${schema}`)
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // A database that is away fails a request in seconds (503), instead of holding it forever.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    })
    const told = options.onConnectionError ?? (() => undefined)
    // An idle connection closed by the server: the pool drops it and says so here.
    pool.on('error', (error) => told(error))
    // A connection closed while a query runs fails that query (answered 503); the client still
    // emits 'error', which must not go unheard. The pool drops it when it is given back.
    pool.on('connect', (client) => client.on('error', () => undefined))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return {
      db,
      engine: 'postgres',
      pool: () => ({
        totalCount: pool.totalCount,
        idleCount: pool.idleCount,
        waitingCount: pool.waitingCount,
      }),
      close: () => db.destroy(),
    }
  }
  const path = sqlitePath(url)
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  const database = new SQLite(path)
  database.pragma('journal_mode = WAL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  database.pragma('synchronous = NORMAL')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) })
  return { db, engine: 'sqlite', close: () => db.destroy() }
}

/**
 * Kysely prepares every query afresh; preparing is a large share of a booking's time on SQLite.
 * Our queries are a small fixed set of SQL texts (values are bound), so prepared statements are
 * kept and reused (SQLite prepares one again itself when the schema changed since). The cache is
 * bounded in case of unusual query shapes. Errors come out as Errors of this realm (see asError).
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      // A transaction takes the write lock when it begins (BEGIN IMMEDIATE), so one that meets
      // another process's lock (a backup, the admin CLI) waits for busy_timeout. A deferred one
      // that read first and then wanted to write would fail at once with SQLITE_BUSY. In this
      // process Kysely runs one transaction at a time anyway, so nothing is lost by taking it early.
      const sql = text === 'begin' ? 'begin immediate' : text
      let statement = cache.get(sql)
      if (!statement) {
        statement = rethrowingAsError(guard(() => database.prepare(sql)))
        if (cache.size >= 500) cache.clear()
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

function guard<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    throw asError(error)
  }
}

function rethrowingAsError(statement: SQLite.Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => guard(() => statement.all(parameters)),
    run: (parameters) => guard(() => statement.run(parameters)),
    iterate: function* (parameters) {
      const rows = guard(() => statement.iterate(parameters))
      try {
        for (;;) {
          const next = guard(() => rows.next())
          if (next.done) return
          yield next.value
        }
      } finally {
        // A reader that stops early must free the statement for its next use.
        rows.return?.()
      }
    },
  }
}

async function currentSchema(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ?? null
}

export interface MigrationReport {
  /** Every migration the database has, in order (the newest last). */
  readonly applied: readonly string[]
  /** Those this call applied. */
  readonly ranNow: readonly string[]
}

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrate(store: Store, schema?: string): Promise<MigrationReport> {
  if (store.engine === 'postgres' && schema) {
    await store.db.schema.createSchema(schema).ifNotExists().execute()
  }
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(store.engine) }
  // Unless told the schema, Kysely takes its migration tables in any schema of the database for
  // its own: another deployment or a parallel test there would hide the missing ones here.
  const migrationTableSchema =
    store.engine === 'postgres' ? (schema ?? (await currentSchema(store.db))) : null
  const migrator = new Migrator({
    db: store.db,
    provider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(
      `database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`,
    )
  }
  const all = await migrator.getMigrations()
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    ranNow: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  }
}
