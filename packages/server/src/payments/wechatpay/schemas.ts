/**
 * Shapes of what WeChat Pay returns (query responses, decrypted callback resources), field names
 * as WeChat spells them. Objects are loose: WeChat adds fields over time and we must not break.
 */
import { z } from 'zod'

export const TRADE_STATES = [
  'SUCCESS',
  'REFUND',
  'NOTPAY',
  'CLOSED',
  'REVOKED',
  'USERPAYING',
  'PAYERROR',
] as const
export type TradeState = (typeof TRADE_STATES)[number]

/** Amounts are integer fen everywhere. */
const Fen = z.number().int().nonnegative()

/** A transaction: `GET …/out-trade-no/{no}` and the decrypted `TRANSACTION.SUCCESS` resource. */
export const Transaction = z.looseObject({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  // Absent while the order is NOTPAY.
  transaction_id: z.string().optional(),
  trade_type: z.string().optional(),
  trade_state: z.enum(TRADE_STATES),
  trade_state_desc: z.string().optional(),
  bank_type: z.string().optional(),
  attach: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.looseObject({ openid: z.string().optional() }).optional(),
  amount: z
    .looseObject({
      total: Fen.optional(),
      payer_total: Fen.optional(),
      currency: z.string().optional(),
      payer_currency: z.string().optional(),
    })
    .optional(),
})
export type Transaction = z.infer<typeof Transaction>

/** A paid transaction as the success callback delivers it: the fields we rely on are required. */
export const PaidTransaction = Transaction.extend({
  transaction_id: z.string().min(1),
  trade_state: z.literal('SUCCESS'),
  success_time: z.string().min(1),
  payer: z.looseObject({ openid: z.string().min(1) }),
  amount: z.looseObject({
    total: Fen,
    payer_total: Fen,
    currency: z.string(),
    payer_currency: z.string().optional(),
  }),
})
export type PaidTransaction = z.infer<typeof PaidTransaction>

export const REFUND_STATUSES = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'] as const
export type RefundStatus = (typeof REFUND_STATUSES)[number]

/** `POST /v3/refund/domestic/refunds` and `GET …/refunds/{out_refund_no}`. */
export const Refund = z.looseObject({
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string(),
  out_trade_no: z.string(),
  channel: z.string().optional(),
  user_received_account: z.string().optional(),
  success_time: z.string().optional(),
  create_time: z.string().optional(),
  status: z.enum(REFUND_STATUSES),
  funds_account: z.string().optional(),
  amount: z.looseObject({
    total: Fen,
    refund: Fen,
    payer_total: Fen.optional(),
    payer_refund: Fen.optional(),
    settlement_refund: Fen.optional(),
    settlement_total: Fen.optional(),
    discount_refund: Fen.optional(),
    currency: z.string(),
  }),
})
export type Refund = z.infer<typeof Refund>

/** The decrypted resource of `REFUND.SUCCESS|ABNORMAL|CLOSED` (note: `refund_status`, not `status`). */
export const RefundNotice = z.looseObject({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: z.enum(REFUND_STATUSES),
  success_time: z.string().optional(),
  user_received_account: z.string().optional(),
  amount: z.looseObject({ total: Fen, refund: Fen, payer_total: Fen, payer_refund: Fen }),
})
export type RefundNotice = z.infer<typeof RefundNotice>

/** The callback envelope; `resource` is decrypted separately. */
export const NotificationEnvelope = z.looseObject({
  id: z.string().min(1),
  create_time: z.string(),
  event_type: z.string().min(1),
  resource_type: z.string(),
  summary: z.string().optional(),
  resource: z.looseObject({
    algorithm: z.string(),
    ciphertext: z.string(),
    associated_data: z.string().optional(),
    nonce: z.string(),
    original_type: z.string(),
  }),
})
export type NotificationEnvelope = z.infer<typeof NotificationEnvelope>

/** WeChat's error body; `detail` appears on PARAM_ERROR with the offending field. */
export const ErrorBody = z.looseObject({
  code: z.string().min(1),
  message: z.string().optional(),
  detail: z.unknown().optional(),
})
