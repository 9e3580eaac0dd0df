import { createVerify } from 'node:crypto'
import { WechatPayError } from '../../src/payments/wechatpay/errors'
import type { WechatPayStandIn } from '../../src/payments/wechatpay/standin'
import { APPID, CERT_SERIAL, MCHID, clientFor, merchant, platformCert, rogue, standIn } from './fixtures'

let s: WechatPayStandIn
beforeAll(async () => {
  s = await standIn()
})
afterAll(() => s.close())

const order = (n: string) => ({
  outTradeNo: `bb_${n}_${Date.now()}`,
  description: '社区卫生服务中心 挂号费',
  amountFen: 1500,
})

describe('client against the stand-in', () => {
  it('Native order → code_url; query says NOTPAY, then SUCCESS once paid', async () => {
    const c = clientFor(s)
    const o = order('native')
    const { codeUrl } = await c.createNativeOrder({ ...o, timeExpire: new Date(Date.now() + 15 * 60_000) })
    expect(codeUrl).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=\w+$/)
    expect(s.orders.get(o.outTradeNo)?.timeExpire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    // Same parameters again: same order, no error (safe retry).
    expect((await c.createNativeOrder(o)).codeUrl).toBe(codeUrl)

    expect(await c.queryOrder(o.outTradeNo)).toMatchObject({
      out_trade_no: o.outTradeNo,
      trade_state: 'NOTPAY',
      mchid: MCHID,
    })
    s.markPaid(o.outTradeNo, { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' })
    const paid = await c.queryOrder(o.outTradeNo)
    expect(paid).toMatchObject({
      trade_state: 'SUCCESS',
      amount: { total: 1500, payer_total: 1500 },
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    })
    expect(paid.transaction_id).toMatch(/^\d{28}$/)
    expect(await c.queryOrderByTransactionId(paid.transaction_id ?? '')).toMatchObject({
      out_trade_no: o.outTradeNo,
    })

    // Ordering a paid out_trade_no again is refused with WeChat's code.
    await expect(c.createNativeOrder(o)).rejects.toMatchObject({
      code: 'ORDERPAID',
      status: 403,
      verified: true,
      retryable: false,
    })
    // Different parameters under the same number.
    const other = order('dup')
    await c.createNativeOrder(other)
    await expect(c.createNativeOrder({ ...other, amountFen: 1 })).rejects.toMatchObject({
      code: 'OUT_TRADE_NO_USED',
    })
  })

  it('JSAPI order → prepay_id and requestPayment params whose paySign verifies with the merchant public key', async () => {
    const c = clientFor(s)
    const o = order('jsapi')
    const { prepayId, requestPayment } = await c.createJsapiOrder({
      ...o,
      payerOpenid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
    })
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/)
    expect(requestPayment).toMatchObject({ package: `prepay_id=${prepayId}`, signType: 'RSA' })
    expect(requestPayment.timeStamp).toMatch(/^\d{10}$/)
    const message = `${APPID}\n${requestPayment.timeStamp}\n${requestPayment.nonceStr}\n${requestPayment.package}\n`
    expect(
      createVerify('RSA-SHA256').update(message).verify(merchant.publicKey, requestPayment.paySign, 'base64'),
    ).toBe(true)
    await expect(c.createJsapiOrder({ ...order('nopayer'), payerOpenid: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
  })

  it('close: 204 (signed and verified); querying afterwards says CLOSED; closing a paid order is refused', async () => {
    const c = clientFor(s)
    const o = order('close')
    await c.createNativeOrder(o)
    await expect(c.closeOrder(o.outTradeNo)).resolves.toBeUndefined()
    expect((await c.queryOrder(o.outTradeNo)).trade_state).toBe('CLOSED')
    await expect(c.createNativeOrder(o)).rejects.toMatchObject({ code: 'ORDER_CLOSED' })
    const p = order('closepaid')
    await c.createNativeOrder(p)
    s.markPaid(p.outTradeNo)
    await expect(c.closeOrder(p.outTradeNo)).rejects.toMatchObject({ code: 'ORDERPAID' })
  })

  it('query of an unknown order → ORDER_NOT_EXIST 404, not retryable', async () => {
    const err = await clientFor(s)
      .queryOrder('bb_never_created')
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WechatPayError)
    expect(err).toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST', retryable: false, verified: true })
  })

  it('refund: PROCESSING, idempotent by out_refund_no, SUCCESS after settling; over-refund refused', async () => {
    const c = clientFor(s)
    const o = order('refund')
    await c.createNativeOrder(o)
    s.markPaid(o.outTradeNo)
    const input = {
      outTradeNo: o.outTradeNo,
      outRefundNo: `rf_${o.outTradeNo}`,
      refundFen: 500,
      totalFen: 1500,
      reason: '居民取消挂号',
    }
    const r = await c.refund(input)
    expect(r).toMatchObject({
      out_refund_no: input.outRefundNo,
      status: 'PROCESSING',
      amount: { refund: 500, total: 1500, currency: 'CNY' },
    })
    // Retrying the same refund never refunds twice.
    expect((await c.refund(input)).refund_id).toBe(r.refund_id)
    expect(s.refunds.size).toBeGreaterThanOrEqual(1)
    expect((await c.queryOrder(o.outTradeNo)).trade_state).toBe('REFUND')
    await s.settleRefund(input.outRefundNo)
    expect(await c.queryRefund(input.outRefundNo)).toMatchObject({
      status: 'SUCCESS',
      refund_id: r.refund_id,
    })
    await expect(
      c.refund({ ...input, outRefundNo: `rf2_${o.outTradeNo}`, refundFen: 1001 }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
    await expect(c.queryRefund('rf_unknown')).rejects.toMatchObject({
      status: 404,
      code: 'RESOURCE_NOT_EXISTS',
    })
    await expect(c.refund({ ...input, refundFen: 1.5 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      status: 0,
    })
  })

  it('a transient WeChat error is typed and marked retryable', async () => {
    s.failNextRequest(500, 'SYSTEM_ERROR')
    await expect(clientFor(s).createNativeOrder(order('flaky'))).rejects.toMatchObject({
      status: 500,
      code: 'SYSTEM_ERROR',
      retryable: true,
    })
  })

  it('a client signing with the wrong private key is refused by the stand-in with SIGN_ERROR', async () => {
    const before = s.requests.length
    await expect(
      clientFor(s, { merchantPrivateKey: rogue.privateKey }).createNativeOrder(order('rogue')),
    ).rejects.toMatchObject({
      status: 401,
      code: 'SIGN_ERROR',
    })
    expect(s.requests.slice(before)).toEqual([expect.objectContaining({ status: 401, code: 'SIGN_ERROR' })])
    // A request stamped 10 minutes late is refused too; the same skewed clock then also finds the
    // stand-in's (current) response stale, so the client reports it unverified rather than trusting it.
    const late = clientFor(s, { clock: { now: () => new Date(Date.now() - 10 * 60_000) } })
    await expect(late.createNativeOrder(order('late'))).rejects.toMatchObject({
      status: 401,
      code: 'RESPONSE_UNVERIFIED',
      detail: { reason: 'STALE_TIMESTAMP' },
    })
    expect(s.requests.at(-1)).toMatchObject({ status: 401, code: 'SIGN_ERROR' })
  })

  it('refuses responses signed with a key it does not hold, or under another serial, or unsigned', async () => {
    const impostor = await standIn({ platformPrivateKey: rogue.privateKey })
    const wrongSerial = await standIn({
      platformPrivateKey: platformCert.privateKey,
      platformSerial: 'ABCDEF0123456789',
    })
    const certMode = await standIn({
      platformPrivateKey: platformCert.privateKey,
      platformSerial: CERT_SERIAL,
    })
    try {
      await expect(clientFor(impostor).createNativeOrder(order('imp'))).rejects.toMatchObject({
        code: 'RESPONSE_UNVERIFIED',
        detail: { reason: 'BAD_SIGNATURE' },
      })
      // Its error answers are refused as well: an unverifiable ORDER_NOT_EXIST is not believed.
      await expect(clientFor(impostor).queryOrder('bb_never_created')).rejects.toMatchObject({
        code: 'RESPONSE_UNVERIFIED',
        status: 404,
      })
      await expect(clientFor(wrongSerial).createNativeOrder(order('ws'))).rejects.toMatchObject({
        code: 'RESPONSE_UNVERIFIED',
        detail: { reason: 'UNKNOWN_SERIAL' },
      })
      // The platform-certificate key (the other half of the switch-over) is accepted.
      await expect(clientFor(certMode).createNativeOrder(order('cert'))).resolves.toHaveProperty('codeUrl')
    } finally {
      await Promise.all([impostor.close(), wrongSerial.close(), certMode.close()])
    }
    const unsigned = (async () =>
      new Response('{"code_url":"weixin://wxpay/bizpayurl?pr=forged"}', { status: 200 })) as typeof fetch
    await expect(clientFor(s, { fetch: unsigned }).createNativeOrder(order('forged'))).rejects.toMatchObject({
      code: 'RESPONSE_UNVERIFIED',
      detail: { reason: 'MISSING_HEADERS' },
    })
  })

  it('a network failure is NETWORK_ERROR, retryable', async () => {
    const down = clientFor({ baseUrl: 'http://127.0.0.1:9' }, { timeoutMs: 2000 })
    await expect(down.queryOrder('bb_whatever')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
      retryable: true,
    })
  })
})
