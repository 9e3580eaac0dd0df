/**
 * Exactly-once under contention (sandbox provider; on PostgreSQL split across two instances
 * sharing the database): one payment per idempotency key and per bill, one settlement per
 * payment, and a second payment of a bill refunded, never kept.
 */
import type { Payment } from '@bangban/core/api'
import { bearer, describeOnEngines, residents, withWechat, staffToken } from './support/service'

describeOnEngines('payments under contention', { instances: 2 }, (on) => {
  let helpers: string[]

  beforeAll(async () => {
    helpers = [await staffToken(on.service, 'H1001'), await staffToken(on.service, 'H1002')]
  })

  const instance = on.instance
  const db = () => on.service.ctx.db
  const pay = (i: number, headers: Record<string, string>, payload: object) =>
    instance(i).app.inject({ method: 'POST', url: '/api/v1/payments', headers, payload })
  const confirm = (i: number, id: string) =>
    instance(i).app.inject({
      method: 'POST',
      url: `/api/v1/staff/payments/${id}/sandbox-confirm`,
      headers: bearer(helpers[i % 2]!),
    })
  const paymentsOf = async (billId: string) =>
    (await db().selectFrom('payment_bills').select('payment_id').where('bill_id', '=', billId).execute()).map(
      (r) => r.payment_id,
    )

  it('20 simultaneous creations with one idempotency key → one payment', async () => {
    const [p] = await residents(instance(0), 1, 800)
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pay(
          i,
          { ...bearer(p!.token), 'idempotency-key': 'same-pay-key-1' },
          {
            billIds: ['bill-w1000001-1'],
            method: 'wechat-native',
          },
        ),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1)
    expect(await paymentsOf('bill-w1000001-1')).toHaveLength(1)
  })

  it('20 family members asking at once for one bill → one payment, the same QR code for all', async () => {
    const family = await residents(instance(0), 20, 820)
    const results = await Promise.all(
      family.map((p, i) =>
        pay(i, bearer(p.token), { billIds: ['bill-e2000001-1'], method: 'wechat-native' }),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.json().codeUrl)).size).toBe(1)
    expect(await paymentsOf('bill-e2000001-1')).toHaveLength(1)
  })

  it('a confirmation delivered 10 times at once pays once', async () => {
    const [p] = await residents(instance(0), 1, 850)
    const payment = (
      await pay(0, bearer(p!.token), { billIds: ['bill-g3000001-1'], method: 'wechat-native' })
    ).json()
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => confirm(i, payment.id)))
    expect(results.map((r) => [r.statusCode, r.json().status])).toEqual(Array(10).fill([200, 'paid']))
    const paid = await db()
      .selectFrom('payment_events')
      .select('id')
      .where('payment_id', '=', payment.id)
      .where('kind', '=', 'paid')
      .execute()
    expect(paid).toHaveLength(1)
    const bill = await db()
      .selectFrom('bills')
      .selectAll()
      .where('id', '=', 'bill-g3000001-1')
      .executeTakeFirstOrThrow()
    expect(bill).toMatchObject({ status: 'paid', paid_by_payment_id: payment.id })
  })

  it('two family members paying one bill through two QR codes → one kept, the other refunded', async () => {
    const [mother, son] = await residents(instance(0), 2, 860)
    // The son's new JSAPI payment replaces the mother's open QR code, which she pays anyway.
    const a = (
      await pay(0, bearer(mother!.token), { billIds: ['bill-p4000001-1'], method: 'wechat-native' })
    ).json()
    const b = (
      await pay(1, bearer(await withWechat(instance(1), son!.token, 'oSonOpenid000001')), {
        billIds: ['bill-p4000001-1'],
        method: 'wechat-jsapi',
      })
    ).json()
    expect(b.id).not.toBe(a.id)
    const [ra, rb] = await Promise.all([confirm(0, a.id), confirm(1, b.id)])
    const outcomes = [ra.json() as Payment, rb.json() as Payment]
    expect(outcomes.map((o) => o.status).sort()).toEqual(['paid', 'refunded'])
    const kept = outcomes.find((o) => o.status === 'paid')!
    const returned = outcomes.find((o) => o.status === 'refunded')!
    expect(returned.refund).toMatchObject({ status: 'succeeded', amountFen: 36000, reason: 'duplicate' })
    const bill = await db()
      .selectFrom('bills')
      .selectAll()
      .where('id', '=', 'bill-p4000001-1')
      .executeTakeFirstOrThrow()
    expect(bill).toMatchObject({ status: 'paid', paid_by_payment_id: kept.id })
    const refunds = await db()
      .selectFrom('refunds')
      .selectAll()
      .where('payment_id', '=', returned.id)
      .execute()
    expect(refunds).toHaveLength(1)
    const live = await db()
      .selectFrom('payment_bills')
      .select('payment_id')
      .where('bill_id', '=', 'bill-p4000001-1')
      .where('live', '=', 1)
      .execute()
    expect(live).toEqual([{ payment_id: kept.id }])
  })

  it('cash at the counter racing an online confirmation: the bill is paid once, the loser refunded or refused', async () => {
    const [p] = await residents(instance(0), 1, 870)
    const online = (
      await pay(0, bearer(p!.token), { billIds: ['bill-med-1'], method: 'wechat-native' })
    ).json()
    // The medical bill belongs to the demo resident, not p: p may not pay it.
    expect(online.error.code).toBe('NOT_FOUND')
    const qr = (
      await pay(0, bearer(p!.token), { billIds: ['bill-w1000002-1'], method: 'wechat-native' })
    ).json()
    const [cash, confirmed] = await Promise.all([
      pay(1, bearer(helpers[0]!), {
        billIds: ['bill-w1000002-1'],
        method: 'counter-cash',
        cashReceivedFen: 2190,
      }),
      confirm(0, qr.id),
    ])
    const bill = await db()
      .selectFrom('bills')
      .selectAll()
      .where('id', '=', 'bill-w1000002-1')
      .executeTakeFirstOrThrow()
    expect(bill.status).toBe('paid')
    const payments = await db()
      .selectFrom('payments')
      .selectAll()
      .where('id', 'in', await paymentsOf('bill-w1000002-1'))
      .execute()
    expect(payments.filter((x) => x.status === 'paid')).toHaveLength(1)
    expect(payments.find((x) => x.status === 'paid')!.id).toBe(bill.paid_by_payment_id)
    if (cash.statusCode === 201) {
      // Cash won: the QR payment, confirmed after, is refunded.
      expect(confirmed.json().status).toBe('refunded')
    } else {
      expect(cash.json().error.code).toBe('BILL_ALREADY_PAID')
      expect(confirmed.json().status).toBe('paid')
    }
  })
})
