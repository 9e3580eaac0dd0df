import { z } from 'zod'
import { FenSchema, Id, Instant, LocalDateSchema } from './common'

export const BillKind = z.enum(['water', 'electricity', 'gas', 'property', 'medical'])
export type BillKind = z.infer<typeof BillKind>

export const BillStatus = z.enum(['unpaid', 'paid'])
export type BillStatus = z.infer<typeof BillStatus>

export const BillLine = z.object({ label: z.string(), amountFen: FenSchema })
export type BillLine = z.infer<typeof BillLine>

/** A utility account number as printed on the bill (W1000001); case and spaces are forgiven. */
export const AccountNo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,32}$/)

/** Without accountNo: the signed-in resident's linked accounts and medical bills. */
export const BillQuery = z.strictObject({ accountNo: AccountNo.optional() })
export type BillQuery = z.infer<typeof BillQuery>

export const Bill = z.object({
  id: Id,
  kind: BillKind,
  /** Null for medical bills, which belong to a resident rather than an account. */
  accountNo: z.string().nullable(),
  /** What the bill is for, e.g. 2026-10 (a month) or 2026-10-15 (a clinic visit). */
  period: z.string(),
  amountFen: FenSchema,
  status: BillStatus,
  /** The lines add up to amountFen. */
  lines: z.array(BillLine),
  dueDate: LocalDateSchema,
  holderMaskedName: z.string(),
  /** The household's address, later numbers starred (maskAddress); null for medical bills. */
  holderMaskedAddress: z.string().nullable(),
  /** Who the money goes to (the biller: 幸福里便民缴费代收点, the health centre); null if unknown. */
  payee: z.string().nullable(),
  paidAt: Instant.nullable(),
  /** A payment waiting for the payer (its QR code may be on a screen somewhere). */
  openPaymentId: Id.nullable(),
})
export type Bill = z.infer<typeof Bill>
