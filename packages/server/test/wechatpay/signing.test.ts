import { createSign, createVerify } from 'node:crypto'
import fc from 'fast-check'
import { WechatPayError } from '../../src/payments/wechatpay/errors'
import {
  buildAuthorization,
  buildRequestPaymentParams,
  parseAuthorization,
  requestSignatureMessage,
  verifySha256Rsa,
} from '../../src/payments/wechatpay/signing'
import { APPID, MCHID, MERCHANT_SERIAL, clientFor, merchant } from './fixtures'

const id = { mchid: MCHID, merchantSerial: MERCHANT_SERIAL, merchantPrivateKey: merchant.privateKey }

describe('request signing', () => {
  it('builds the documented message: METHOD, path with query, timestamp, nonce, body, each line ending in \\n', () => {
    expect(
      requestSignatureMessage({
        method: 'get',
        pathWithQuery: '/v3/certificates?a=1',
        timestamp: 1554208460,
        nonce: 'N',
        body: '',
      }),
    ).toBe('GET\n/v3/certificates?a=1\n1554208460\nN\n\n')
  })

  it('known answer: the Authorization signature equals SHA256withRSA computed independently over the documented string', () => {
    const body = '{"appid":"wxd678efh567hg6787","mchid":"1900000109","amount":{"total":100,"currency":"CNY"}}'
    const header = buildAuthorization(id, {
      method: 'POST',
      pathWithQuery: '/v3/pay/transactions/native',
      timestamp: 1554208460,
      nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
      body,
    })
    const documented = `POST\n/v3/pay/transactions/native\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${body}\n`
    const expected = createSign('RSA-SHA256').update(documented, 'utf8').sign(merchant.privateKey, 'base64')
    expect(header).toBe(
      `WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",` +
        `signature="${expected}",timestamp="1554208460",serial_no="${MERCHANT_SERIAL}"`,
    )
    expect(parseAuthorization(header)).toEqual({
      mchid: MCHID,
      nonce_str: '593BEC0C930BF1AFEB40B4A08C8FB242',
      signature: expected,
      timestamp: '1554208460',
      serial_no: MERCHANT_SERIAL,
    })
  })

  it('a request sent by the client verifies with the merchant public key over the exact path, query and body sent', async () => {
    const seen: Array<{ url: string; method: string; auth: string; body: string }> = []
    const fakeFetch = (async (url: URL | string, init?: RequestInit) => {
      const headers = new Headers(init?.headers)
      seen.push({
        url: String(url),
        method: init?.method ?? 'GET',
        auth: headers.get('authorization') ?? '',
        body: String(init?.body ?? ''),
      })
      return new Response('{"code":"SYSTEM_ERROR","message":"x"}', { status: 500 })
    }) as typeof fetch
    const client = clientFor(
      { baseUrl: 'https://api.mch.weixin.qq.com/' },
      { fetch: fakeFetch, clock: { now: () => new Date(1554208460_000) } },
    )
    await expect(client.queryOrder('bb_1217752501201407033233368018')).rejects.toBeInstanceOf(WechatPayError)
    await expect(
      client.createNativeOrder({ outTradeNo: 'bb_0001', description: '水费 2026-10', amountFen: 12345 }),
    ).rejects.toMatchObject({
      code: 'SYSTEM_ERROR',
      status: 500,
      retryable: true,
      verified: false,
    })
    expect(seen).toHaveLength(2)
    for (const s of seen) {
      const a = parseAuthorization(s.auth)
      expect(a).not.toBeNull()
      expect(a?.timestamp).toBe('1554208460')
      expect(a?.serial_no).toBe(MERCHANT_SERIAL)
      const u = new URL(s.url)
      const message = `${s.method}\n${u.pathname}${u.search}\n${a?.timestamp}\n${a?.nonce_str}\n${s.body}\n`
      expect(
        createVerify('RSA-SHA256')
          .update(message)
          .verify(merchant.publicKey, a?.signature ?? '', 'base64'),
      ).toBe(true)
    }
    expect(new URL(seen[0]?.url ?? '').search).toBe('?mchid=1900000109')
    expect(JSON.parse(seen[1]?.body ?? '')).toMatchObject({
      amount: { total: 12345, currency: 'CNY' },
      appid: APPID,
      mchid: MCHID,
    })
  })

  it('any change to method, path, timestamp, nonce or body breaks the signature (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (body, extra) => {
        const parts = { method: 'POST', pathWithQuery: '/v3/x', timestamp: 1, nonce: 'n', body }
        const sig = parseAuthorization(buildAuthorization(id, parts))?.signature ?? ''
        expect(verifySha256Rsa(merchant.publicKey, requestSignatureMessage(parts), sig)).toBe(true)
        expect(
          verifySha256Rsa(merchant.publicKey, requestSignatureMessage({ ...parts, body: body + extra }), sig),
        ).toBe(false)
        expect(
          verifySha256Rsa(merchant.publicKey, requestSignatureMessage({ ...parts, nonce: 'm' }), sig),
        ).toBe(false)
      }),
      { numRuns: 25 },
    )
  })
})

describe('requestPayment parameters (JSAPI / mini-program)', () => {
  it('paySign is RSA-SHA256 over appId, timeStamp, nonceStr, package, each followed by \\n', () => {
    const p = buildRequestPaymentParams({
      appid: APPID,
      prepayId: 'wx201410272009395522657a690389285100',
      merchantPrivateKey: merchant.privateKey,
      timestamp: 1414561699,
      nonce: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
    })
    expect(p).toMatchObject({
      timeStamp: '1414561699',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
    })
    const documented = `${APPID}\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n`
    expect(p.paySign).toBe(createSign('RSA-SHA256').update(documented).sign(merchant.privateKey, 'base64'))
  })
})
