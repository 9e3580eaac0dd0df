/**
 * Carrying out recorded refunds. A refund is asked for with our refund id as the provider's
 * out_refund_no, so asking again (after a crash, a timeout, or from another instance) never
 * refunds twice; the reconciler keeps asking until the provider gives a final answer.
 */
import { recordPaymentEvent, type PaymentsDeps } from './deps'
import type { RefundOutcome } from './provider'

/** Gives up retrying after this many failed calls; the refund stays visible as failed for staff. */
export const MAX_REFUND_ATTEMPTS = 20

export async function applyRefundOutcome(
  deps: Pick<PaymentsDeps, 'db' | 'clock'>,
  refundId: string,
  outcome: RefundOutcome,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString()
    const refund = await trx.selectFrom('refunds').selectAll().where('id', '=', refundId).executeTakeFirst()
    if (!refund || refund.status === 'succeeded' || refund.status === outcome) return
    const moved = await trx
      .updateTable('refunds')
      .set({ status: outcome, updated_at: now })
      .where('id', '=', refundId)
      .where('status', '=', refund.status)
      .executeTakeFirst()
    if (Number(moved.numUpdatedRows) !== 1) return
    if (outcome === 'succeeded') {
      await trx
        .updateTable('payments')
        .set({ status: 'refunded' })
        .where('id', '=', refund.payment_id)
        .where('status', '=', 'refunding')
        .execute()
    }
    await recordPaymentEvent(trx, refund.payment_id, now, `refund-${outcome}`, { refundId })
  })
}

/** Asks the provider to refund (or how the refund stands); errors are kept for the next try. */
export async function runRefund(deps: PaymentsDeps, refundId: string): Promise<void> {
  const refund = await deps.db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.status', 'r.amount_fen', 'r.attempts', 'p.id as payment_id', 'p.paid_amount_fen'])
    .where('r.id', '=', refundId)
    .executeTakeFirst()
  if (!refund || refund.status === 'succeeded' || refund.status === 'failed') return
  await deps.db
    .updateTable('refunds')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: deps.clock.now().toISOString() }))
    .where('id', '=', refundId)
    .execute()
  let outcome: RefundOutcome
  try {
    outcome =
      refund.status === 'processing'
        ? await deps.provider.queryRefund(refund.id)
        : await deps.provider.refund({
            refundNo: refund.id,
            tradeNo: refund.payment_id,
            amountFen: refund.amount_fen,
            totalFen: refund.paid_amount_fen ?? refund.amount_fen,
          })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await deps.db
      .updateTable('refunds')
      .set({ last_error: message.slice(0, 500) })
      .where('id', '=', refundId)
      .execute()
    deps.log.warn({ refundId, paymentId: refund.payment_id, err: message }, 'refund not confirmed yet')
    if (refund.attempts + 1 >= MAX_REFUND_ATTEMPTS) await applyRefundOutcome(deps, refundId, 'failed')
    return
  }
  await applyRefundOutcome(deps, refundId, outcome)
}
