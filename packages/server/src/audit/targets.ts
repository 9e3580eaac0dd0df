/**
 * What an audit entry's target says beyond an id. A payment names how it was paid
 * (pay_3kq9…?method=counter-cash), so the resident's trail can say 现金缴费 or 微信缴费.
 */
import { PaymentMethod } from '@bangban/core/api'

export function paymentTarget(payment: { readonly id: string; readonly method: PaymentMethod }): string {
  return `${payment.id}?method=${payment.method}`
}

/** The payment method named in a target, or null when it names none (or one we do not know). */
export function paymentMethodOf(target: string | null): PaymentMethod | null {
  const match = /^[A-Za-z0-9_-]+\?method=([a-z-]+)$/.exec(target ?? '')
  const method = PaymentMethod.safeParse(match?.[1])
  return method.success ? method.data : null
}
