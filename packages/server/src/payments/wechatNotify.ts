/**
 * WeChat Pay's callbacks: payment success (TRANSACTION.SUCCESS) and refund results (REFUND.*),
 * both to the one notify URL. Nothing is believed before the signature over the raw body verifies
 * (stale timestamps and unknown serials are refused too) and the resource decrypts. The answer is
 * in WeChat's format: 204 when stored (duplicates included), FAIL with 4xx/5xx to have it retried.
 */
import { applyRefundOutcome } from './refunds'
import type { PaymentsDeps } from './deps'
import { completePaid } from './orders'
import {
  notificationReply,
  parsePaymentNotification,
  parseRefundNotification,
  type HeaderSource,
  type WechatPayConfig,
} from './wechatpay'

export interface NotifyReply {
  readonly status: number
  readonly body?: { code: 'FAIL'; message: string }
}

const REFUND_OUTCOME = {
  SUCCESS: 'succeeded',
  PROCESSING: 'processing',
  CLOSED: 'failed',
  ABNORMAL: 'failed',
} as const

export async function handleWechatNotify(
  deps: PaymentsDeps,
  wechat: WechatPayConfig,
  headers: HeaderSource,
  rawBody: Uint8Array,
): Promise<NotifyReply> {
  const notifyDeps = {
    verificationKeys: wechat.verificationKeys,
    apiV3Key: wechat.apiV3Key,
    clock: deps.clock,
    mchid: wechat.mchid,
    appid: wechat.appid,
  }
  const request = { headers, rawBody }
  const payment = parsePaymentNotification(request, notifyDeps)
  try {
    if (payment.ok) {
      const tx = payment.transaction
      const result = await completePaid(deps, tx.out_trade_no, {
        transactionId: tx.transaction_id,
        paidAt: new Date(tx.success_time).toISOString(),
        amountFen: tx.amount.total,
        source: 'notify',
      })
      if (result.outcome === 'unknown-payment') {
        deps.log.warn({ outTradeNo: tx.out_trade_no }, 'WeChat Pay notified a payment we do not know')
      }
      return notificationReply({ ok: true })
    }
    if (payment.reason !== 'UNEXPECTED_EVENT') {
      deps.log.warn({ reason: payment.reason, detail: payment.detail }, 'WeChat Pay callback refused')
      return notificationReply(payment)
    }
    const refund = parseRefundNotification(request, notifyDeps)
    if (!refund.ok) {
      deps.log.warn({ reason: refund.reason, detail: refund.detail }, 'WeChat Pay callback refused')
      return notificationReply(refund)
    }
    await applyRefundOutcome(deps, refund.refund.out_refund_no, REFUND_OUTCOME[refund.refund.refund_status])
    return notificationReply({ ok: true })
  } catch (error) {
    // Not stored: WeChat delivers it again, and polling or the reconciler would find it anyway.
    deps.log.warn({ err: error instanceof Error ? error.message : error }, 'WeChat Pay callback not stored')
    return { status: 500, body: { code: 'FAIL', message: 'NOT_STORED' } }
  }
}
