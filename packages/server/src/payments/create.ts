/**
 * Creating a payment for bills, exactly once. A bill has at most one live payment, enforced by a
 * partial unique index on live claims (payment_bills), claimed in the same transaction that
 * creates the payment. Asking again for the same bills and method returns the open payment (so
 * two family members scanning get the same QR code); asking for them another way first closes
 * the open one. An Idempotency-Key replays the first answer to whoever sent it.
 */
import type { Payment } from '@bangban/core/api'
import { shanghaiDate, sumFen } from '@bangban/core/domain'
import type { Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { billsByIds, type BillRecord } from '../bills/bills'
import { isUniqueViolation } from '../db/errors'
import { AppError } from '../util/errors'
import {
  type KeyedCall,
  keyedCall,
  once,
  paymentKeys,
  rememberExisting,
  rememberResult,
} from '../util/idempotency'
import { newId } from '../util/ids'
import { recordPaymentEvent, type PaymentsDeps } from './deps'
import type { PaymentOrderRequest } from './payerOpenid'
import { ensureOrder, retirePayment } from './orders'
import { settleWithin } from './settle'
import { paymentRow, paymentView } from './views'

/** Who is paying: one of these, or a helper (staffId) acting with a resident's consent (residentId). */
export interface Payer {
  readonly residentId: string | null
  readonly deviceId: string | null
  readonly staffId: string | null
}

/**
 * The next readable number of the day: P, the Shanghai date as yymmdd, a dash, four digits
 * (P261206-0007); five once a day passes 9,999. Counted in the payment's transaction, so a payment
 * that is rolled back leaves at most a gap, never a repeat.
 */
export async function nextPaymentNo(trx: Transaction<Database>, day: string): Promise<string> {
  const { last_sequence } = await trx
    .insertInto('payment_counters')
    .values({ local_date: day, last_sequence: 1 })
    .onConflict((oc) =>
      oc
        .column('local_date')
        .doUpdateSet((eb) => ({ last_sequence: eb('payment_counters.last_sequence', '+', 1) })),
    )
    .returning('last_sequence')
    .executeTakeFirstOrThrow()
  return `P${day.slice(2).replace(/-/g, '')}-${String(last_sequence).padStart(4, '0')}`
}

/** A QR code must stay payable at least this long to be handed out again. */
const REUSE_MARGIN_MS = 60_000
const MAX_ATTEMPTS = 5

export function principalOf(payer: Payer): string {
  if (payer.residentId) return `resident:${payer.residentId}`
  if (payer.staffId) return `staff:${payer.staffId}`
  if (payer.deviceId) return `kiosk:${payer.deviceId}`
  throw new AppError('UNAUTHENTICATED')
}

function missing(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ where: `body.${field}`, problem }])
}

/** Residents pay in WeChat, a kiosk alone shows a QR code, helpers record cash. */
function checkMethod(payer: Payer, request: PaymentOrderRequest): void {
  const cash = request.method === 'counter-cash'
  if (payer.staffId ? !cash : cash) throw new AppError('PAYMENT_METHOD_NOT_ALLOWED')
  if (payer.deviceId && request.method !== 'wechat-native') throw new AppError('PAYMENT_METHOD_NOT_ALLOWED')
  if (request.method === 'wechat-jsapi' && !request.payerOpenid) throw missing('payerOpenid', 'required')
  if (cash && request.cashReceivedFen === undefined) throw missing('cashReceivedFen', 'required')
  if (!cash && request.cashReceivedFen !== undefined) throw missing('cashReceivedFen', 'unexpected')
}

/**
 * Utility bills may be paid by anyone with standing (a family member, at the kiosk, at the
 * counter); a medical bill only by its resident (a helper needs the resident's consent).
 */
export function mayPay(payer: Payer, bill: Pick<BillRecord, 'account_no' | 'resident_id'>): boolean {
  return bill.account_no !== null || (payer.residentId !== null && payer.residentId === bill.resident_id)
}

async function payableBills(deps: PaymentsDeps, payer: Payer, billIds: readonly string[]) {
  const bills = await billsByIds(deps.db, billIds)
  for (const bill of bills) {
    if (!mayPay(payer, bill)) throw new AppError(payer.staffId ? 'CONSENT_REQUIRED' : 'NOT_FOUND')
  }
  if (bills.some((bill) => bill.status !== 'unpaid')) throw new AppError('BILL_ALREADY_PAID')
  return { bills, totalFen: sumFen(bills.map((bill) => bill.amount_fen)) }
}

/** Pending payments holding a live claim on any of these bills, with the bills each covers. */
async function openPayments(deps: PaymentsDeps, billIds: readonly string[]) {
  const rows = await deps.db
    .selectFrom('payment_bills as pb')
    .innerJoin('payments as p', 'p.id', 'pb.payment_id')
    .select(['p.id'])
    .distinct()
    .where('pb.bill_id', 'in', billIds)
    .where('pb.live', '=', 1)
    .where('p.status', '=', 'pending')
    .execute()
  return Promise.all(
    rows.map(async ({ id }) => ({
      payment: await paymentRow(deps.db, id),
      billIds: (
        await deps.db.selectFrom('payment_bills').select('bill_id').where('payment_id', '=', id).execute()
      )
        .map((r) => r.bill_id)
        .sort(),
    })),
  )
}

async function answer(deps: PaymentsDeps, paymentId: string): Promise<Payment> {
  await ensureOrder(deps, paymentId)
  return paymentView(deps, paymentId)
}

export async function createPayment(
  deps: PaymentsDeps,
  payer: Payer,
  request: PaymentOrderRequest,
  idempotencyKey?: string,
): Promise<Payment> {
  checkMethod(payer, request)
  const principal = principalOf(payer)
  const billIds = [...new Set(request.billIds)].sort()
  const call = keyedCall(principal, idempotencyKey, 'createPayment', {
    billIds,
    method: request.method,
    payerOpenid: request.payerOpenid ?? null,
    cashReceivedFen: request.cashReceivedFen ?? null,
  })
  // Same key, same answer, always (issue 19, D5): see `once`.
  return once(
    deps.db,
    paymentKeys,
    call,
    () => pay(deps, payer, request, principal, billIds, call),
    (earlier) => answer(deps, earlier),
  )
}

async function pay(
  deps: PaymentsDeps,
  payer: Payer,
  request: PaymentOrderRequest,
  principal: string,
  billIds: readonly string[],
  call: KeyedCall | undefined,
): Promise<Payment> {
  for (let attempt = 1; ; attempt++) {
    const { bills, totalFen } = await payableBills(deps, payer, billIds)
    const cash = request.method === 'counter-cash'
    if (cash && (request.cashReceivedFen ?? 0) < totalFen) throw new AppError('CASH_NOT_ENOUGH')
    const now = deps.clock.now()

    const open = await openPayments(deps, billIds)
    const same = open.length === 1 ? open[0]! : null
    if (
      same &&
      !cash &&
      same.payment.method === request.method &&
      same.billIds.join() === billIds.join() &&
      same.payment.payer_openid === (request.payerOpenid ?? null) &&
      (same.payment.expires_at ?? '') > new Date(now.getTime() + REUSE_MARGIN_MS).toISOString()
    ) {
      if (call) await rememberExisting(deps.db, paymentKeys, call, same.payment.id, now.toISOString())
      return answer(deps, same.payment.id)
    }
    if (open.length > 0) {
      for (const other of open) await retirePayment(deps, other.payment.id, 'superseded')
      if (attempt < MAX_ATTEMPTS) continue // the bills may have been paid meanwhile: look again
    }

    const paymentId = newId('pay')
    try {
      await deps.db.transaction().execute(async (trx) => {
        const at = now.toISOString()
        await trx
          .insertInto('payments')
          .values({
            id: paymentId,
            method: request.method,
            provider: cash ? 'counter' : deps.provider.name,
            status: 'pending',
            amount_fen: totalFen,
            principal,
            resident_id: payer.residentId,
            staff_id: payer.staffId,
            payer_openid: request.payerOpenid ?? null,
            created_at: at,
            expires_at: cash ? null : new Date(now.getTime() + deps.paymentTtlSeconds * 1000).toISOString(),
            order_requested_at: null,
            code_url: null,
            prepay_id: null,
            last_checked_at: null,
            paid_at: null,
            paid_amount_fen: null,
            provider_transaction_id: null,
            closed_at: null,
            close_reason: null,
            provider_closed_at: null,
            cash_received_fen: request.cashReceivedFen ?? null,
            payment_no: await nextPaymentNo(trx, shanghaiDate(now)),
          })
          .execute()
        // The claim: a second live payment of any of these bills fails here, whatever the race.
        await trx
          .insertInto('payment_bills')
          .values(
            bills.map((bill) => ({
              payment_id: paymentId,
              bill_id: bill.id,
              amount_fen: bill.amount_fen,
              live: 1,
            })),
          )
          .execute()
        if (call) await rememberResult(trx, paymentKeys, call, paymentId, at)
        await recordPaymentEvent(trx, paymentId, at, 'created', { method: request.method, principal })
        if (cash) {
          const settled = await settleWithin(deps, trx, paymentId, {
            transactionId: null,
            paidAt: at,
            amountFen: totalFen,
            source: 'cash',
          })
          if (settled === 'bills-taken') throw new AppError('BILL_ALREADY_PAID')
        }
      })
    } catch (error) {
      // A request with the same key that won the race is answered by `once` (createPayment).
      // Someone else claimed a bill first: look again (their payment may be the one to return).
      if (isUniqueViolation(error, 'payment_bills')) {
        if (attempt < MAX_ATTEMPTS) continue
        throw new AppError('RATE_LIMITED')
      }
      throw error
    }
    return answer(deps, paymentId)
  }
}
