/**
 * Bills as residents see them: utility bills by account number (or the resident's linked
 * accounts) and the resident's own medical bills. Holder names and addresses are masked: enough for a
 * resident to recognise their household before paying, not enough to find where someone lives.
 */
import type { Bill, BillLine } from '@bangban/core/api'
import { maskAddress, maskName } from '@bangban/core/domain'
import type { Kysely, Transaction } from 'kysely'
import type { BillsTable, Database } from '../db/schema'
import { AppError } from '../util/errors'

type Db = Kysely<Database> | Transaction<Database>

/** How many bills one list shows: all unpaid ones come first, then the latest paid. */
const LIST_LIMIT = 50

function baseQuery(db: Db) {
  return (
    db
      .selectFrom('bills as b')
      .leftJoin('utility_accounts as a', 'a.account_no', 'b.account_no')
      .leftJoin('residents as r', 'r.id', 'b.resident_id')
      // Who is paid: the bill's own biller, else the account's.
      .leftJoin('billers as bl', (join) =>
        join.on((eb) => eb('bl.id', '=', eb.fn.coalesce('b.biller_id', 'a.biller_id'))),
      )
      // A live claim of a pending payment: the bill is being paid right now (a QR code is out).
      .leftJoin('payment_bills as pb', (join) => join.onRef('pb.bill_id', '=', 'b.id').on('pb.live', '=', 1))
      .leftJoin('payments as p', (join) =>
        join.onRef('p.id', '=', 'pb.payment_id').on('p.status', '=', 'pending'),
      )
      .select([
        'b.id',
        'b.kind',
        'b.account_no',
        'b.resident_id',
        'b.period',
        'b.amount_fen',
        'b.lines',
        'b.status',
        'b.due_date',
        'b.paid_at',
        'a.holder_name',
        'a.address',
        'bl.name as payee',
        'r.name as resident_name',
        'p.id as open_payment_id',
      ])
      .orderBy('b.status', 'desc') // 'unpaid' after 'paid' alphabetically, so descending puts it first
      .orderBy('b.period', 'desc')
      .orderBy('b.id')
      .limit(LIST_LIMIT)
  )
}

type BillRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function view(row: BillRow): Bill {
  return {
    id: row.id,
    kind: row.kind,
    accountNo: row.account_no,
    period: row.period,
    amountFen: row.amount_fen,
    status: row.status,
    lines: JSON.parse(row.lines) as BillLine[],
    dueDate: row.due_date,
    holderMaskedName: maskName(row.holder_name ?? row.resident_name ?? ''),
    holderMaskedAddress: row.address === null ? null : maskAddress(row.address),
    payee: row.payee ?? null,
    paidAt: row.paid_at,
    openPaymentId: row.open_payment_id ?? null,
  }
}

export async function billsOfAccount(db: Db, accountNo: string): Promise<Bill[]> {
  const account = await db
    .selectFrom('utility_accounts')
    .select('account_no')
    .where('account_no', '=', accountNo)
    .executeTakeFirst()
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND')
  return (await baseQuery(db).where('b.account_no', '=', accountNo).execute()).map(view)
}

/** Bills of the accounts linked to a resident, and the resident's medical bills. */
export async function billsOfResident(db: Db, residentId: string): Promise<Bill[]> {
  const rows = await baseQuery(db)
    .where((eb) =>
      eb.or([
        eb('b.resident_id', '=', residentId),
        eb(
          'b.account_no',
          'in',
          eb.selectFrom('utility_accounts').select('account_no').where('resident_id', '=', residentId),
        ),
      ]),
    )
    .execute()
  return rows.map(view)
}

export type BillRecord = Pick<
  BillsTable,
  'id' | 'kind' | 'account_no' | 'resident_id' | 'amount_fen' | 'status'
>

/** Bills by id, in the order asked; NOT_FOUND when any is missing. */
export async function billsByIds(db: Db, ids: readonly string[]): Promise<BillRecord[]> {
  const rows = await db
    .selectFrom('bills')
    .select(['id', 'kind', 'account_no', 'resident_id', 'amount_fen', 'status'])
    .where('id', 'in', ids)
    .execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return ids.map((id) => {
    const row = byId.get(id)
    if (!row) throw new AppError('NOT_FOUND')
    return row
  })
}
