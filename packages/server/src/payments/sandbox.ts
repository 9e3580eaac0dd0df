/**
 * The demo sandbox, used when WeChat Pay is not configured. Nothing is ever paid by itself: a
 * member of staff confirms the money arrived (POST /api/v1/staff/payments/:id/sandbox-confirm),
 * which the service then treats exactly like WeChat's "paid" callback. Codes it hands out are
 * plainly not WeChat's (`bangban-sandbox://…`), so nobody mistakes the demo for real payment.
 */
import type { PaymentProvider } from './provider'

export const SANDBOX_CODE_PREFIX = 'bangban-sandbox://pay/'

export function sandboxProvider(): PaymentProvider {
  return {
    name: 'sandbox',
    async createOrder(order) {
      return order.method === 'wechat-native'
        ? { codeUrl: `${SANDBOX_CODE_PREFIX}${order.tradeNo}`, prepayId: null }
        : { codeUrl: null, prepayId: `sandbox_${order.tradeNo}` }
    },
    requestPayment(prepayId) {
      // Not signed: the mini-program recognises the sandbox by the payment's provider and does not call WeChat.
      return {
        timeStamp: '0',
        nonceStr: 'sandbox',
        package: `prepay_id=${prepayId}`,
        signType: 'RSA',
        paySign: 'sandbox',
      }
    },
    // Staff confirmation settles directly, so an order here is unpaid until then.
    async queryOrder() {
      return { state: 'unpaid' }
    },
    async closeOrder() {
      return 'closed'
    },
    async refund() {
      return 'succeeded'
    },
    async queryRefund() {
      return 'succeeded'
    },
  }
}
