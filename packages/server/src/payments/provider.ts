/**
 * Where online payments are made. The service speaks only this interface; WeChat Pay and the demo
 * sandbox implement it. Every call may fail (network, provider trouble): callers treat a thrown
 * error as "outcome unknown" and rely on retrying with the same trade or refund number, which
 * providers treat as the same order or refund.
 */
import type { RequestPaymentParams } from '@bangban/core/api'

export type OnlineMethod = 'wechat-native' | 'wechat-jsapi'

export interface ProviderOrder {
  /** Our payment id, the provider's out_trade_no. */
  readonly tradeNo: string
  readonly description: string
  readonly amountFen: number
  readonly method: OnlineMethod
  readonly payerOpenid: string | null
  readonly expiresAt: Date
}

export interface CreatedOrder {
  readonly codeUrl: string | null
  readonly prepayId: string | null
}

/** What the provider says about an order. */
export type OrderState =
  | {
      readonly state: 'paid'
      readonly transactionId: string
      readonly paidAt: string
      readonly amountFen: number
    }
  | { readonly state: 'unpaid' }
  | { readonly state: 'closed' }

export type RefundOutcome = 'succeeded' | 'processing' | 'failed'

export interface ProviderRefund {
  /** Our refund id, the provider's out_refund_no. */
  readonly refundNo: string
  readonly tradeNo: string
  readonly amountFen: number
  readonly totalFen: number
}

export interface PaymentProvider {
  readonly name: 'wechatpay' | 'sandbox'
  createOrder(order: ProviderOrder): Promise<CreatedOrder>
  /** Fresh wx.requestPayment parameters for a JSAPI order. */
  requestPayment(prepayId: string): RequestPaymentParams
  queryOrder(tradeNo: string): Promise<OrderState>
  /** `paid` when the order cannot be closed because it was paid meanwhile. */
  closeOrder(tradeNo: string): Promise<'closed' | 'paid'>
  /** Asking again with the same refund number never refunds twice. */
  refund(refund: ProviderRefund): Promise<RefundOutcome>
  queryRefund(refundNo: string): Promise<RefundOutcome>
}
