import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { newId } from '../util/ids'
import type { PaymentProvider } from './provider'

export type Db = Kysely<Database> | Transaction<Database>

/** What the payment functions need; built from the app context (or directly in tests). */
export interface PaymentsDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly provider: PaymentProvider
  /** How long a QR code or JSAPI order stays payable. */
  readonly paymentTtlSeconds: number
  readonly log: { warn(details: object, message: string): void }
  /** Tests only: runs inside the settling transaction, before it commits (to simulate a crash there). */
  readonly beforeSettleCommit?: (paymentId: string) => void | Promise<void>
}

/** Appends to a payment's history; the history is never changed. */
export async function recordPaymentEvent(
  db: Db,
  paymentId: string,
  at: string,
  kind: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('payment_events')
    .values({
      id: newId('pev'),
      payment_id: paymentId,
      at,
      kind,
      detail: detail ? JSON.stringify(detail) : null,
    })
    .execute()
}
