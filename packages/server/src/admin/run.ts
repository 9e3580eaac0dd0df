/**
 * `pnpm --filter @bangban/server admin <command>`: provisioning for operators, against the
 * database of the configuration (DATABASE_URL, as the service reads it). Results go to standard
 * output (a new kiosk key alone on its line, so it can be captured); messages to standard error.
 * Exit status: 0 done, 1 refused or failed, 2 wrong arguments.
 */
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { connect, migrate } from '../db/connect'
import { systemClock, type Clock } from '../util/clock'
import {
  addKiosk,
  addStaff,
  AdminError,
  disableStaff,
  listKiosks,
  listStaff,
  resetStaffPassword,
  revokeKiosk,
  rotateKioskKey,
  type AdminContext,
} from './commands'

export const USAGE = `Usage: pnpm --filter @bangban/server admin <command> [options]

Staff (the password is asked for twice, hidden; or read from the first line of standard input):
  staff:add --no H1003 --name NAME --roles helper[,grid-worker,admin] [--phone 139…] [--grid GRID_ID]
  staff:reset-password --no H1003      new password, signs out everywhere, enables a disabled account
  staff:disable --no H1003             signs out everywhere and refuses every sign-in
  staff:list

Kiosks (the key is printed once, on standard output; only its SHA-256 is stored):
  kiosk:add --id kiosk-2 --name NAME
  kiosk:rotate --id kiosk-2            a new key; the old one stops working
  kiosk:revoke --id kiosk-2            the key stops working and sessions opened there end
  kiosk:list
`

interface Input extends NodeJS.ReadableStream {
  readonly isTTY?: boolean
  setRawMode?(mode: boolean): unknown
}

export interface AdminIo {
  readonly stdin: Input
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WritableStream
  readonly env: NodeJS.ProcessEnv
  /** PostgreSQL schema (tests). */
  readonly schema?: string
  readonly clock?: Clock
}

class UsageError extends Error {}

/** Who runs the command: the login behind sudo when there is one. */
function operator(env: NodeJS.ProcessEnv): string {
  let login = env.SUDO_USER || env.LOGNAME || env.USER
  if (!login) {
    try {
      login = userInfo().username
    } catch {
      login = 'unknown'
    }
  }
  return `admin-cli:${login}`
}

/** Lines typed at a terminal without echo, one for each prompt (a paste may bring several at once). */
function promptHidden(io: AdminIo, prompts: readonly string[]): Promise<string[]> {
  const stdin = io.stdin
  const answers: string[] = []
  let value = ''
  io.stderr.write(prompts[0] ?? '')
  stdin.setRawMode?.(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode?.(false)
      stdin.pause()
    }
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') {
          answers.push(value)
          value = ''
          io.stderr.write('\n')
          if (answers.length === prompts.length) {
            finish()
            resolve(answers)
            return
          }
          io.stderr.write(prompts[answers.length]!)
        } else if (ch === '\u0003' || ch === '\u0004') {
          finish()
          io.stderr.write('\n')
          reject(new AdminError('cancelled'))
          return
        } else if (ch === '\u007f' || ch === '\b') {
          value = Array.from(value).slice(0, -1).join('')
        } else {
          value += ch
        }
      }
    }
    stdin.on('data', onData)
  })
}

/** The first line of a piped standard input. */
async function firstLine(stdin: Input): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? ''
}

async function readPassword(io: AdminIo): Promise<string> {
  if (!io.stdin.isTTY) return firstLine(io.stdin)
  const [first, second] = await promptHidden(io, ['New password: ', 'Again: '])
  if (first !== second) throw new AdminError('the two passwords differ')
  return first!
}

const OPTIONS = {
  no: { type: 'string' },
  name: { type: 'string' },
  roles: { type: 'string' },
  phone: { type: 'string' },
  grid: { type: 'string' },
  id: { type: 'string' },
} as const

type Values = { [K in keyof typeof OPTIONS]?: string }

const ALLOWED: Record<string, { required: Array<keyof Values>; optional?: Array<keyof Values> }> = {
  'staff:add': { required: ['no', 'name', 'roles'], optional: ['phone', 'grid'] },
  'staff:reset-password': { required: ['no'] },
  'staff:disable': { required: ['no'] },
  'staff:list': { required: [] },
  'kiosk:add': { required: ['id', 'name'] },
  'kiosk:rotate': { required: ['id'] },
  'kiosk:revoke': { required: ['id'] },
  'kiosk:list': { required: [] },
}

function parse(argv: readonly string[]): { command: string; values: Required<Values> } {
  const [command, ...rest] = argv
  const allowed = command ? ALLOWED[command] : undefined
  if (!command || !allowed) throw new UsageError(command ? `unknown command ${command}` : 'no command')
  let values: Values
  try {
    values = parseArgs({ args: rest, options: OPTIONS, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const permitted = new Set([...allowed.required, ...(allowed.optional ?? [])])
  const extra = Object.keys(values).filter((name) => !permitted.has(name as keyof Values))
  if (extra.length > 0) throw new UsageError(`${command} does not take --${extra.join(', --')}`)
  const missing = allowed.required.filter((name) => !values[name])
  if (missing.length > 0) throw new UsageError(`${command} needs --${missing.join(', --')}`)
  return { command, values: values as Required<Values> }
}

async function execute(
  command: string,
  values: Required<Values>,
  ctx: AdminContext,
  io: AdminIo,
): Promise<void> {
  const out = (line: string) => io.stdout.write(`${line}\n`)
  const say = (line: string) => io.stderr.write(`${line}\n`)
  switch (command) {
    case 'staff:add': {
      const password = await readPassword(io)
      const staff = await addStaff(ctx, {
        staffNo: values.no,
        name: values.name,
        roles: values.roles.split(',').map((role) => role.trim()),
        password,
        ...(values.phone ? { phone: values.phone } : {}),
        ...(values.grid ? { gridId: values.grid } : {}),
      })
      say(`staff ${staff.staffNo} added`)
      return
    }
    case 'staff:reset-password': {
      const result = await resetStaffPassword(ctx, values.no, await readPassword(io))
      say(
        `password of ${values.no.toUpperCase()} set; ${result.sessionsEnded} session(s) ended${result.enabled ? '; the account is enabled again' : ''}`,
      )
      return
    }
    case 'staff:disable': {
      const result = await disableStaff(ctx, values.no)
      say(`${values.no.toUpperCase()} disabled; ${result.sessionsEnded} session(s) ended`)
      return
    }
    case 'staff:list':
      for (const staff of await listStaff(ctx.db))
        out(
          [
            staff.staffNo,
            staff.name,
            staff.roles.join(','),
            staff.gridId ?? '-',
            staff.disabled ? 'disabled' : 'active',
          ].join('\t'),
        )
      return
    case 'kiosk:add': {
      const { key } = await addKiosk(ctx, values.id, values.name)
      say(
        `kiosk ${values.id} added. Its key, shown this once (put it in that kiosk's kiosk.json as "kioskKey"):`,
      )
      out(key)
      return
    }
    case 'kiosk:rotate': {
      const { key, sessionsEnded } = await rotateKioskKey(ctx, values.id)
      say(
        `kiosk ${values.id} has a new key; the old one no longer works; ${sessionsEnded} session(s) ended. The key, shown this once:`,
      )
      out(key)
      return
    }
    case 'kiosk:revoke': {
      const { sessionsEnded } = await revokeKiosk(ctx, values.id)
      say(`the key of kiosk ${values.id} no longer works; ${sessionsEnded} session(s) ended`)
      return
    }
    case 'kiosk:list':
      for (const kiosk of await listKiosks(ctx.db))
        out([kiosk.id, kiosk.name, kiosk.createdAt, kiosk.revoked ? 'revoked' : 'active'].join('\t'))
      return
  }
}

/** Runs one command; resolves to the exit status. */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.stderr.write(`${error.message}\n\n${USAGE}`)
    return 2
  }
  let store: ReturnType<typeof connect> | null = null
  try {
    const config = loadConfig(io.env)
    store = connect(config.DATABASE_URL, { ...(io.schema ? { schema: io.schema } : {}), poolSize: 2 })
    await migrate(store, io.schema)
    const ctx: AdminContext = { db: store.db, clock: io.clock ?? systemClock, actor: operator(io.env) }
    await execute(parsed.command, parsed.values, ctx, io)
    return 0
  } catch (error) {
    io.stderr.write(`${parsed.command} failed: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  } finally {
    await store?.close()
  }
}
