/**
 * The provider side of a payment's life: creating its order once, asking how it stands, closing
 * it, and following up a settlement (closing superseded orders, carrying out refunds). Network
 * calls are never made inside a database transaction.
 */
import { createI18n } from '@bangban/core/i18n'
import { AppError } from '../util/errors'
import { recordPaymentEvent, type PaymentsDeps } from './deps'
import { runRefund } from './refunds'
import { settlePayment, type PaidEvidence, type SettleResult } from './settle'
import { paymentRow } from './views'

/** Another request creating the same order holds it this long before it may be taken over. */
const ORDER_LEASE_MS = 20_000
/** However many screens poll a payment, the provider is asked about it at most this often. */
const CHECK_INTERVAL_MS = 3_000

// What the payer sees in WeChat: the merchant's language, not the caller's.
const orderText = createI18n('zh-CN')

async function orderDescription(deps: PaymentsDeps, paymentId: string): Promise<string> {
  const kinds = await deps.db
    .selectFrom('payment_bills as pb')
    .innerJoin('bills as b', 'b.id', 'pb.bill_id')
    .select('b.kind')
    .distinct()
    .where('pb.payment_id', '=', paymentId)
    .orderBy('b.kind')
    .execute()
  const names = kinds.map((k) => orderText.t(`billKinds.${k.kind}`))
  return `${orderText.t('app.name')} ${names.join(' / ')}`.slice(0, 127)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Makes sure a pending online payment has its order at the provider (a QR code or prepay id).
 * One request creates it under a lease; concurrent ones wait for its answer.
 */
export async function ensureOrder(deps: PaymentsDeps, paymentId: string): Promise<void> {
  const payment = await paymentRow(deps.db, paymentId)
  if (payment.status !== 'pending' || payment.provider === 'counter' || payment.code_url || payment.prepay_id)
    return
  const now = deps.clock.now()
  const leased = await deps.db
    .updateTable('payments')
    .set({ order_requested_at: now.toISOString() })
    .where('id', '=', paymentId)
    .where('status', '=', 'pending')
    .where('code_url', 'is', null)
    .where('prepay_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('order_requested_at', 'is', null),
        eb('order_requested_at', '<', new Date(now.getTime() - ORDER_LEASE_MS).toISOString()),
      ]),
    )
    .executeTakeFirst()
  if (Number(leased.numUpdatedRows) === 1) {
    try {
      const created = await deps.provider.createOrder({
        tradeNo: paymentId,
        description: await orderDescription(deps, paymentId),
        amountFen: payment.amount_fen,
        method: payment.method === 'wechat-jsapi' ? 'wechat-jsapi' : 'wechat-native',
        payerOpenid: payment.payer_openid,
        expiresAt: new Date(payment.expires_at ?? now.getTime()),
      })
      await deps.db
        .updateTable('payments')
        .set({ code_url: created.codeUrl, prepay_id: created.prepayId })
        .where('id', '=', paymentId)
        .execute()
      await recordPaymentEvent(deps.db, paymentId, deps.clock.now().toISOString(), 'order-created')
      return
    } catch (error) {
      // Unknown outcome: the same request (same trade number) may try again; WeChat treats it as the same order.
      deps.log.warn({ paymentId, err: error instanceof Error ? error.message : error }, 'order not created')
      await deps.db
        .updateTable('payments')
        .set({ order_requested_at: null })
        .where('id', '=', paymentId)
        .execute()
      throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE')
    }
  }
  for (let i = 0; i < 100; i++) {
    await sleep(50)
    const row = await paymentRow(deps.db, paymentId)
    if (row.status !== 'pending' || row.code_url || row.prepay_id) return
    if (row.order_requested_at === null) break
  }
  throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE')
}

/** Settles a payment and then does what that calls for at the provider. */
export async function completePaid(
  deps: PaymentsDeps,
  paymentId: string,
  evidence: PaidEvidence,
): Promise<SettleResult> {
  const result = await settlePayment(deps, paymentId, evidence)
  for (const rival of result.superseded) await closeAtProvider(deps, rival)
  if (result.refundId) await runRefund(deps, result.refundId)
  return result
}

async function settleIfPaid(deps: PaymentsDeps, paymentId: string): Promise<boolean> {
  const state = await deps.provider.queryOrder(paymentId)
  if (state.state !== 'paid') return false
  await completePaid(deps, paymentId, {
    transactionId: state.transactionId,
    paidAt: state.paidAt,
    amountFen: state.amountFen,
    source: 'query',
  })
  return true
}

/**
 * Closes, at the provider, the order of a payment already closed here. Until the provider
 * confirms, the reconciler keeps trying; if the payer got in first, the money is settled (and,
 * the bills being paid, refunded).
 */
export async function closeAtProvider(deps: PaymentsDeps, paymentId: string): Promise<void> {
  const payment = await paymentRow(deps.db, paymentId)
  if (payment.status !== 'closed' || payment.provider_closed_at || payment.provider === 'counter') return
  try {
    const answer = await deps.provider.closeOrder(paymentId)
    if (answer === 'paid') {
      await settleIfPaid(deps, paymentId)
      return
    }
    await deps.db
      .updateTable('payments')
      .set({ provider_closed_at: deps.clock.now().toISOString() })
      .where('id', '=', paymentId)
      .execute()
  } catch (error) {
    deps.log.warn({ paymentId, err: error instanceof Error ? error.message : error }, 'order not closed yet')
  }
}

/**
 * Ends a pending payment so its bills can be paid another way (it expired, or the payer chose
 * another payment). It is closed here whatever the provider answers, so nobody is ever stuck;
 * should the payer still pay the old order, that money is refunded automatically.
 */
export async function retirePayment(
  deps: PaymentsDeps,
  paymentId: string,
  reason: 'expired' | 'superseded',
): Promise<void> {
  const now = deps.clock.now().toISOString()
  const moved = await deps.db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('payments')
      .set({ status: 'closed', closed_at: now, close_reason: reason })
      .where('id', '=', paymentId)
      .where('status', '=', 'pending')
      .executeTakeFirst()
    if (Number(closed.numUpdatedRows) !== 1) return false
    await trx.updateTable('payment_bills').set({ live: 0 }).where('payment_id', '=', paymentId).execute()
    await recordPaymentEvent(trx, paymentId, now, 'closed', { reason })
    return true
  })
  if (moved) await closeAtProvider(deps, paymentId)
}

/** Claims the right to ask the provider about a payment now; false when someone just did. */
async function claimCheck(deps: PaymentsDeps, paymentId: string): Promise<boolean> {
  const now = deps.clock.now()
  const claimed = await deps.db
    .updateTable('payments')
    .set({ last_checked_at: now.toISOString() })
    .where('id', '=', paymentId)
    .where((eb) =>
      eb.or([
        eb('last_checked_at', 'is', null),
        eb('last_checked_at', '<=', new Date(now.getTime() - CHECK_INTERVAL_MS).toISOString()),
      ]),
    )
    .executeTakeFirst()
  return Number(claimed.numUpdatedRows) === 1
}

/**
 * Brings a payment up to date with the provider: a pending one may have been paid (its callback
 * lost, or the process stopped before answering it) or may have expired; a closed one may still
 * need closing at the provider; a refund may need asking again.
 */
export async function refreshPayment(deps: PaymentsDeps, paymentId: string): Promise<void> {
  const payment = await paymentRow(deps.db, paymentId)
  if (payment.provider === 'counter') return
  const unfinished =
    payment.status === 'pending' ||
    (payment.status === 'closed' && !payment.provider_closed_at) ||
    payment.status === 'refunding'
  if (!unfinished || !(await claimCheck(deps, paymentId))) return
  try {
    if (payment.status === 'pending') {
      const asked = payment.code_url || payment.prepay_id || payment.order_requested_at
      let paid = false
      try {
        paid = Boolean(asked) && (await settleIfPaid(deps, paymentId))
      } catch (error) {
        deps.log.warn({ paymentId, err: error instanceof Error ? error.message : error }, 'order not queried')
      }
      // Expired: closed here even if WeChat could not be asked; closing there finds a late payment.
      const expired = payment.expires_at !== null && payment.expires_at <= deps.clock.now().toISOString()
      if (!paid && expired) await retirePayment(deps, paymentId, 'expired')
    } else if (payment.status === 'closed') {
      await closeAtProvider(deps, paymentId)
    } else {
      const refund = await deps.db
        .selectFrom('refunds')
        .select('id')
        .where('payment_id', '=', paymentId)
        .executeTakeFirst()
      if (refund) await runRefund(deps, refund.id)
    }
  } catch (error) {
    // The provider could not be asked: the payment stays as it is and is asked again later.
    deps.log.warn({ paymentId, err: error instanceof Error ? error.message : error }, 'payment not refreshed')
  }
}

/** One pass of the reconciler (run on a timer): expired orders, unconfirmed closes, refunds. */
export async function reconcilePayments(deps: PaymentsDeps): Promise<void> {
  const now = deps.clock.now().toISOString()
  const due = await deps.db
    .selectFrom('payments')
    .select('id')
    .where('provider', '!=', 'counter')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('expires_at', '<=', now)]),
        // WeChat Pay orders live at most a few days; older unconfirmed closes are moot.
        eb.and([
          eb('status', '=', 'closed'),
          eb('provider_closed_at', 'is', null),
          eb('closed_at', '>', new Date(Date.parse(now) - 7 * 86400_000).toISOString()),
        ]),
        eb.and([
          eb('status', '=', 'refunding'),
          eb(
            'id',
            'in',
            eb.selectFrom('refunds').select('payment_id').where('status', 'in', ['requested', 'processing']),
          ),
        ]),
      ]),
    )
    .orderBy('created_at')
    .limit(200)
    .execute()
  for (const { id } of due) await refreshPayment(deps, id)
}
