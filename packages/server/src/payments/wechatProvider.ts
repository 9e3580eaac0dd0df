/**
 * WeChat Pay as a PaymentProvider, over the protocol module in ./wechatpay (signed requests,
 * verified responses). Maps WeChat's trade and refund states onto ours.
 */
import type { Clock } from '../util/clock'
import {
  createWechatPayClient,
  WechatPayError,
  type Refund,
  type Transaction,
  type WechatPayClient,
  type WechatPayConfig,
} from './wechatpay'
import type { OrderState, PaymentProvider, RefundOutcome } from './provider'

export interface WechatProviderOptions {
  readonly clock: Clock
  /** Tests and stand-ins only; the global fetch otherwise. */
  readonly fetch?: typeof fetch
}

function orderState(tx: Transaction, clock: Clock): OrderState {
  switch (tx.trade_state) {
    case 'SUCCESS':
    case 'REFUND': // paid, then refunded (by us): it was paid all the same
      if (tx.transaction_id && tx.amount?.total !== undefined) {
        return {
          state: 'paid',
          transactionId: tx.transaction_id,
          paidAt: new Date(tx.success_time ?? clock.now()).toISOString(),
          // The order's total (a coupon may lower what the payer paid, not what the bill is owed).
          amountFen: tx.amount.total,
        }
      }
      return { state: 'unpaid' }
    case 'NOTPAY':
    case 'USERPAYING':
      return { state: 'unpaid' }
    default:
      return { state: 'closed' }
  }
}

function refundOutcome(refund: Pick<Refund, 'status'>): RefundOutcome {
  if (refund.status === 'SUCCESS') return 'succeeded'
  if (refund.status === 'PROCESSING') return 'processing'
  return 'failed'
}

export function wechatPayProvider(config: WechatPayConfig, options: WechatProviderOptions): PaymentProvider {
  const client: WechatPayClient = createWechatPayClient({
    baseUrl: config.baseUrl,
    mchid: config.mchid,
    appid: config.appid,
    merchantSerial: config.merchantSerial,
    merchantPrivateKey: config.merchantPrivateKey,
    notifyUrl: config.notifyUrl,
    verificationKeys: config.verificationKeys,
    clock: options.clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  return {
    name: 'wechatpay',
    async createOrder(order) {
      const input = {
        outTradeNo: order.tradeNo,
        description: order.description,
        amountFen: order.amountFen,
        timeExpire: order.expiresAt,
      }
      if (order.method === 'wechat-native') {
        const { codeUrl } = await client.createNativeOrder(input)
        return { codeUrl, prepayId: null }
      }
      const { prepayId } = await client.createJsapiOrder({ ...input, payerOpenid: order.payerOpenid ?? '' })
      return { codeUrl: null, prepayId }
    },
    requestPayment: (prepayId) => client.requestPaymentFor(prepayId),
    async queryOrder(tradeNo) {
      try {
        return orderState(await client.queryOrder(tradeNo), options.clock)
      } catch (error) {
        // Never created at WeChat (the order call failed): it cannot have been paid.
        if (error instanceof WechatPayError && error.verified && error.code === 'ORDER_NOT_EXIST') {
          return { state: 'closed' }
        }
        throw error
      }
    },
    async closeOrder(tradeNo) {
      try {
        await client.closeOrder(tradeNo)
        return 'closed'
      } catch (error) {
        if (error instanceof WechatPayError) {
          if (error.code === 'ORDERPAID') return 'paid'
          if (error.verified && (error.code === 'ORDER_NOT_EXIST' || error.code === 'ORDER_CLOSED'))
            return 'closed'
        }
        throw error
      }
    },
    async refund(refund) {
      return refundOutcome(
        await client.refund({
          outTradeNo: refund.tradeNo,
          outRefundNo: refund.refundNo,
          refundFen: refund.amountFen,
          totalFen: refund.totalFen,
          notifyUrl: config.notifyUrl,
        }),
      )
    },
    async queryRefund(refundNo) {
      return refundOutcome(await client.queryRefund(refundNo))
    },
  }
}
