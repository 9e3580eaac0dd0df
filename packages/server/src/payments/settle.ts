/**
 * Money arrived for a payment (WeChat's callback, an order query, a sandbox confirmation or cash):
 * apply it to the bills exactly once. One transaction moves the payment from pending/closed to
 * paid by a conditional update (so ten deliveries of one callback pay once), closes any other
 * pending payment of the same bills, and marks the bills paid only if every one of them is still
 * unpaid. If any was paid another way meanwhile, nothing of that is kept: the payment goes to
 * refunding instead, with a refund recorded for the reconciler and the caller to carry out.
 */
import { isUniqueViolation } from '../db/errors'
import { newId } from '../util/ids'
import { recordPaymentEvent, type Db, type PaymentsDeps } from './deps'

export interface PaidEvidence {
  /** The provider's transaction id; null for cash. */
  readonly transactionId: string | null
  readonly paidAt: string
  /** What the provider says the order's total was. */
  readonly amountFen: number
  readonly source: 'notify' | 'query' | 'sandbox' | 'cash'
}

export interface SettleResult {
  readonly outcome: 'paid' | 'already-settled' | 'refunding' | 'unknown-payment'
  /** Pending payments of the same bills that were closed here; close them at the provider too. */
  readonly superseded: readonly string[]
  /** Set when a refund was recorded here; carry it out. */
  readonly refundId: string | null
}

/** Thrown inside the transaction to undo it: the money cannot be applied to these bills. */
class CannotApply extends Error {
  constructor(readonly reason: 'duplicate' | 'amount-mismatch') {
    super(reason)
  }
}

const SETTLEABLE = ['pending', 'closed'] as const

async function applyPaid(
  deps: PaymentsDeps,
  trx: Db,
  paymentId: string,
  evidence: PaidEvidence,
): Promise<SettleResult> {
  const now = deps.clock.now().toISOString()
  const payment = await trx.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst()
  if (!payment) return { outcome: 'unknown-payment', superseded: [], refundId: null }
  if (payment.status !== 'pending' && payment.status !== 'closed') {
    return { outcome: 'already-settled', superseded: [], refundId: null }
  }
  if (evidence.amountFen !== payment.amount_fen) throw new CannotApply('amount-mismatch')
  // The conditional update is the exactly-once point: it also locks the row (PostgreSQL), so a
  // concurrent delivery waits here and then finds nothing left to do.
  const moved = await trx
    .updateTable('payments')
    .set({
      status: 'paid',
      paid_at: evidence.paidAt,
      paid_amount_fen: evidence.amountFen,
      provider_transaction_id: evidence.transactionId,
    })
    .where('id', '=', paymentId)
    .where('status', 'in', SETTLEABLE)
    .executeTakeFirst()
  if (Number(moved.numUpdatedRows) !== 1)
    return { outcome: 'already-settled', superseded: [], refundId: null }

  const billIds = (
    await trx.selectFrom('payment_bills').select('bill_id').where('payment_id', '=', paymentId).execute()
  ).map((r) => r.bill_id)
  const rivals = await trx
    .selectFrom('payment_bills')
    .select('payment_id')
    .distinct()
    .where('bill_id', 'in', billIds)
    .where('live', '=', 1)
    .where('payment_id', '!=', paymentId)
    .execute()
  const superseded: string[] = []
  for (const { payment_id: rival } of rivals) {
    const closed = await trx
      .updateTable('payments')
      .set({ status: 'closed', closed_at: now, close_reason: 'superseded' })
      .where('id', '=', rival)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(closed.numUpdatedRows) !== 1) continue // a paid rival: the bills check below refuses
    await trx.updateTable('payment_bills').set({ live: 0 }).where('payment_id', '=', rival).execute()
    await recordPaymentEvent(trx, rival, now, 'superseded', { by: paymentId })
    superseded.push(rival)
  }

  const taken = await trx
    .updateTable('bills')
    .set({ status: 'paid', paid_at: evidence.paidAt, paid_by_payment_id: paymentId })
    .where('id', 'in', billIds)
    .where('status', '=', 'unpaid')
    .executeTakeFirst()
  if (Number(taken.numUpdatedRows) !== billIds.length) throw new CannotApply('duplicate')
  // A closed payment paid late takes its bills back.
  await trx.updateTable('payment_bills').set({ live: 1 }).where('payment_id', '=', paymentId).execute()
  await recordPaymentEvent(trx, paymentId, now, 'paid', {
    source: evidence.source,
    transactionId: evidence.transactionId,
  })
  await deps.beforeSettleCommit?.(paymentId)
  return { outcome: 'paid', superseded, refundId: null }
}

/** Records that money arrived which cannot be applied, and the refund that will return it. */
async function recordRefund(
  deps: PaymentsDeps,
  paymentId: string,
  evidence: PaidEvidence,
  reason: 'duplicate' | 'amount-mismatch',
): Promise<SettleResult> {
  return deps.db.transaction().execute(async (trx): Promise<SettleResult> => {
    const now = deps.clock.now().toISOString()
    const moved = await trx
      .updateTable('payments')
      .set({
        status: 'refunding',
        paid_at: evidence.paidAt,
        paid_amount_fen: evidence.amountFen,
        provider_transaction_id: evidence.transactionId,
      })
      .where('id', '=', paymentId)
      .where('status', 'in', SETTLEABLE)
      .executeTakeFirst()
    if (Number(moved.numUpdatedRows) !== 1)
      return { outcome: 'already-settled', superseded: [], refundId: null }
    await trx.updateTable('payment_bills').set({ live: 0 }).where('payment_id', '=', paymentId).execute()
    const refundId = newId('rfd')
    await trx
      .insertInto('refunds')
      .values({
        id: refundId,
        payment_id: paymentId,
        amount_fen: evidence.amountFen,
        reason,
        status: 'requested',
        provider_refund_id: null,
        attempts: 0,
        last_error: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await recordPaymentEvent(trx, paymentId, now, 'refund-requested', {
      reason,
      source: evidence.source,
      transactionId: evidence.transactionId,
    })
    return { outcome: 'refunding', superseded: [], refundId }
  })
}

export async function settlePayment(
  deps: PaymentsDeps,
  paymentId: string,
  evidence: PaidEvidence,
): Promise<SettleResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.transaction().execute((trx) => applyPaid(deps, trx, paymentId, evidence))
    } catch (error) {
      if (error instanceof CannotApply) return recordRefund(deps, paymentId, evidence, error.reason)
      // A new payment claimed one of these bills while this one was closed: try again, it is now a rival.
      if (isUniqueViolation(error, 'payment_bills') && attempt < 3) continue
      throw error
    }
  }
}

/** Settles inside a caller's transaction (cash at the counter): refuses instead of refunding. */
export async function settleWithin(
  deps: PaymentsDeps,
  trx: Db,
  paymentId: string,
  evidence: PaidEvidence,
): Promise<SettleResult | 'bills-taken'> {
  try {
    return await applyPaid(deps, trx, paymentId, evidence)
  } catch (error) {
    if (error instanceof CannotApply) return 'bills-taken'
    throw error
  }
}
