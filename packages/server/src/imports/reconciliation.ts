/**
 * The daily reconciliation report: every bill of a biller paid through us on a Shanghai calendar
 * day, as CSV (one line a bill, amounts in fen and in yuan), for the biller to match against the
 * money it receives. Cash at the counter and WeChat Pay both count; the payment's id and WeChat
 * Pay's transaction id tie each line to the settlement.
 */
import { addDays, formatFen, inShanghai, shanghaiToInstant } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export const RECONCILIATION_COLUMNS = [
  'date',
  'biller_id',
  'bill_no',
  'account_no',
  'kind',
  'period',
  'amount_fen',
  'amount_yuan',
  'paid_at',
  'payment_id',
  'method',
  'transaction_id',
] as const

/** A CSV field: quoted when it holds a comma, a quote or a line break; a leading = + - @ defused. */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function reconciliationCsv(
  db: Kysely<Database>,
  billerId: string,
  date: string,
): Promise<string> {
  const from = shanghaiToInstant(date, '00:00')
  const to = shanghaiToInstant(addDays(date, 1), '00:00')
  const rows = await db
    .selectFrom('bills as b')
    .leftJoin('payments as p', 'p.id', 'b.paid_by_payment_id')
    .select([
      'b.bill_no',
      'b.account_no',
      'b.kind',
      'b.period',
      'b.amount_fen',
      'b.paid_at',
      'b.paid_by_payment_id',
      'p.method',
      'p.provider_transaction_id',
    ])
    .where('b.biller_id', '=', billerId)
    .where('b.status', '=', 'paid')
    .where('b.paid_at', '>=', from)
    .where('b.paid_at', '<', to)
    .orderBy('b.paid_at')
    .orderBy('b.bill_no')
    .execute()
  const lines = [RECONCILIATION_COLUMNS.join(',')]
  for (const row of rows) {
    lines.push(
      [
        date,
        billerId,
        row.bill_no,
        row.account_no,
        row.kind,
        row.period,
        row.amount_fen,
        formatFen(row.amount_fen, { symbol: false }),
        inShanghai(row.paid_at!).format('YYYY-MM-DDTHH:mm:ssZ'),
        row.paid_by_payment_id,
        row.method,
        row.provider_transaction_id,
      ]
        .map(field)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
