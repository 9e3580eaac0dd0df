/**
 * A PostgreSQL cluster of the test's own, so a test may stop, restart and cut it without touching
 * the shared one: Debian's server binaries (/usr/lib/postgresql/<version>/bin), `initdb` in a
 * temporary folder, `pg_ctl` on a free port of 127.0.0.1, trust authentication. PostgreSQL refuses
 * to run as root, so under root it runs as the `postgres` user (runuser). Where the binaries are
 * missing, `ownPostgresBinaries()` is null and the caller skips, saying why.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

const ROOT = '/usr/lib/postgresql'

/** The bin folder of the newest installed server, or null. */
export function ownPostgresBinaries(): string | null {
  if (!existsSync(ROOT)) return null
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')) && existsSync(join(ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(ROOT, versions[0], 'bin') : null
}

export const NO_POSTGRES_BINARIES = `no PostgreSQL server binaries under ${ROOT}/*/bin (apt-get install postgresql): skipped`

/** A free TCP port on 127.0.0.1 (free now; taken by whoever binds it next). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no free port')
  return address.port
}

export interface OwnPostgres {
  readonly port: number
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string
  createDatabase(name: string): Promise<void>
  /** `pg_ctl stop -m fast`: every connection is closed by the server. */
  stop(): void
  start(): void
  /** Closes every server process of the database's clients, idle or busy (pg_terminate_backend). */
  terminateBackends(database: string): Promise<number>
  /** Stops the server and removes its folder. */
  destroy(): void
}

function asPostgresUser(): { uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

export function startOwnPostgres(bin: string, port: number): OwnPostgres {
  const owner = asPostgresUser()
  const dir = mkdtempSync(join(tmpdir(), 'bangban-pg-'))
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const data = join(dir, 'data')
  const run = (program: string, args: string[]) => {
    const command = owner ? 'runuser' : join(bin, program)
    const argv = owner ? ['-u', 'postgres', '--', join(bin, program), ...args] : args
    const result = spawnSync(command, argv, { cwd: dir, encoding: 'utf8', timeout: 60_000 })
    if (result.status !== 0)
      throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.stdout}`)
  }
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`
  const start = () =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start'])
  const stop = (mode: string) => run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop'])
  start()
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 5000 })
    await client.connect()
    try {
      return await work(client)
    } finally {
      await client.end()
    }
  }
  return {
    port,
    url,
    createDatabase: (name) =>
      admin(async (client) => {
        await client.query(`CREATE DATABASE ${name}`)
      }),
    stop: () => stop('fast'),
    start,
    terminateBackends: (database) =>
      admin(async (client) => {
        const { rowCount } = await client.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [database],
        )
        return rowCount ?? 0
      }),
    destroy: () => {
      try {
        if (existsSync(join(data, 'postmaster.pid'))) stop('immediate')
      } finally {
        if (statSync(dir, { throwIfNoEntry: false })) rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
