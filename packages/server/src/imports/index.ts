/**
 * Imports from files and pushes from billers, one way in: read, check each row, compare with what
 * is stored, then report (dry run) or commit. See plan.ts for the rules.
 */
import type { ImportKind, ImportReport, ImportRun, PushedBill } from '@bangban/core/api'
import type { ImportFormat } from '@bangban/core/api'
import type { Selectable } from 'kysely'
import { billerRow } from '../admin/commands'
import { AdminError } from '../admin/context'
import type { BillersTable } from '../db/schema'
import { sha256 } from '../util/hash'
import { accountRecords, billRecords, commitPlan, planAccounts, planBills, type ImportContext } from './plan'
import { readTable } from './read'

export type { ImportContext }

async function activeBiller(ctx: ImportContext, billerId: string): Promise<Selectable<BillersTable>> {
  const biller = await billerRow(ctx.db, billerId)
  if (biller.active !== 1) throw new AdminError('ADMIN_CONFLICT', 'alreadyRevoked', { value: billerId })
  return biller
}

export interface ImportFile {
  readonly kind: ImportKind
  readonly billerId: string
  readonly fileName: string
  readonly format: ImportFormat
  readonly bytes: Buffer
  readonly dryRun: boolean
}

export async function importFile(ctx: ImportContext, file: ImportFile): Promise<ImportReport> {
  const biller = await activeBiller(ctx, file.billerId)
  const table = await readTable(file.bytes, file.format)
  const source = {
    kind: file.kind,
    source: 'file' as const,
    fileName: file.fileName,
    fileSha256: sha256(file.bytes.toString('base64')),
  }
  if (file.kind === 'accounts') {
    const { records, problems } = accountRecords(table)
    const plan = await planAccounts(ctx, biller, records)
    plan.problems.unshift(...problems)
    return commitPlan(ctx, biller, source, plan, file.dryRun)
  }
  const { records, problems } = billRecords(table)
  const plan = await planBills(ctx, biller, records)
  plan.problems.unshift(...problems)
  return commitPlan(ctx, biller, source, plan, file.dryRun)
}

/** Bills a biller pushes through the API, by their numbers: the same bill again changes nothing. */
export async function pushBills(
  ctx: ImportContext,
  billerId: string,
  bills: readonly PushedBill[],
): Promise<ImportReport> {
  const biller = await activeBiller(ctx, billerId)
  const records = bills.map((bill, i) => ({
    row: i + 1,
    billNo: bill.billNo,
    accountNo: bill.accountNo,
    kind: bill.kind,
    period: bill.period,
    dueDate: bill.dueDate,
    lines: bill.lines,
    idNumber: null,
    name: null,
    holderName: bill.holderName ?? null,
    address: bill.address ?? null,
  }))
  const plan = await planBills(ctx, biller, records)
  return commitPlan(
    ctx,
    biller,
    { kind: 'bills', source: 'api', fileName: null, fileSha256: null },
    plan,
    false,
  )
}

export async function listImports(ctx: Pick<ImportContext, 'db'>, limit = 50): Promise<ImportRun[]> {
  const rows = await ctx.db.selectFrom('import_runs').selectAll().orderBy('at', 'desc').limit(limit).execute()
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    source: row.source,
    billerId: row.biller_id,
    fileName: row.file_name,
    actor: row.actor,
    at: row.at,
    counts: JSON.parse(row.counts) as ImportRun['counts'],
  }))
}
