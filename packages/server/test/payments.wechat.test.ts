/**
 * Payments through WeChat Pay API v3, against the local stand-in (which refuses requests whose
 * merchant signature does not verify, so our signing is tested, not assumed). Callbacks are
 * injected with their exact signed bytes.
 */
import { createVerify } from 'node:crypto'
import type { Payment } from '@bangban/core/api'
import { paymentsDeps } from '../src/http/routes/payments'
import { reconcilePayments } from '../src/payments/orders'
import type { BuiltNotification } from '../src/payments/wechatpay/standin'
import { signSha256Rsa } from '../src/payments/wechatpay/signing'
import type { BillKind } from '../src/db/schema'
import type { Service } from '../src/service'
import { bearer, describeOnEngines, residents, withWechat, type TestDatabase } from './support/service'
import {
  APPID,
  merchantKeys,
  rogueKeys,
  startWechatService,
  wechatSetup,
  type WechatSetup,
} from './support/wechat'

type WechatStarted = Service & { setup: WechatSetup }

/** Services wired to one stand-in (and its clock) per database. */
const wechat = {
  start: async (database: TestDatabase, like?: WechatStarted): Promise<WechatStarted> => {
    const setup = like?.setup ?? (await wechatSetup(database))
    return Object.assign(await startWechatService(database, setup), { setup })
  },
  stop: (first: WechatStarted) => first.setup.close(),
}

describeOnEngines('WeChat Pay payments', wechat, (on) => {
  let setup: WechatSetup
  let token: string

  beforeAll(async () => {
    setup = on.service.setup
    token = (await residents(on.service, 1, 950))[0]!.token
  })

  /** Asks for a payment as `payer` (by default this test's resident) through `via`. */
  const pay = (payload: object, payer = token, via: Service = on.service) =>
    via.app.inject({ method: 'POST', url: '/api/v1/payments', headers: bearer(payer), payload })
  const poll = (id: string, payer = token) =>
    on.service.app.inject({ url: `/api/v1/payments/${id}`, headers: bearer(payer) })
  const notify = (n: BuiltNotification, via: Service = on.service) =>
    via.app.inject({
      method: 'POST',
      url: '/api/v1/payments/wechat/notify',
      headers: n.headers,
      payload: n.body,
    })
  /** The payer pays at WeChat; returns the callback WeChat would send for it. */
  const paidAtWechat = (paymentId: string) => {
    setup.standIn.markPaid(paymentId)
    return setup.standIn.buildPaymentNotification(paymentId)
  }
  /** A bill of its own for one test, so earlier tests' payments do not interfere. */
  const freshBill = (
    id: string,
    kind: BillKind,
    accountNo: string,
    amountFen: number,
    via: Service = on.service,
  ) =>
    via.ctx.db
      .insertInto('bills')
      .values({
        id,
        kind,
        account_no: accountNo,
        resident_id: null,
        period: '2026-09',
        amount_fen: amountFen,
        lines: JSON.stringify([{ label: kind, amountFen }]),
        status: 'unpaid',
        due_date: '2026-10-28',
        created_at: setup.clock.now().toISOString(),
        paid_at: null,
        paid_by_payment_id: null,
      })
      .execute()
  const state = async (paymentId: string) => {
    const payment = await on.service.ctx.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', paymentId)
      .executeTakeFirstOrThrow()
    const bills = await on.service.ctx.db
      .selectFrom('bills')
      .innerJoin('payment_bills', 'payment_bills.bill_id', 'bills.id')
      .select(['bills.status', 'bills.paid_by_payment_id'])
      .where('payment_bills.payment_id', '=', paymentId)
      .execute()
    const events = await on.service.ctx.db
      .selectFrom('payment_events')
      .select('kind')
      .where('payment_id', '=', paymentId)
      .execute()
    return { status: payment.status, bills, events: events.map((e) => e.kind).sort() }
  }
  /** Moves time on by at least the poll interval, so a poll asks WeChat again. */
  const later = () => setup.clock.advance(5_000)

  it('creates a Native order at WeChat with our signature and shows its code_url', async () => {
    const res = await pay({ billIds: ['bill-w1000001-1'], method: 'wechat-native' })
    expect(res.statusCode).toBe(201)
    const payment = res.json() as Payment
    expect(payment).toMatchObject({ provider: 'wechatpay', status: 'pending', amountFen: 3650 })
    expect(payment.codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=/)
    const order = setup.standIn.orders.get(payment.id)!
    expect(order).toMatchObject({ tradeType: 'NATIVE', totalFen: 3650, state: 'NOTPAY' })
    expect(order.description).toContain('水费')
    expect(Date.parse(order.timeExpire!)).toBe(Date.parse(payment.expiresAt!))
    expect(setup.standIn.requests.every((r) => r.status < 400)).toBe(true)
    // Polling asks WeChat (a signed query) and, unpaid, changes nothing.
    later()
    expect((await poll(payment.id)).json().status).toBe('pending')
    expect(setup.standIn.requests.at(-1)).toMatchObject({ method: 'GET', status: 200 })
  })

  it('gives JSAPI requestPayment parameters whose paySign verifies with the merchant key', async () => {
    await withWechat(on.service, token, 'oUpF8uMuAJO_M2px')
    const res = await pay({ billIds: ['bill-g3000001-1'], method: 'wechat-jsapi' })
    const { requestPayment } = res.json() as Payment
    expect(requestPayment).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx/) })
    const message = `${APPID}\n${requestPayment!.timeStamp}\n${requestPayment!.nonceStr}\n${requestPayment!.package}\n`
    const verifier = createVerify('RSA-SHA256').update(message)
    expect(verifier.verify(merchantKeys.publicKey, requestPayment!.paySign, 'base64')).toBe(true)
    expect(setup.standIn.orders.get(res.json().id)!.payerOpenid).toBe('oUpF8uMuAJO_M2px')
  })

  it('marks a payment paid exactly once when its callback is delivered 10 times at once', async () => {
    const payment = (await pay({ billIds: ['bill-e2000001-1'], method: 'wechat-native' })).json() as Payment
    const callback = paidAtWechat(payment.id)
    const answers = await Promise.all(Array.from({ length: 10 }, () => notify(callback)))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(204))
    const after = await state(payment.id)
    expect(after.status).toBe('paid')
    expect(after.bills).toEqual([{ status: 'paid', paid_by_payment_id: payment.id }])
    expect(after.events.filter((e) => e === 'paid')).toHaveLength(1)
    expect((await poll(payment.id)).json()).toMatchObject({ status: 'paid', codeUrl: null })
  })

  it('refuses callbacks with a bad signature, a stale timestamp or an unknown serial, changing nothing', async () => {
    const payment = (await pay({ billIds: ['bill-p4000001-1'], method: 'wechat-native' })).json() as Payment
    const good = paidAtWechat(payment.id)
    const before = await state(payment.id)
    const timestamp = good.headers['Wechatpay-Timestamp']!
    const nonce = good.headers['Wechatpay-Nonce']!
    const forged: BuiltNotification = {
      ...good,
      headers: {
        ...good.headers,
        'Wechatpay-Signature': signSha256Rsa(rogueKeys.privateKey, `${timestamp}\n${nonce}\n${good.body}\n`),
      },
    }
    const tampered: BuiltNotification = { ...good, body: good.body.replace('"summary":"', '"summary":"x') }
    const stale = setup.standIn.buildPaymentNotification(payment.id, {
      timestamp: Math.floor(setup.clock.now().getTime() / 1000) - 600,
    })
    const unknownSerial: BuiltNotification = {
      ...good,
      headers: { ...good.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000000000000000000000000' },
    }
    const unsigned: BuiltNotification = { ...good, headers: { 'Content-Type': 'application/json' } }
    for (const bad of [forged, tampered, stale, unknownSerial, unsigned]) {
      const answer = await notify(bad)
      expect(answer.statusCode).toBe(401)
      expect(answer.json()).toMatchObject({ code: 'FAIL' })
    }
    expect(await state(payment.id)).toEqual(before)
    expect(before.status).toBe('pending')
    // The genuine one still works.
    expect((await notify(good)).statusCode).toBe(204)
    expect((await state(payment.id)).status).toBe('paid')
  })

  it('loses nothing when the process dies between "WeChat says paid" and the answer', async () => {
    // A second instance on the same database whose settling transaction dies before it commits.
    const crashing = await startWechatService(on.database, setup, {
      beforeSettleCommit: () => {
        throw new Error('process killed')
      },
    })
    try {
      const [other] = await residents(on.service, 1, 951)
      const created = await pay({ billIds: ['bill-w1000002-1'], method: 'wechat-native' }, other!.token)
      const id = (created.json() as Payment).id
      const callback = paidAtWechat(id)
      const failed = await notify(callback, crashing)
      expect(failed.statusCode).toBe(500)
      expect(failed.json()).toMatchObject({ code: 'FAIL' })
      expect((await state(id)).status).toBe('pending')
      expect((await state(id)).bills).toEqual([{ status: 'unpaid', paid_by_payment_id: null }])
      // WeChat delivers again, to a healthy instance: paid once.
      expect((await notify(callback)).statusCode).toBe(204)
      expect((await state(id)).status).toBe('paid')
    } finally {
      await crashing.close()
    }
  })

  it('completes a payment whose callback never came, when the client polls (order query)', async () => {
    const [p] = await residents(on.service, 1, 952)
    await freshBill('bill-w1000002-poll', 'water', 'W1000002', 1234)
    const created = await pay({ billIds: ['bill-w1000002-poll'], method: 'wechat-native' }, p!.token)
    const id = (created.json() as Payment).id
    paidAtWechat(id) // the callback is lost (the service was down)
    // The service restarts (a new instance on the same database) and the kiosk keeps polling.
    await on.restart()
    later()
    const polled = await poll(id, p!.token)
    expect(polled.json()).toMatchObject({ status: 'paid' })
    expect((await state(id)).bills).toEqual([{ status: 'paid', paid_by_payment_id: id }])
  })

  it('two QR codes paid for one bill: one kept, the other refunded automatically and recorded', async () => {
    const [mother, son] = await residents(on.service, 2, 960)
    await freshBill('bill-e2000001-twice', 'electricity', 'E2000001', 8800)
    const a = (
      await pay({ billIds: ['bill-e2000001-twice'], method: 'wechat-native' }, mother!.token)
    ).json() as Payment
    // Closing A at WeChat fails (the son's new payment replaces it anyway), so A stays payable there.
    setup.standIn.failNextRequest(500, 'SYSTEM_ERROR')
    const b = (
      await pay(
        { billIds: ['bill-e2000001-twice'], method: 'wechat-jsapi' },
        await withWechat(on.service, son!.token, 'oSonOpenid000002'),
      )
    ).json() as Payment
    expect(b.status).toBe('pending')
    expect((await state(a.id)).status).toBe('closed')
    const [paidB, paidA] = [paidAtWechat(b.id), paidAtWechat(a.id)]
    expect((await notify(paidB)).statusCode).toBe(204)
    expect((await notify(paidA)).statusCode).toBe(204)
    expect((await state(b.id)).status).toBe('paid')
    expect((await state(a.id)).status).toBe('refunding')
    const refund = await on.service.ctx.db
      .selectFrom('refunds')
      .selectAll()
      .where('payment_id', '=', a.id)
      .executeTakeFirstOrThrow()
    expect(refund).toMatchObject({ amount_fen: 8800, reason: 'duplicate', status: 'processing' })
    expect(setup.standIn.refunds.get(refund.id)).toMatchObject({ outTradeNo: a.id, refundFen: 8800 })
    // WeChat finishes the refund and tells us (the stand-in's own delivery goes nowhere here: injected below).
    await setup.standIn.settleRefund(refund.id, 'SUCCESS').catch(() => null)
    const refunded = await notify(setup.standIn.buildRefundNotification(refund.id))
    expect(refunded.statusCode).toBe(204)
    const shown = (await poll(a.id, mother!.token)).json()
    expect(shown).toMatchObject({ status: 'refunded', refund: { status: 'succeeded', reason: 'duplicate' } })
    const bill = await on.service.ctx.db
      .selectFrom('bills')
      .selectAll()
      .where('id', '=', 'bill-e2000001-twice')
      .executeTakeFirstOrThrow()
    expect(bill.paid_by_payment_id).toBe(b.id)
  })

  it('closes expired orders at WeChat, even when WeChat cannot be asked first', async () => {
    const [p] = await residents(on.service, 1, 970)
    const pending = (
      await pay({ billIds: ['bill-w1000001-1'], method: 'wechat-native' }, p!.token)
    ).json() as Payment
    setup.clock.advance(20 * 60_000)
    setup.standIn.failNextRequest(500, 'SYSTEM_ERROR') // the order query fails
    await reconcilePayments(paymentsDeps(on.service.ctx, { warn: () => undefined }))
    expect((await state(pending.id)).status).toBe('closed')
    expect(setup.standIn.orders.get(pending.id)!.state).toBe('CLOSED')
  })

  it('the reconciler retries closing at WeChat an order replaced while WeChat was failing', async () => {
    const [p] = await residents(on.service, 1, 971)
    const first = (
      await pay({ billIds: ['bill-w1000001-1'], method: 'wechat-native' }, p!.token)
    ).json() as Payment
    setup.standIn.failNextRequest(500, 'SYSTEM_ERROR') // closing the first at WeChat fails
    const second = await pay(
      { billIds: ['bill-w1000001-1'], method: 'wechat-jsapi' },
      await withWechat(on.service, p!.token, 'oRetryOpenid01'),
    )
    expect(second.statusCode).toBe(201)
    expect((await state(first.id)).status).toBe('closed')
    expect(setup.standIn.orders.get(first.id)!.state).toBe('NOTPAY')
    later()
    await reconcilePayments(paymentsDeps(on.service.ctx, { warn: () => undefined }))
    expect(setup.standIn.orders.get(first.id)!.state).toBe('CLOSED')
    const row = await on.service.ctx.db
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow()
    expect(row.provider_closed_at).not.toBeNull()
  })

  it('answers 503 and keeps the bill payable when WeChat refuses our signature', async () => {
    const broken = await startWechatService(on.database, {
      ...setup,
      env: { ...setup.env, WECHATPAY_MERCHANT_SERIAL: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' },
    })
    try {
      const [p] = await residents(broken, 1, 980)
      const before = setup.standIn.requests.length
      await freshBill('bill-p4000001-sign', 'property', 'P4000001', 100, broken)
      const res = await pay({ billIds: ['bill-p4000001-sign'], method: 'wechat-native' }, p!.token, broken)
      expect(res.statusCode).toBe(503)
      expect(res.json().error.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE')
      expect(setup.standIn.requests.slice(before).at(-1)).toMatchObject({ status: 401, code: 'SIGN_ERROR' })
      const bill = await broken.ctx.db
        .selectFrom('bills')
        .selectAll()
        .where('id', '=', 'bill-p4000001-sign')
        .executeTakeFirstOrThrow()
      expect(bill.status).toBe('unpaid')
    } finally {
      await broken.close()
    }
  })
})
