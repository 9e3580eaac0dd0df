import fc from 'fast-check'
import { signSha256Rsa } from '../../src/payments/wechatpay/signing'
import { SIGNTEST_PREFIX, verifyWechatpaySignature } from '../../src/payments/wechatpay/verify'
import { CERT_SERIAL, PUB_KEY_ID, platformCert, platformPub, rogue, verificationKeys } from './fixtures'
import type { KeyObject } from 'node:crypto'

const NOW = 1_764_400_000
const clock = { now: () => new Date(NOW * 1000) }
const body = '{"code_url":"weixin://wxpay/bizpayurl?pr=p4lpSuKzz","note":"缴费"}'

function signed(
  opts: { key?: KeyObject; serial?: string; ts?: number; nonce?: string; body?: string | Buffer } = {},
) {
  const ts = opts.ts ?? NOW
  const nonce = opts.nonce ?? 'c5ac7061fccab6bf3e254dcf98995b8c'
  const b = opts.body ?? body
  const message = Buffer.concat([Buffer.from(`${ts}\n${nonce}\n`), Buffer.from(b), Buffer.from('\n')])
  return {
    'wechatpay-timestamp': String(ts),
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signSha256Rsa(opts.key ?? platformPub.privateKey, message),
    'wechatpay-serial': opts.serial ?? PUB_KEY_ID,
  }
}
const verify = (headers: Record<string, string>, b: string | Buffer = body) =>
  verifyWechatpaySignature({ headers, body: b }, { keys: verificationKeys, clock })

describe('verifying WeChat Pay signatures', () => {
  it('accepts a good signature (node-style lower-case headers and fetch Headers alike)', () => {
    expect(verify(signed())).toEqual({
      ok: true,
      serial: PUB_KEY_ID,
      timestamp: NOW,
      nonce: 'c5ac7061fccab6bf3e254dcf98995b8c',
    })
    const h = new Headers(signed())
    expect(verifyWechatpaySignature({ headers: h, body }, { keys: verificationKeys, clock }).ok).toBe(true)
    expect(
      verify({
        'Wechatpay-Serial': PUB_KEY_ID,
        ...Object.fromEntries(Object.entries(signed()).filter(([k]) => k !== 'wechatpay-serial')),
      }).ok,
    ).toBe(true)
  })

  it('chooses the key by serial: platform certificate serial and PUB_KEY_ID_… both work, crossed keys do not', () => {
    expect(verify(signed({ key: platformCert.privateKey, serial: CERT_SERIAL })).ok).toBe(true)
    expect(verify(signed({ key: platformPub.privateKey, serial: PUB_KEY_ID })).ok).toBe(true)
    expect(verify(signed({ key: platformCert.privateKey, serial: PUB_KEY_ID }))).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    })
    expect(verify(signed({ key: platformPub.privateKey, serial: CERT_SERIAL }))).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    })
  })

  it('refuses a bad signature, an unknown serial and missing headers', () => {
    expect(verify(signed({ key: rogue.privateKey }))).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })
    expect(verify(signed({ serial: 'PUB_KEY_ID_0000' }))).toMatchObject({
      ok: false,
      reason: 'UNKNOWN_SERIAL',
    })
    for (const drop of [
      'wechatpay-timestamp',
      'wechatpay-nonce',
      'wechatpay-signature',
      'wechatpay-serial',
    ]) {
      const h: Record<string, string> = signed()
      delete h[drop]
      expect(verify(h)).toMatchObject({ ok: false, reason: 'MISSING_HEADERS' })
    }
    expect(verify({ ...signed(), 'wechatpay-signature': 'not base64 at all!' })).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    })
  })

  it('refuses timestamps more than 5 minutes off, either way, and accepts exactly 5 minutes', () => {
    expect(verify(signed({ ts: NOW - 300 })).ok).toBe(true)
    expect(verify(signed({ ts: NOW + 300 })).ok).toBe(true)
    expect(verify(signed({ ts: NOW - 301 }))).toMatchObject({ ok: false, reason: 'STALE_TIMESTAMP' })
    expect(verify(signed({ ts: NOW + 301 }))).toMatchObject({ ok: false, reason: 'STALE_TIMESTAMP' })
    expect(verify({ ...signed(), 'wechatpay-timestamp': 'soon' })).toMatchObject({
      ok: false,
      reason: 'STALE_TIMESTAMP',
    })
  })

  it('refuses WeChat’s WECHATPAY/SIGNTEST/ probes, marked as such', () => {
    const probe = {
      ...signed(),
      'wechatpay-signature': `${SIGNTEST_PREFIX}${signed()['wechatpay-signature']}`,
    }
    expect(verify(probe)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE', probe: true })
  })

  it('verifies over raw bytes: changing any one byte of the body is refused (property)', () => {
    const raw = Buffer.from(body, 'utf8')
    const headers = signed({ body: raw })
    expect(verify(headers, raw).ok).toBe(true)
    fc.assert(
      fc.property(fc.nat({ max: raw.length - 1 }), fc.integer({ min: 1, max: 255 }), (i, delta) => {
        const changed = Buffer.from(raw)
        changed[i] = ((changed[i] ?? 0) + delta) % 256
        expect(verify(headers, changed)).toMatchObject({ ok: false, reason: 'BAD_SIGNATURE' })
      }),
      { numRuns: 100 },
    )
  })

  it('an empty body (204) is signed as an empty third line', () => {
    expect(verify(signed({ body: '' }), '').ok).toBe(true)
    expect(
      verifyWechatpaySignature(
        { headers: signed({ body: '' }), body: undefined },
        { keys: verificationKeys, clock },
      ).ok,
    ).toBe(true)
  })
})
