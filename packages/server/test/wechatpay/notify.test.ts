import {
  notificationReply,
  parsePaymentNotification,
  parseRefundNotification,
  type NotifyDeps,
} from '../../src/payments/wechatpay/notify'
import { signSha256Rsa } from '../../src/payments/wechatpay/signing'
import type { WechatPayStandIn } from '../../src/payments/wechatpay/standin'
import {
  APIV3_KEY,
  APPID,
  MCHID,
  clientFor,
  platformPub,
  receiver,
  rogue,
  standIn,
  verificationKeys,
  type Receiver,
} from './fixtures'

const deps: NotifyDeps = { verificationKeys, apiV3Key: APIV3_KEY, mchid: MCHID, appid: APPID }

let s: WechatPayStandIn
let r: Receiver
beforeAll(async () => {
  s = await standIn()
  // The receiver plays our service: verify, decrypt, answer as WeChat expects.
  r = await receiver(({ headers, rawBody }) => {
    const kind = JSON.parse(rawBody.toString()).event_type as string
    const result = kind.startsWith('REFUND.')
      ? parseRefundNotification({ headers, rawBody }, deps)
      : parsePaymentNotification({ headers, rawBody }, deps)
    return notificationReply(result).status
  })
})
afterAll(async () => {
  await s.close()
  await r.close()
})

async function paidOrder(tag: string): Promise<string> {
  const outTradeNo = `bb_${tag}_${Date.now()}`
  await clientFor(s, { notifyUrl: r.url }).createJsapiOrder({
    outTradeNo,
    description: '水费',
    amountFen: 8800,
    payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  })
  return outTradeNo
}

describe('payment notifications', () => {
  it('simulatePayment posts a signed, encrypted callback that parses into the paid transaction', async () => {
    const no = await paidOrder('ok')
    expect(await s.simulatePayment(no)).toBe(204)
    const got = r.received.at(-1)
    const parsed = parsePaymentNotification(
      { headers: got?.headers ?? {}, rawBody: got?.rawBody ?? '' },
      deps,
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.event).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', summary: '支付成功' })
    expect(parsed.transaction).toMatchObject({
      out_trade_no: no,
      trade_state: 'SUCCESS',
      trade_type: 'JSAPI',
      amount: { total: 8800, payer_total: 8800, currency: 'CNY' },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      mchid: MCHID,
      appid: APPID,
    })
    expect(parsed.transaction.transaction_id).toMatch(/^\d{28}$/)
    expect(parsed.transaction.success_time).toMatch(/\+08:00$/)
  })

  it('the same notification replayed 10 times parses identically each time (dedup is the caller’s job, by event id)', async () => {
    const no = await paidOrder('replay')
    s.markPaid(no)
    const n = s.buildPaymentNotification(no)
    const statuses = await Promise.all(Array.from({ length: 10 }, () => s.deliver(n)))
    expect(statuses).toEqual(Array(10).fill(204))
    const ids = new Set(
      Array.from({ length: 10 }, () => {
        const p = parsePaymentNotification({ headers: n.headers, rawBody: n.body }, deps)
        return p.ok ? p.event.id : 'refused'
      }),
    )
    expect([...ids]).toEqual([JSON.parse(n.body).id])
  })

  it('refuses tampered, stale, unknown-serial, unsigned and wrong-kind notifications', async () => {
    const no = await paidOrder('bad')
    s.markPaid(no)
    const n = s.buildPaymentNotification(no)

    const tampered = n.body.replace('"summary":"支付成功"', '"summary":"支付成功 "')
    expect(parsePaymentNotification({ headers: n.headers, rawBody: tampered }, deps)).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    })
    expect(await s.deliver({ ...n, body: tampered })).toBe(401)

    const stale = s.buildPaymentNotification(no, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })
    expect(parsePaymentNotification({ headers: stale.headers, rawBody: stale.body }, deps)).toMatchObject({
      ok: false,
      reason: 'STALE_TIMESTAMP',
    })
    // The same one is fine if our clock agrees with its time: only the age refused it.
    const then = { ...deps, clock: { now: () => new Date(Date.now() - 6 * 60_000) } }
    expect(parsePaymentNotification({ headers: stale.headers, rawBody: stale.body }, then).ok).toBe(true)

    const unknown = { ...n.headers, 'Wechatpay-Serial': 'PUB_KEY_ID_0000000000000000000000000000000000' }
    expect(parsePaymentNotification({ headers: unknown, rawBody: n.body }, deps)).toMatchObject({
      ok: false,
      reason: 'UNKNOWN_SERIAL',
    })

    const { 'Wechatpay-Signature': _dropped, ...unsigned } = n.headers
    expect(parsePaymentNotification({ headers: unsigned, rawBody: n.body }, deps)).toMatchObject({
      ok: false,
      reason: 'MISSING_HEADERS',
    })
    expect(notificationReply({ ok: false, reason: 'MISSING_HEADERS', detail: '' })).toEqual({
      status: 401,
      body: { code: 'FAIL', message: 'MISSING_HEADERS' },
    })

    expect(parseRefundNotification({ headers: n.headers, rawBody: n.body }, deps)).toMatchObject({
      ok: false,
      reason: 'UNEXPECTED_EVENT',
    })
    expect(
      parsePaymentNotification(
        { headers: n.headers, rawBody: n.body },
        { ...deps, apiV3Key: 'z'.repeat(32) },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'DECRYPT_FAILED',
    })
    expect(
      parsePaymentNotification({ headers: n.headers, rawBody: n.body }, { ...deps, mchid: '1900000999' }),
    ).toMatchObject({
      ok: false,
      reason: 'WRONG_MERCHANT',
    })
  })

  it('a correctly signed body with a tampered encrypted resource is refused as DECRYPT_FAILED, not thrown', async () => {
    const no = await paidOrder('res')
    s.markPaid(no)
    const n = s.buildPaymentNotification(no)
    const env = JSON.parse(n.body)
    env.resource.associated_data = 'refund'
    const body = JSON.stringify(env)
    const ts = n.headers['Wechatpay-Timestamp'] ?? ''
    const nonce = n.headers['Wechatpay-Nonce'] ?? ''
    const headers = {
      ...n.headers,
      'Wechatpay-Signature': signSha256Rsa(platformPub.privateKey, `${ts}\n${nonce}\n${body}\n`),
    }
    expect(parsePaymentNotification({ headers, rawBody: body }, deps)).toMatchObject({
      ok: false,
      reason: 'DECRYPT_FAILED',
    })
    const forged = {
      ...n.headers,
      'Wechatpay-Signature': signSha256Rsa(rogue.privateKey, `${ts}\n${nonce}\n${n.body}\n`),
    }
    expect(parsePaymentNotification({ headers: forged, rawBody: n.body }, deps)).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    })
  })
})

describe('refund notifications', () => {
  it('REFUND.SUCCESS reaches the refund notify_url and parses', async () => {
    const no = await paidOrder('refund')
    s.markPaid(no)
    const c = clientFor(s)
    await c.refund({
      outTradeNo: no,
      outRefundNo: `rf_${no}`,
      refundFen: 8800,
      totalFen: 8800,
      reason: '重复缴费',
      notifyUrl: r.url,
    })
    expect(await s.settleRefund(`rf_${no}`)).toBe(204)
    const got = r.received.at(-1)
    const parsed = parseRefundNotification({ headers: got?.headers ?? {}, rawBody: got?.rawBody ?? '' }, deps)
    expect(parsed).toMatchObject({
      ok: true,
      event: { event_type: 'REFUND.SUCCESS' },
      refund: {
        out_trade_no: no,
        out_refund_no: `rf_${no}`,
        refund_status: 'SUCCESS',
        amount: { refund: 8800, payer_refund: 8800 },
      },
    })
    expect(
      parsePaymentNotification({ headers: got?.headers ?? {}, rawBody: got?.rawBody ?? '' }, deps),
    ).toMatchObject({
      ok: false,
      reason: 'UNEXPECTED_EVENT',
    })
  })
})
