/**
 * Property tests of the payment state machine (sandbox provider, through the same functions the
 * routes use): whatever sequence of creations, confirmations, cash payments and expiries, every
 * bill is paid at most once, by a payment that is paid; money received is either on a bill or
 * refunded; statuses only move forward. And bill and payment totals in fen are exact sums.
 */
import fc from 'fast-check'
import { billsOfAccount } from '../src/bills/bills'
import type { PaymentStatus } from '../src/db/schema'
import { paymentsDeps } from '../src/http/routes/payments'
import { confirmSandboxPayment } from '../src/payments/access'
import { createPayment, type Payer } from '../src/payments/create'
import { reconcilePayments } from '../src/payments/orders'
import { AppError } from '../src/util/errors'
import { describeOnEngines, residents } from './support/service'

const FORWARD: Record<PaymentStatus, PaymentStatus[]> = {
  pending: ['pending', 'paid', 'closed', 'refunding', 'refunded'],
  closed: ['closed', 'paid', 'refunding', 'refunded'],
  paid: ['paid'],
  refunding: ['refunding', 'refunded'],
  refunded: ['refunded'],
}

const lines = fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 6 })
const billSet = fc.constantFrom<number[]>([0], [1], [0, 1])
const op = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    who: fc.integer({ min: 0, max: 2 }),
    bills: billSet,
    jsapi: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('cash' as const),
    bills: billSet,
    extra: fc.integer({ min: 0, max: 10_000 }),
  }),
  fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('expire' as const) }),
)

describeOnEngines('payment state machine', (on) => {
  let payers: Payer[]
  let run = 0

  beforeAll(async () => {
    const people = await residents(on.service, 2, 300)
    payers = [
      { residentId: people[0]!.id, deviceId: null, staffId: null },
      { residentId: people[1]!.id, deviceId: null, staffId: null },
      { residentId: null, deviceId: 'kiosk-xfl-1', staffId: null },
    ]
  })

  it('keeps every bill paid at most once and every fen accounted for', async () => {
    const deps = paymentsDeps(on.service.ctx, { warn: () => undefined })
    const db = on.service.ctx.db
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(lines, lines),
        fc.array(op, { minLength: 1, maxLength: 10 }),
        async (billLines, ops) => {
          run++
          const account = `Q${String(run).padStart(7, '0')}`
          await db
            .insertInto('utility_accounts')
            .values({
              account_no: account,
              kind: 'water',
              holder_name: 'test',
              address: 'x',
              resident_id: null,
              created_at: on.service.clock.now().toISOString(),
            })
            .execute()
          const billIds = billLines.map((_, i) => `bill-prop-${run}-${i}`)
          await db
            .insertInto('bills')
            .values(
              billLines.map((fens, i) => ({
                id: billIds[i]!,
                kind: 'water' as const,
                account_no: account,
                resident_id: null,
                period: '2026-11',
                amount_fen: fens.reduce((a, b) => a + b, 0),
                lines: JSON.stringify(fens.map((amountFen, n) => ({ label: `line ${n}`, amountFen }))),
                status: 'unpaid' as const,
                due_date: '2026-12-28',
                created_at: on.service.clock.now().toISOString(),
                paid_at: null,
                paid_by_payment_id: null,
              })),
            )
            .execute()
          // Bill totals: what the API shows is the exact sum of the lines.
          const shown = await billsOfAccount(db, account)
          for (const bill of shown)
            expect(bill.amountFen).toBe(bill.lines.reduce((a, l) => a + l.amountFen, 0))

          const created: string[] = []
          const seen = new Map<string, PaymentStatus>()
          for (const step of ops) {
            try {
              if (step.kind === 'create') {
                const p = await createPayment(deps, payers[step.who]!, {
                  billIds: step.bills.map((i) => billIds[i]!),
                  method: step.jsapi && step.who < 2 ? 'wechat-jsapi' : 'wechat-native',
                  ...(step.jsapi && step.who < 2 ? { payerOpenid: `openid${step.who}xx` } : {}),
                })
                expect(p.amountFen).toBe(
                  step.bills.reduce((sum, i) => sum + billLines[i]!.reduce((a, b) => a + b, 0), 0),
                )
                created.push(p.id)
              } else if (step.kind === 'cash') {
                const total = step.bills.reduce((sum, i) => sum + billLines[i]!.reduce((a, b) => a + b, 0), 0)
                const p = await createPayment(
                  deps,
                  { residentId: null, deviceId: null, staffId: 'stf-h1001' },
                  {
                    billIds: step.bills.map((i) => billIds[i]!),
                    method: 'counter-cash',
                    cashReceivedFen: total + step.extra,
                  },
                )
                expect(p.cash).toEqual({ receivedFen: total + step.extra, changeFen: step.extra })
              } else if (step.kind === 'confirm' && created.length > 0) {
                await confirmSandboxPayment(deps, created[step.pick % created.length]!)
              } else if (step.kind === 'expire') {
                on.service.clock.advance(16 * 60_000)
                await reconcilePayments(deps)
              }
            } catch (error) {
              if (!(error instanceof AppError)) throw error
              expect(['BILL_ALREADY_PAID']).toContain(error.code)
            }
            // Statuses only move forward.
            const rows = await db
              .selectFrom('payments')
              .innerJoin('payment_bills', 'payment_bills.payment_id', 'payments.id')
              .select(['payments.id', 'payments.status'])
              .where('payment_bills.bill_id', 'in', billIds)
              .execute()
            for (const row of rows) {
              const before = seen.get(row.id)
              if (before) expect(FORWARD[before]).toContain(row.status)
              seen.set(row.id, row.status)
            }
          }

          const bills = await db.selectFrom('bills').selectAll().where('id', 'in', billIds).execute()
          const links = await db
            .selectFrom('payment_bills')
            .selectAll()
            .where('bill_id', 'in', billIds)
            .execute()
          const payments = await db
            .selectFrom('payments')
            .selectAll()
            .where('id', 'in', [...new Set(links.map((l) => l.payment_id)), 'none'])
            .execute()
          const refunds = await db
            .selectFrom('refunds')
            .selectAll()
            .where('payment_id', 'in', [...payments.map((p) => p.id), 'none'])
            .execute()
          const billsOf = (paymentId: string) =>
            links.filter((l) => l.payment_id === paymentId).map((l) => l.bill_id)
          for (const bill of bills) {
            const payers = payments.filter((p) => p.status === 'paid' && billsOf(p.id).includes(bill.id))
            if (bill.status === 'paid') {
              expect(payers.map((p) => p.id)).toEqual([bill.paid_by_payment_id])
            } else {
              expect(payers).toEqual([])
            }
            expect(links.filter((l) => l.bill_id === bill.id && l.live === 1).length).toBeLessThanOrEqual(1)
          }
          for (const p of payments) {
            expect(p.amount_fen).toBe(
              bills.filter((b) => billsOf(p.id).includes(b.id)).reduce((a, b) => a + b.amount_fen, 0),
            )
            if (p.status === 'pending') {
              expect(
                bills.filter((b) => billsOf(p.id).includes(b.id)).every((b) => b.status === 'unpaid'),
              ).toBe(true)
            }
            const refund = refunds.filter((r) => r.payment_id === p.id)
            if (p.status === 'refunding' || p.status === 'refunded') {
              expect(refund.map((r) => r.amount_fen)).toEqual([p.amount_fen])
            } else {
              expect(refund).toEqual([])
            }
          }
          // Every fen received is on a paid bill or on its way back.
          const received = payments
            .filter((p) => p.paid_amount_fen !== null)
            .reduce((a, p) => a + p.paid_amount_fen!, 0)
          const onBills = bills.filter((b) => b.status === 'paid').reduce((a, b) => a + b.amount_fen, 0)
          const returned = refunds.reduce((a, r) => a + r.amount_fen, 0)
          expect(received).toBe(onBills + returned)
        },
      ),
      { numRuns: 30 },
    )
  })
})
