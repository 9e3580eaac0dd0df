/** A payment as the API shows it. */
import type { Payment } from '@bangban/core/api'
import type { PaymentsTable } from '../db/schema'
import { AppError } from '../util/errors'
import type { Db, PaymentsDeps } from './deps'

export async function paymentRow(db: Db, id: string): Promise<PaymentsTable> {
  const row = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function paymentView(deps: Pick<PaymentsDeps, 'db' | 'provider'>, id: string): Promise<Payment> {
  const row = await paymentRow(deps.db, id)
  const bills = await deps.db
    .selectFrom('payment_bills')
    .select('bill_id')
    .where('payment_id', '=', id)
    .orderBy('bill_id')
    .execute()
  const refund = await deps.db
    .selectFrom('refunds')
    .selectAll()
    .where('payment_id', '=', id)
    .executeTakeFirst()
  const payable = row.status === 'pending'
  return {
    id: row.id,
    paymentNo: row.payment_no ?? row.id,
    status: row.status,
    method: row.method,
    provider: row.provider,
    amountFen: row.amount_fen,
    billIds: bills.map((b) => b.bill_id),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    paidAt: row.paid_at,
    closedAt: row.closed_at,
    codeUrl: payable ? row.code_url : null,
    requestPayment: payable && row.prepay_id ? deps.provider.requestPayment(row.prepay_id) : null,
    cash:
      row.cash_received_fen === null
        ? null
        : { receivedFen: row.cash_received_fen, changeFen: row.cash_received_fen - row.amount_fen },
    refund: refund
      ? {
          status: refund.status,
          amountFen: refund.amount_fen,
          reason: refund.reason,
          updatedAt: refund.updated_at,
        }
      : null,
  }
}
