import { createCipheriv } from 'node:crypto'
import fc from 'fast-check'
import {
  WechatPayDecryptError,
  decryptResource,
  encryptResource,
  tryDecryptResource,
  type EncryptedResource,
} from '../../src/payments/wechatpay/decrypt'
import { APIV3_KEY } from './fixtures'

describe('AEAD_AES_256_GCM callback resources', () => {
  it('decrypts a resource built independently the way WeChat documents it (tag = last 16 bytes)', () => {
    const plaintext = '{"out_trade_no":"bb_0001","trade_state":"SUCCESS","amount":{"total":100}}'
    const c = createCipheriv('aes-256-gcm', Buffer.from(APIV3_KEY), Buffer.from('fdasflkja484'))
    c.setAAD(Buffer.from('transaction'))
    const data = Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()])
    const resource = {
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: data.toString('base64'),
      associated_data: 'transaction',
      nonce: 'fdasflkja484',
      original_type: 'transaction',
    }
    expect(decryptResource(resource, APIV3_KEY)).toBe(plaintext)
    expect(decryptResource(resource, Buffer.from(APIV3_KEY))).toBe(plaintext)
  })

  it('round-trips any text and associated data (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (text, aad) => {
        const r = encryptResource(text, APIV3_KEY, { associatedData: aad, originalType: 'transaction' })
        expect(r.nonce).toMatch(/^[A-Za-z0-9]{12}$/)
        expect(decryptResource(r, APIV3_KEY)).toBe(text)
      }),
      { numRuns: 50 },
    )
  })

  describe('tampering fails with a typed error, never a raw crypto error', () => {
    const good = encryptResource('{"refund_status":"SUCCESS"}', APIV3_KEY, {
      associatedData: 'refund',
      originalType: 'refund',
    })
    const bytes = Buffer.from(good.ciphertext, 'base64')
    const flip = (i: number) => {
      const b = Buffer.from(bytes)
      b[i] = (b[i] ?? 0) ^ 1
      return b.toString('base64')
    }
    const cases: Array<[string, EncryptedResource, string]> = [
      ['ciphertext body', { ...good, ciphertext: flip(0) }, 'AUTH_FAILED'],
      ['tag', { ...good, ciphertext: flip(bytes.length - 1) }, 'AUTH_FAILED'],
      ['associated_data', { ...good, associated_data: 'transaction' }, 'AUTH_FAILED'],
      ['nonce', { ...good, nonce: 'AAAAAAAAAAAA' }, 'AUTH_FAILED'],
      ['truncated', { ...good, ciphertext: bytes.subarray(0, 10).toString('base64') }, 'MALFORMED'],
      ['not base64', { ...good, ciphertext: '%%%%' }, 'MALFORMED'],
      ['algorithm', { ...good, algorithm: 'AEAD_SM4_GCM' }, 'UNSUPPORTED_ALGORITHM'],
    ]
    it.each(cases)('%s', (_name, resource, code) => {
      expect(() => decryptResource(resource, APIV3_KEY)).toThrow(WechatPayDecryptError)
      expect(tryDecryptResource(resource, APIV3_KEY)).toMatchObject({ ok: false, code })
    })

    it('wrong key', () => {
      expect(tryDecryptResource(good, 'b'.repeat(32))).toMatchObject({ ok: false, code: 'AUTH_FAILED' })
      expect(tryDecryptResource(good, 'short')).toMatchObject({ ok: false, code: 'BAD_KEY' })
    })
  })
})
