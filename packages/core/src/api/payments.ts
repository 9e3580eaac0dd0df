import { z } from 'zod'
import { MAX_FEN } from '../domain/money'
import { FenSchema, Id, Instant } from './common'

/** `counter-cash` is recorded by a helper at the 代帮办 window; the others are paid in WeChat. */
export const PaymentMethod = z.enum(['wechat-native', 'wechat-jsapi', 'counter-cash'])
export type PaymentMethod = z.infer<typeof PaymentMethod>

/**
 * pending → paid | closed; a payment that money arrived for after its bills were paid another way
 * goes to refunding → refunded. A closed payment that WeChat reports paid while its bills are still
 * unpaid becomes paid.
 */
export const PaymentStatus = z.enum(['pending', 'paid', 'closed', 'refunding', 'refunded'])
export type PaymentStatus = z.infer<typeof PaymentStatus>

/** `sandbox` is the demo stand-in used when WeChat Pay is not configured: a staff member confirms. */
export const PaymentProviderName = z.enum(['wechatpay', 'sandbox', 'counter'])
export type PaymentProviderName = z.infer<typeof PaymentProviderName>

export const CreatePaymentRequest = z.strictObject({
  billIds: z.array(Id).min(1).max(20),
  method: PaymentMethod,
  // wechat-jsapi pays as the WeChat user the service knows from the session (never named here).
  /** counter-cash: the cash handed over, so the change can be given and printed. */
  cashReceivedFen: FenSchema.positive().max(MAX_FEN).optional(),
})
export type CreatePaymentRequest = z.infer<typeof CreatePaymentRequest>

/** What `wx.requestPayment` takes, field names as WeChat spells them. */
export const RequestPaymentParams = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string(),
})
export type RequestPaymentParams = z.infer<typeof RequestPaymentParams>

export const RefundStatus = z.enum(['requested', 'processing', 'succeeded', 'failed'])

export const Payment = z.object({
  id: Id,
  /** The number on the receipt, short enough to read out (P261206-0007); the id for older payments. */
  paymentNo: z.string(),
  status: PaymentStatus,
  method: PaymentMethod,
  provider: PaymentProviderName,
  amountFen: FenSchema,
  billIds: z.array(Id),
  createdAt: Instant,
  /** After this the QR code or JSAPI order is closed; null for cash. */
  expiresAt: Instant.nullable(),
  paidAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  /** wechat-native: show as a QR code. */
  codeUrl: z.string().nullable(),
  /** wechat-jsapi: pass to wx.requestPayment. */
  requestPayment: RequestPaymentParams.nullable(),
  cash: z.object({ receivedFen: FenSchema, changeFen: FenSchema }).nullable(),
  /** Money that arrived for bills already paid another way goes back automatically. */
  refund: z
    .object({
      status: RefundStatus,
      amountFen: FenSchema,
      reason: z.enum(['duplicate', 'amount-mismatch']),
      updatedAt: Instant,
    })
    .nullable(),
})
export type Payment = z.infer<typeof Payment>
