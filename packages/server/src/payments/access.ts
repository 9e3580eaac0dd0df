/** Who may look at a payment, and the staff-only sandbox confirmation. */
import type { Payment } from '@bangban/core/api'
import { billsByIds } from '../bills/bills'
import { AppError } from '../util/errors'
import { newId } from '../util/ids'
import { mayPay, principalOf, type Payer } from './create'
import type { PaymentsDeps } from './deps'
import { completePaid, refreshPayment } from './orders'
import { paymentRow, paymentView } from './views'

/**
 * Whoever asked for it; anyone who may pay all of its bills (the family member who got the same
 * QR code); admins. A payment id is 128 random bits, so this is a capability with a standing check.
 */
async function mayView(
  deps: PaymentsDeps,
  payer: Payer,
  admin: boolean,
  paymentId: string,
): Promise<boolean> {
  const payment = await paymentRow(deps.db, paymentId)
  if (admin || payment.principal === principalOf(payer)) return true
  const billIds = (
    await deps.db.selectFrom('payment_bills').select('bill_id').where('payment_id', '=', paymentId).execute()
  ).map((r) => r.bill_id)
  const bills = await billsByIds(deps.db, billIds)
  return bills.every((bill) => mayPay(payer, bill))
}

/** For polling: asks the provider first when the payment is not settled yet. */
export async function getPayment(
  deps: PaymentsDeps,
  payer: Payer,
  admin: boolean,
  paymentId: string,
): Promise<Payment> {
  if (!(await mayView(deps, payer, admin, paymentId))) throw new AppError('NOT_FOUND')
  await refreshPayment(deps, paymentId)
  return paymentView(deps, paymentId)
}

/**
 * The sandbox's "pay" step: a member of staff confirms the money was received. Treated exactly
 * like WeChat's paid callback (a closed payment confirmed late is refunded if its bills are paid).
 * Only payments made through the sandbox can be confirmed; with WeChat Pay configured there are none.
 */
export async function confirmSandboxPayment(deps: PaymentsDeps, paymentId: string): Promise<Payment> {
  const payment = await paymentRow(deps.db, paymentId)
  if (payment.provider !== 'sandbox' || deps.provider.name !== 'sandbox') throw new AppError('NOT_FOUND')
  if (payment.status === 'pending' || payment.status === 'closed') {
    await completePaid(deps, paymentId, {
      transactionId: newId('sandbox'),
      paidAt: deps.clock.now().toISOString(),
      amountFen: payment.amount_fen,
      source: 'sandbox',
    })
  }
  return paymentView(deps, paymentId)
}
