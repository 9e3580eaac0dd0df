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
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { BillKind, StaffRole } from '@bangban/core/api'
import type { Language } from '@bangban/core/i18n'
import { deploymentSecret } from '../auth/secrets'
import { importFile } from '../imports'
import { reconciliationCsv } from '../imports/reconciliation'
import { errorBody } from '../http/errors'
import { operatorEnvironment } from '../ops/envFile'
import { AppError } from '../util/errors'
import {
  addBiller,
  addKiosk,
  addStaff,
  billerRow,
  disableStaff,
  listBillers,
  listKiosks,
  listStaff,
  resetStaffPassword,
  revokeBiller,
  revokeKiosk,
  rotateBillerKey,
  rotateKioskKey,
  showEnrolCode,
  type AdminContext,
} from './commands'
import { listTranslations, setTranslation } from '../i18n/translations'

// i18n-exempt: the operators' CLI usage, with an example name from the data
export const USAGE = `Usage: pnpm --filter @bangban/server admin [--env-file FILE] <command> [options]

The database is the service's: --env-file /etc/bangban/service.env (read as systemd reads it), or
DATABASE_URL in the environment. Without either the command refuses.

Staff (the password is asked for twice, hidden; or read from the first line of standard input):
  staff:add --no H1003 --name NAME --roles helper[,grid-worker,admin] [--phone 139…] [--grid GRID_ID]
  staff:reset-password --no H1003      new password, signs out everywhere, enables a disabled account
  staff:disable --no H1003             signs out everywhere and refuses every sign-in
  staff:list

Kiosks (a key is printed once, on standard output; only its SHA-256 is stored):
  kiosk:add --id kiosk-2 --name NAME [--enrol]
                                       --enrol: a one-time code for the kiosk PC instead of the key
  kiosk:rotate --id kiosk-2 [--overlap-hours 72] [--enrol]
                                       a new key; the old one works for the overlap (0: stops now,
                                       and the sessions opened there end: for a leaked key)
  kiosk:revoke --id kiosk-2            every key of the kiosk stops working and its sessions end
  kiosk:list

Billers (utility companies and clinics that send bills; the push API key is printed once):
  biller:add --id water-co --name NAME --kinds water[,electricity,gas,property,medical]
  biller:rotate --id water-co [--overlap-hours 72]
  biller:revoke --id water-co
  biller:list

Names in other languages (places, services, categories, grids, bill lines are held in zh-CN; zh-HK
readers get Traditional characters by conversion unless a translation is set; {n} carries a number):
  translation:set --source 全科 --lang en --text "General practice"
  translation:list

Imports (CSV in UTF-8 or GBK, or Excel .xlsx; the columns are in docs/deployment.md). A bill is
known by its number at its biller: importing a file again changes nothing. Exit 1 when a row was
refused (the others are imported unless --dry-run):
  import:accounts --biller water-co --file accounts.csv [--dry-run]
  import:bills --biller water-co --file bills.xlsx [--dry-run]
  report:reconciliation --biller water-co --date 2026-12-01
                                       the biller's bills paid through us that day, CSV on standard output
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
          reject(new Error('cancelled'))
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
  if (first !== second) throw new Error('the two passwords differ')
  return first!
}

const OPTIONS = {
  no: { type: 'string' },
  name: { type: 'string' },
  roles: { type: 'string' },
  phone: { type: 'string' },
  grid: { type: 'string' },
  id: { type: 'string' },
  kinds: { type: 'string' },
  'overlap-hours': { type: 'string' },
  enrol: { type: 'boolean' },
  biller: { type: 'string' },
  file: { type: 'string' },
  'dry-run': { type: 'boolean' },
  date: { type: 'string' },
  source: { type: 'string' },
  lang: { type: 'string' },
  text: { type: 'string' },
} as const

type Values = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string
}

const ALLOWED: Record<string, { required: Array<keyof Values>; optional?: Array<keyof Values> }> = {
  'staff:add': { required: ['no', 'name', 'roles'], optional: ['phone', 'grid'] },
  'staff:reset-password': { required: ['no'] },
  'staff:disable': { required: ['no'] },
  'staff:list': { required: [] },
  'kiosk:add': { required: ['id', 'name'], optional: ['enrol'] },
  'kiosk:rotate': { required: ['id'], optional: ['overlap-hours', 'enrol'] },
  'kiosk:revoke': { required: ['id'] },
  'kiosk:list': { required: [] },
  'biller:add': { required: ['id', 'name', 'kinds'] },
  'biller:rotate': { required: ['id'], optional: ['overlap-hours'] },
  'biller:revoke': { required: ['id'] },
  'biller:list': { required: [] },
  'import:accounts': { required: ['biller', 'file'], optional: ['dry-run'] },
  'import:bills': { required: ['biller', 'file'], optional: ['dry-run'] },
  'report:reconciliation': { required: ['biller', 'date'] },
  'translation:set': { required: ['source', 'lang', 'text'] },
  'translation:list': { required: [] },
}

function parse(argv: readonly string[]): { command: string; values: Values; envFile?: string } {
  let envFile: string | undefined
  const args = [...argv]
  const at = args.findIndex((a) => a === '--env-file' || a.startsWith('--env-file='))
  if (at >= 0) {
    const [flag] = args.splice(at, 1)
    envFile = flag!.includes('=') ? flag!.slice('--env-file='.length) : args.splice(at, 1)[0]
    if (!envFile) throw new UsageError('--env-file needs a file')
  }
  const [command, ...rest] = args
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
  return { command, values, ...(envFile ? { envFile } : {}) }
}

function overlapOf(values: Values): { overlapHours?: number } {
  const raw = values['overlap-hours']
  if (raw === undefined) return {}
  if (!/^\d{1,4}$/.test(raw)) throw new UsageError('--overlap-hours must be a whole number of hours')
  return { overlapHours: Number(raw) }
}

async function execute(command: string, values: Values, ctx: AdminContext, io: AdminIo): Promise<void> {
  const out = (line: string) => io.stdout.write(`${line}\n`)
  const say = (line: string) => io.stderr.write(`${line}\n`)
  const v = values as Required<Values>
  switch (command) {
    case 'staff:add': {
      const password = await readPassword(io)
      const staff = await addStaff(ctx, {
        staffNo: v.no,
        name: v.name,
        roles: v.roles.split(',').map((role) => role.trim()) as StaffRole[],
        password,
        ...(values.phone ? { phone: values.phone } : {}),
        gridId: values.grid ?? null,
      })
      say(`staff ${staff.staffNo} added`)
      return
    }
    case 'staff:reset-password': {
      const result = await resetStaffPassword(ctx, v.no, await readPassword(io))
      say(
        `password of ${result.staff.staffNo} set; ${result.sessionsEnded} session(s) ended, ${result.grantsEnded} consent grant(s) ended${result.enabled ? '; the account is enabled again' : ''}`,
      )
      return
    }
    case 'staff:disable': {
      const result = await disableStaff(ctx, v.no)
      say(
        `${result.staff.staffNo} disabled; ${result.sessionsEnded} session(s) ended, ${result.grantsEnded} consent grant(s) ended`,
      )
      return
    }
    case 'translation:set':
      await setTranslation(ctx.db, { source: v.source, lang: v.lang, text: v.text })
      say(`${v.lang} for “${v.source}” set`)
      return
    case 'translation:list':
      for (const row of await listTranslations(ctx.db)) out([row.source, row.lang, row.text].join('\t'))
      return
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
      const enrol = values.enrol === true
      const added = await addKiosk(ctx, { id: v.id, name: v.name }, { enrol })
      if (added.enrolCode) {
        say(
          `kiosk ${v.id} added. Its one-time enrolment code, valid until ${added.kiosk.enrolUntil} (on the kiosk PC: deployment.md, "Enrol a kiosk"):`,
        )
        out(showEnrolCode(added.enrolCode))
      } else {
        say(
          `kiosk ${v.id} added. Its key, shown this once (put it in that kiosk's kiosk.json as "kioskKey"):`,
        )
        out(added.key!)
      }
      return
    }
    case 'kiosk:rotate': {
      const rotated = await rotateKioskKey(ctx, v.id, overlapOf(values), { enrol: values.enrol === true })
      const old = rotated.kiosk.previousKeyUntil
        ? `the old key works until ${rotated.kiosk.previousKeyUntil}`
        : rotated.enrolCode
          ? 'the old key works until the code is used'
          : `the old key no longer works; ${rotated.sessionsEnded} session(s) ended, ${rotated.grantsEnded} consent grant(s) ended`
      if (rotated.enrolCode) {
        say(`kiosk ${v.id}: ${old}. The one-time enrolment code for the new key:`)
        out(showEnrolCode(rotated.enrolCode))
      } else {
        say(`kiosk ${v.id} has a new key; ${old}. The key, shown this once:`)
        out(rotated.key!)
      }
      return
    }
    case 'kiosk:revoke': {
      const { sessionsEnded, grantsEnded } = await revokeKiosk(ctx, v.id)
      say(
        `the key of kiosk ${v.id} no longer works; ${sessionsEnded} session(s) ended, ${grantsEnded} consent grant(s) ended`,
      )
      return
    }
    case 'kiosk:list':
      for (const kiosk of await listKiosks(ctx))
        out(
          [kiosk.id, kiosk.name, kiosk.createdAt, kiosk.state === 'rotating' ? 'active' : kiosk.state]
            .concat(kiosk.state === 'rotating' ? [`old key until ${kiosk.previousKeyUntil}`] : [])
            .join('\t'),
        )
      return
    case 'biller:add': {
      const { key } = await addBiller(ctx, {
        id: v.id,
        name: v.name,
        kinds: v.kinds.split(',').map((kind) => kind.trim()) as BillKind[],
      })
      say(`biller ${v.id} added. Its key for the push API (X-Biller-Key), shown this once:`)
      out(key)
      return
    }
    case 'biller:rotate': {
      const { biller, key } = await rotateBillerKey(ctx, v.id, overlapOf(values))
      say(
        `biller ${v.id} has a new key${biller.previousKeyUntil ? `; the old one works until ${biller.previousKeyUntil}` : ''}. The key, shown this once:`,
      )
      out(key)
      return
    }
    case 'biller:revoke':
      await revokeBiller(ctx, v.id)
      say(`the key of biller ${v.id} no longer works`)
      return
    case 'biller:list':
      for (const biller of await listBillers(ctx))
        out([biller.id, biller.name, biller.kinds.join(','), biller.state].join('\t'))
      return
    case 'import:accounts':
    case 'import:bills': {
      const file = v.file
      const format = /\.xlsx$/i.test(file) ? 'xlsx' : /\.csv$/i.test(file) ? 'csv' : null
      if (!format) throw new UsageError('--file must be a .csv or .xlsx file')
      let bytes: Buffer
      try {
        bytes = readFileSync(file)
      } catch (error) {
        throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
      }
      const importer = {
        db: ctx.db,
        clock: ctx.clock,
        actor: ctx.actor,
        idPepper: await deploymentSecret(ctx.db, 'id_number_pepper'),
        language: languageOf(io.env),
      }
      const report = await importFile(importer, {
        kind: command === 'import:accounts' ? 'accounts' : 'bills',
        billerId: v.biller,
        fileName: basename(file),
        format,
        bytes,
        dryRun: values['dry-run'] === true,
      })
      for (const change of report.changes)
        out([`row ${change.row}`, change.outcome, change.key, change.summary].join('\t'))
      for (const problem of report.problems)
        out([`row ${problem.row}`, 'refused', problem.message].join('\t'))
      const { rows, created, updated, unchanged, refused } = report.counts
      say(
        `${report.dryRun ? 'dry run, nothing changed: ' : ''}${rows} read, ${created} created, ${updated} updated, ${unchanged} unchanged, ${refused} refused${report.id ? ` (import ${report.id})` : ''}`,
      )
      if (refused > 0) throw new RowsRefused()
      return
    }
    case 'report:reconciliation': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) throw new UsageError('--date must be YYYY-MM-DD')
      const biller = await billerRow(ctx.db, v.biller)
      io.stdout.write(await reconciliationCsv(ctx.db, biller.id, v.date))
      return
    }
  }
}

/** Some rows were refused: said already, the status says it too. */
class RowsRefused extends Error {}

function languageOf(env: NodeJS.ProcessEnv): Language {
  const lang = env.LANG ?? ''
  return /^zh_(HK|TW|MO)/.test(lang) ? 'zh-HK' : lang.startsWith('zh') ? 'zh-CN' : 'en'
}

/** A refusal in words: the service's own message for its code, in English (or Chinese with LANG=zh_*). */
function explain(error: unknown, env: NodeJS.ProcessEnv): string {
  if (error instanceof AppError) {
    const { message } = errorBody(error.code, languageOf(env), error.details).error
    const fields = Array.isArray(error.details)
      ? ` (${(error.details as Array<{ where: string; problem: string }>)
          .map((d) => `${d.where.replace(/^body\./, '')}: ${d.problem}`)
          .join('; ')})`
      : ''
    return message + fields
  }
  return error instanceof Error ? error.message : String(error)
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
  let env: NodeJS.ProcessEnv
  try {
    env = operatorEnvironment(io.env, parsed.envFile)
  } catch (error) {
    io.stderr.write(`${parsed.command} refused: ${explain(error, io.env)}\n`)
    return 2
  }
  let store: ReturnType<typeof connect> | null = null
  try {
    const config = loadConfig(env)
    store = connect(config.DATABASE_URL, { ...(io.schema ? { schema: io.schema } : {}), poolSize: 2 })
    await migrate(store, io.schema)
    const ctx: AdminContext = {
      db: store.db,
      clock: io.clock ?? systemClock,
      actor: { kind: 'system', id: operator(io.env) },
    }
    await execute(parsed.command, parsed.values, ctx, io)
    return 0
  } catch (error) {
    if (error instanceof RowsRefused) return 1
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}`)
      return 2
    }
    io.stderr.write(`${parsed.command} failed: ${explain(error, env)}\n`)
    return 1
  } finally {
    await store?.close()
  }
}
