/**
 * Imports of utility accounts and bills, from a file or from a biller's push: each row is checked
 * and compared with what is stored, giving a plan (created / updated / unchanged / refused, with
 * the reasons in plain words) that a dry run shows and a real run commits. A bill is known by its
 * number at its biller, so importing the same file twice changes nothing the second time; a bill
 * already paid, or being paid right now, is never changed.
 */
import {
  IMPORT_LIST_LIMIT,
  type BillKind,
  type ImportCounts,
  type ImportKind,
  type ImportReport,
  type RowChange,
  type RowOutcome,
  type RowProblem,
} from '@bangban/core/api'
import { formatFen, parseIdNumber, parseFen } from '@bangban/core/domain'
import { createI18n, type Language } from '@bangban/core/i18n'
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely'
import { appendAudit } from '../audit/log'
import { residentByIdNumber } from '../auth/residents'
import { AdminError, type AdminActor } from '../admin/context'
import type { BillersTable, BillsTable, Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { hmac, sha256 } from '../util/hash'
import { newId } from '../util/ids'
import {
  ACCOUNT_COLUMNS,
  ACCOUNT_REQUIRED,
  accountNoOf,
  BILL_COLUMNS,
  BILL_REQUIRED,
  billKindOf,
  localDateOf,
  locateColumns,
  periodOf,
} from './columns'
import type { Table } from './read'

export interface ImportContext {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly idPepper: string
  readonly actor: AdminActor
  readonly language: Language
}

export interface AccountRecord {
  readonly row: number
  readonly accountNo: string
  readonly kind: Exclude<BillKind, 'medical'>
  readonly holderName: string
  readonly address: string
  readonly holderIdNumber: string | null
}

export interface BillRecord {
  readonly row: number
  readonly billNo: string
  readonly accountNo: string | null
  readonly kind: BillKind | null
  readonly period: string
  readonly dueDate: string
  readonly lines: ReadonlyArray<{ label: string; amountFen: number }>
  /** Medical bills: the patient. */
  readonly idNumber: string | null
  readonly name: string | null
  /** Pushed bills for an account not known yet. */
  readonly holderName: string | null
  readonly address: string | null
}

/** `counts`: this problem refuses one account or bill (false for a further reason, or a bill's line). */
type Problem = Omit<RowProblem, 'message'> & { readonly values?: Record<string, string>; counts?: boolean }

const translators = new Map<Language, ReturnType<typeof createI18n>>()
function say(language: Language, problem: Problem): RowProblem {
  let t = translators.get(language)
  if (!t) translators.set(language, (t = createI18n(language)))
  const values: Record<string, string> = { column: problem.column ?? '', ...problem.values }
  if (values.kind) values.kind = t.t(`billKinds.${values.kind}`)
  const message = t.t(`adminImport.${problem.problem}`, values)
  return { row: problem.row, column: problem.column, problem: problem.problem, message }
}

const MAX_TEXT = { holderName: 32, address: 128, item: 40, billNo: 64 }

// ---------------------------------------------------------------------------------------------
// From a table to records.

export function accountRecords(table: Table): { records: AccountRecord[]; problems: Problem[] } {
  const { at, missing } = locateColumns(table.header, ACCOUNT_COLUMNS, ACCOUNT_REQUIRED)
  if (missing.length > 0) throw new AdminError('ADMIN_INVALID', 'wrongColumns', { value: missing.join(', ') })
  const records: AccountRecord[] = []
  const problems: Problem[] = []
  const seen = new Map<string, number>()
  for (const { row, cells } of table.rows) {
    const cell = (key: keyof typeof ACCOUNT_COLUMNS) => (at[key] === undefined ? '' : (cells[at[key]] ?? ''))
    const heading = (key: keyof typeof ACCOUNT_COLUMNS) => table.header[at[key]!] ?? key
    const before = problems.length
    const fail = (key: keyof typeof ACCOUNT_COLUMNS, problem: string, values: Record<string, string> = {}) =>
      problems.push({ row, column: heading(key), problem, values, counts: problems.length === before })
    const accountNo = accountNoOf(cell('accountNo'))
    const kind = billKindOf(cell('kind'))
    const holderName = cell('holderName')
    const address = cell('address')
    const idText = cell('holderIdNumber').toUpperCase()
    if (!accountNo) fail('accountNo', cell('accountNo') ? 'badAccountNo' : 'missingValue')
    if (!kind || kind === 'medical')
      fail('kind', cell('kind') ? 'badKind' : 'missingValue', { value: cell('kind') })
    if (!holderName) fail('holderName', 'missingValue')
    else if (holderName.length > MAX_TEXT.holderName) fail('holderName', 'tooLong')
    if (!address) fail('address', 'missingValue')
    else if (address.length > MAX_TEXT.address) fail('address', 'tooLong')
    if (idText && !parseIdNumber(idText).ok) fail('holderIdNumber', 'badIdNumber')
    if (accountNo && seen.has(accountNo))
      fail('accountNo', 'twice', { value: accountNo, other: String(seen.get(accountNo)) })
    if (problems.length > before) continue
    seen.set(accountNo!, row)
    records.push({
      row,
      accountNo: accountNo!,
      kind: kind as AccountRecord['kind'],
      holderName,
      address,
      holderIdNumber: idText || null,
    })
  }
  return { records, problems }
}

/** Rows with the same bill number are the lines of one bill, in the order given. */
export function billRecords(table: Table): { records: BillRecord[]; problems: Problem[] } {
  const { at, missing } = locateColumns(table.header, BILL_COLUMNS, BILL_REQUIRED)
  if (missing.length > 0) throw new AdminError('ADMIN_INVALID', 'wrongColumns', { value: missing.join(', ') })
  const byNo = new Map<string, BillRecord & { lines: Array<{ label: string; amountFen: number }> }>()
  /** Bills refused, with the row they start at. */
  const refused = new Map<string, number>()
  const problems: Problem[] = []
  for (const { row, cells } of table.rows) {
    const cell = (key: keyof typeof BILL_COLUMNS) => (at[key] === undefined ? '' : (cells[at[key]] ?? ''))
    const heading = (key: keyof typeof BILL_COLUMNS) => table.header[at[key]!] ?? key
    const before = problems.length
    const billNo = cell('billNo')
    // A row without a bill number is refused on its own; other problems refuse the bill it is part of.
    const fail = (key: keyof typeof BILL_COLUMNS, problem: string, values: Record<string, string> = {}) =>
      problems.push({
        row,
        column: heading(key),
        problem,
        values,
        counts: !billNo && problems.length === before,
      })
    const kindText = cell('kind')
    const kind = kindText ? billKindOf(kindText) : null
    const accountText = cell('accountNo')
    const accountNo = accountText ? accountNoOf(accountText) : null
    const period = periodOf(cell('period'))
    const dueDate = localDateOf(cell('dueDate'))
    const label = cell('item')
    const amountFen = parseFen(cell('amount'))
    const idText = cell('idNumber').toUpperCase()
    if (!billNo) fail('billNo', 'missingValue')
    else if (billNo.length > MAX_TEXT.billNo) fail('billNo', 'tooLong')
    if (kindText && !kind) fail('kind', 'badKind', { value: kindText })
    if (accountText && !accountNo) fail('accountNo', 'badAccountNo')
    if (kind === 'medical') {
      if (!parseIdNumber(idText).ok) fail('idNumber', idText ? 'badIdNumber' : 'missingValue')
      if (!cell('name')) fail('name', 'missingValue')
    } else if (!accountText) fail('accountNo', 'missingValue')
    if (!period) fail('period', cell('period') ? 'badPeriod' : 'missingValue', { value: cell('period') })
    if (!dueDate) fail('dueDate', cell('dueDate') ? 'badDate' : 'missingValue', { value: cell('dueDate') })
    if (!label) fail('item', 'missingValue')
    else if (label.length > MAX_TEXT.item) fail('item', 'tooLong')
    if (amountFen === null || amountFen <= 0)
      fail('amount', cell('amount') ? 'badAmount' : 'missingValue', { value: cell('amount') })
    if (problems.length > before) {
      if (billNo && !refused.has(billNo)) refused.set(billNo, byNo.get(billNo)?.row ?? row)
      continue
    }
    const record = byNo.get(billNo)
    if (!record) {
      byNo.set(billNo, {
        row,
        billNo,
        accountNo,
        kind,
        period: period!,
        dueDate: dueDate!,
        lines: [{ label, amountFen: amountFen! }],
        idNumber: kind === 'medical' ? idText : null,
        name: kind === 'medical' ? cell('name') : null,
        holderName: null,
        address: null,
      })
      continue
    }
    // A further line of a bill: it must agree with the first about what the bill is.
    if (record.accountNo !== accountNo || record.period !== period || record.kind !== kind)
      fail('billNo', 'linesDisagree', { value: billNo, other: String(record.row) })
    else if (record.lines.length >= 20) fail('billNo', 'tooManyLines', { value: billNo })
    else record.lines.push({ label, amountFen: amountFen! })
    if (problems.length > before && !refused.has(billNo)) refused.set(billNo, record.row)
  }
  // A bill with a refused line is refused whole: half a bill is a wrong amount.
  for (const [billNo, row] of refused) {
    problems.push({ row, column: null, problem: 'billRefused', values: { value: billNo } })
    byNo.delete(billNo)
  }
  return { records: [...byNo.values()], problems }
}

// ---------------------------------------------------------------------------------------------
// Plans.

interface Planned {
  readonly changes: RowChange[]
  readonly problems: Problem[]
  /** The writes of the rows to create or update, run inside the import's transaction. */
  readonly writes: Array<(trx: Transaction<Database>, at: string) => Promise<void>>
  /** ID numbers of residents to find or create before the transaction (never stored in clear). */
  readonly residents: Map<string, string>
}

function emptyPlan(): Planned {
  return { changes: [], problems: [], writes: [], residents: new Map() }
}

async function residentIdOf(
  ctx: ImportContext,
  idNumber: string,
  found: Map<string, string | null>,
): Promise<string | null> {
  const key = hmac(ctx.idPepper, idNumber)
  if (!found.has(key)) {
    const row = await ctx.db
      .selectFrom('residents')
      .select('id')
      .where('id_number_hmac', '=', key)
      .executeTakeFirst()
    found.set(key, row?.id ?? null)
  }
  return found.get(key) ?? null
}

export async function planAccounts(
  ctx: ImportContext,
  biller: Selectable<BillersTable>,
  records: readonly AccountRecord[],
): Promise<Planned> {
  const plan = emptyPlan()
  const kinds = JSON.parse(biller.kinds) as BillKind[]
  const numbers = records.map((r) => r.accountNo)
  const existing = new Map<string, Selectable<Database['utility_accounts']>>()
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('utility_accounts')
      .selectAll()
      .where('account_no', 'in', numbers.slice(i, i + 500))
      .execute()
    for (const row of rows) existing.set(row.account_no, row)
  }
  const residents = new Map<string, string | null>()
  for (const record of records) {
    if (!kinds.includes(record.kind)) {
      plan.problems.push({
        row: record.row,
        column: null,
        problem: 'kindNotSent',
        values: { kind: record.kind },
      })
      continue
    }
    const old = existing.get(record.accountNo)
    if (old && old.biller_id && old.biller_id !== biller.id) {
      plan.problems.push({
        row: record.row,
        column: null,
        problem: 'otherBiller',
        values: { value: record.accountNo },
      })
      continue
    }
    const residentId = record.holderIdNumber
      ? await residentIdOf(ctx, record.holderIdNumber, residents)
      : null
    if (record.holderIdNumber) plan.residents.set(record.holderIdNumber, record.holderName)
    const same =
      old &&
      old.kind === record.kind &&
      old.holder_name === record.holderName &&
      old.address === record.address &&
      old.biller_id === biller.id &&
      (!record.holderIdNumber || (residentId !== null && old.resident_id === residentId))
    const outcome: RowOutcome = !old ? 'created' : same ? 'unchanged' : 'updated'
    plan.changes.push({
      row: record.row,
      key: record.accountNo,
      outcome,
      summary: `${record.holderName} · ${record.address}`,
    })
    if (outcome === 'unchanged') continue
    plan.writes.push(async (trx, at) => {
      const linked = record.holderIdNumber
        ? ((
            await trx
              .selectFrom('residents')
              .select('id')
              .where('id_number_hmac', '=', hmac(ctx.idPepper, record.holderIdNumber))
              .executeTakeFirst()
          )?.id ?? null)
        : (old?.resident_id ?? null)
      await trx
        .insertInto('utility_accounts')
        .values({
          account_no: record.accountNo,
          kind: record.kind,
          holder_name: record.holderName,
          address: record.address,
          resident_id: linked,
          created_at: at,
          biller_id: biller.id,
        })
        .onConflict((oc) =>
          oc.column('account_no').doUpdateSet({
            kind: record.kind,
            holder_name: record.holderName,
            address: record.address,
            resident_id: linked,
            biller_id: biller.id,
          }),
        )
        .execute()
    })
  }
  return plan
}

/** Our id for a biller's bill: readable from its number when that is free, else from a hash. */
async function billIdFor(trx: Transaction<Database>, billerId: string, billNo: string): Promise<string> {
  if (/^[A-Za-z0-9_-]{1,40}$/.test(billNo)) {
    const id = `bill-${billNo.toLowerCase()}`
    const taken = await trx.selectFrom('bills').select('id').where('id', '=', id).executeTakeFirst()
    if (!taken) return id
  }
  return `bill-${sha256(`${billerId}\n${billNo}`).slice(0, 24)}`
}

const linesJson = (lines: BillRecord['lines']) =>
  JSON.stringify(lines.map((l) => ({ label: l.label, amountFen: l.amountFen })))

export async function planBills(
  ctx: ImportContext,
  biller: Selectable<BillersTable>,
  records: readonly BillRecord[],
): Promise<Planned> {
  const plan = emptyPlan()
  const kinds = JSON.parse(biller.kinds) as BillKind[]
  const existing = new Map<string, Selectable<BillsTable>>()
  const numbers = records.map((r) => r.billNo)
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('bills')
      .selectAll()
      .where('biller_id', '=', biller.id)
      .where('bill_no', 'in', numbers.slice(i, i + 500))
      .execute()
    for (const row of rows) existing.set(row.bill_no!, row)
  }
  const accountNos = [...new Set(records.map((r) => r.accountNo).filter((a): a is string => a !== null))]
  const accounts = new Map<string, Selectable<Database['utility_accounts']>>()
  for (let i = 0; i < accountNos.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('utility_accounts')
      .selectAll()
      .where('account_no', 'in', accountNos.slice(i, i + 500))
      .execute()
    for (const row of rows) accounts.set(row.account_no, row)
  }
  const inPayment = new Set(
    (
      await ctx.db
        .selectFrom('payment_bills as pb')
        .innerJoin('payments as p', 'p.id', 'pb.payment_id')
        .innerJoin('bills as b', 'b.id', 'pb.bill_id')
        .select('b.bill_no')
        .where('b.biller_id', '=', biller.id)
        .where('pb.live', '=', 1)
        .where('p.status', '=', 'pending')
        .execute()
    ).map((r) => r.bill_no),
  )
  const residents = new Map<string, string | null>()
  for (const record of records) {
    const refuse = (problem: string, values: Record<string, string> = {}) =>
      plan.problems.push({
        row: record.row,
        column: null,
        problem,
        values: { value: record.billNo, ...values },
      })
    const account = record.accountNo ? accounts.get(record.accountNo) : undefined
    const kind: BillKind | null = record.kind ?? account?.kind ?? null
    if (record.accountNo && !account && !(record.holderName && record.address)) {
      refuse('unknownAccount', { account: record.accountNo })
      continue
    }
    if (!kind) {
      refuse('unknownAccount', { account: record.accountNo ?? '' })
      continue
    }
    if (!kinds.includes(kind)) {
      refuse('kindNotSent', { kind })
      continue
    }
    if (account && kind !== 'medical' && account.kind !== kind) {
      refuse('kindOfAccount', { account: account.account_no })
      continue
    }
    const residentId = kind === 'medical' ? await residentIdOf(ctx, record.idNumber!, residents) : null
    if (kind === 'medical') plan.residents.set(record.idNumber!, record.name!)
    const amountFen = record.lines.reduce((sum, line) => sum + line.amountFen, 0)
    const old = existing.get(record.billNo)
    const same =
      old &&
      old.kind === kind &&
      old.account_no === (kind === 'medical' ? null : record.accountNo) &&
      old.period === record.period &&
      old.due_date === record.dueDate &&
      old.amount_fen === amountFen &&
      old.lines === linesJson(record.lines) &&
      (kind !== 'medical' || (residentId !== null && old.resident_id === residentId))
    if (old && !same && old.status === 'paid') {
      refuse('alreadyPaid')
      continue
    }
    if (old && !same && inPayment.has(record.billNo)) {
      refuse('paymentInProgress')
      continue
    }
    const outcome: RowOutcome = !old ? 'created' : same ? 'unchanged' : 'updated'
    // An update shows the amount it had before: ¥36.50 → ¥40.00.
    const amount =
      old && !same ? `${formatFen(old.amount_fen)} → ${formatFen(amountFen)}` : formatFen(amountFen)
    const summary = [record.accountNo, record.period, amount].filter(Boolean).join(' · ')
    plan.changes.push({ row: record.row, key: record.billNo, outcome, summary })
    if (outcome === 'unchanged') continue
    plan.writes.push(async (trx, at) => {
      if (record.accountNo && !account && kind !== 'medical') {
        await trx
          .insertInto('utility_accounts')
          .values({
            account_no: record.accountNo,
            kind: kind as Exclude<BillKind, 'medical'>,
            holder_name: record.holderName!,
            address: record.address!,
            resident_id: null,
            created_at: at,
            biller_id: biller.id,
          })
          .onConflict((oc) => oc.column('account_no').doNothing())
          .execute()
      }
      const patient =
        kind === 'medical'
          ? ((
              await trx
                .selectFrom('residents')
                .select('id')
                .where('id_number_hmac', '=', hmac(ctx.idPepper, record.idNumber!))
                .executeTakeFirst()
            )?.id ?? null)
          : null
      const columns = {
        kind,
        account_no: kind === 'medical' ? null : record.accountNo,
        resident_id: patient,
        period: record.period,
        amount_fen: amountFen,
        lines: linesJson(record.lines),
        due_date: record.dueDate,
      }
      if (old) {
        // Only an unpaid bill changes; a payment that started meanwhile wins (the row is left).
        await trx
          .updateTable('bills')
          .set(columns)
          .where('id', '=', old.id)
          .where('status', '=', 'unpaid')
          .execute()
        return
      }
      const row: Insertable<BillsTable> = {
        id: await billIdFor(trx, biller.id, record.billNo),
        ...columns,
        status: 'unpaid',
        created_at: at,
        paid_at: null,
        paid_by_payment_id: null,
        biller_id: biller.id,
        bill_no: record.billNo,
      }
      await trx
        .insertInto('bills')
        .values(row)
        .onConflict((oc) => oc.columns(['biller_id', 'bill_no']).doNothing())
        .execute()
    })
  }
  return plan
}

// ---------------------------------------------------------------------------------------------
// Committing a plan.

export interface ImportSource {
  readonly kind: ImportKind
  readonly source: 'file' | 'api'
  readonly fileName: string | null
  readonly fileSha256: string | null
}

function countsOf(plan: Planned, refusedRows: number): ImportCounts {
  const count = (o: RowOutcome) => plan.changes.filter((c) => c.outcome === o).length
  return {
    rows: plan.changes.length + refusedRows,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    refused: refusedRows,
  }
}

const refusedOf = (problems: readonly Problem[]) => problems.filter((p) => p.counts !== false).length

/**
 * Commits the plan (unless `dryRun`): residents of the ID numbers found or created first, then
 * every write, the import's record and its audit entry in one transaction. Nothing is recorded
 * when nothing changes (the demo data imported at every start, a file imported twice).
 */
export async function commitPlan(
  ctx: ImportContext,
  biller: Selectable<BillersTable>,
  source: ImportSource,
  plan: Planned,
  dryRun: boolean,
): Promise<ImportReport> {
  const counts = countsOf(plan, refusedOf(plan.problems))
  const report = (id: string | null): ImportReport => ({
    id,
    kind: source.kind,
    dryRun,
    counts,
    changes: plan.changes.filter((c) => c.outcome !== 'unchanged').slice(0, IMPORT_LIST_LIMIT),
    problems: plan.problems
      .sort((a, b) => a.row - b.row)
      .slice(0, IMPORT_LIST_LIMIT)
      .map((p) => say(ctx.language, p)),
  })
  if (dryRun || plan.writes.length === 0) return report(null)
  for (const [idNumber, name] of plan.residents)
    await residentByIdNumber(ctx.db, ctx.clock, ctx.idPepper, name, idNumber)
  const id = newId('imp')
  const at = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (trx) => {
    for (const write of plan.writes) await write(trx, at)
    await trx
      .insertInto('import_runs')
      .values({
        id,
        kind: source.kind,
        source: source.source,
        biller_id: biller.id,
        file_name: source.fileName,
        file_sha256: source.fileSha256,
        actor: `${ctx.actor.kind}:${ctx.actor.id}`,
        at,
        counts: JSON.stringify(counts),
      })
      .execute()
    await appendAudit(trx, {
      at,
      actorKind: ctx.actor.kind,
      actorId: ctx.actor.id,
      subjectId: null,
      grantId: null,
      action: `import.${source.kind}`,
      target: `${id}?biller=${biller.id}&created=${counts.created}&updated=${counts.updated}&refused=${counts.refused}`,
    })
  })
  return report(id)
}
