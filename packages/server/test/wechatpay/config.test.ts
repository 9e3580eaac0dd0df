import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WechatPayConfigError, loadWechatPayConfig } from '../../src/payments/wechatpay/config'
import {
  APIV3_KEY,
  APPID,
  CERT_SERIAL,
  MCHID,
  MERCHANT_SERIAL,
  PUB_KEY_ID,
  merchant,
  platformPub,
} from './fixtures'

/** A self-signed certificate whose serial is CERT_SERIAL (made with openssl; its key is not needed here). */
const CERT_PEM = `-----BEGIN CERTIFICATE-----
MIIDRTCCAi2gAwIBAgIUUVfwnv3Alt4V6+gaRwV6cjLxuOEwDQYJKoZIhvcNAQEL
BQAwMjEbMBkGA1UEAwwSVGVucGF5LmNvbSBSb290IENBMRMwEQYDVQQKDApUZW5w
YXkuY29tMB4XDTI2MTEyOTAyMDQ0NFoXDTM2MTEyNjAyMDQ0NFowMjEbMBkGA1UE
AwwSVGVucGF5LmNvbSBSb290IENBMRMwEQYDVQQKDApUZW5wYXkuY29tMIIBIjAN
BgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtWIETKuOnKGDqpmpc/zUqTzHk5Er
Leu6XM+z1mAI/6pNG6oMi5D685Lx3A/gMWdwtXlgiSr0I8lfJ9IGyq8NlzHEw0zl
ldSwbsnHFB/bs6rWU/IfjEd21TheAxUGO7eJ0vMs/ipjqxiFhn1d5rafj7uInocv
PZIcknjYpLGmKtR/3cXtQ0wCfFIGj9Wl//HqoXXDFz7WziYcXLD2/hEeemRIY+S0
INF0eA7zhAFCbJlQ37wVZxrEA9VAmHHqJ+XhdnVqofkfsFmWYLP1A8kei4UlakiC
H2m4pzn8oDpGMiZeXbofR1Z+TjtQeP3Lw8EUzotVeCiHQqogPBXCvIfy3wIDAQAB
o1MwUTAdBgNVHQ4EFgQUkbXfzC2Wbo7oT5hYUrRzX6/80GowHwYDVR0jBBgwFoAU
kbXfzC2Wbo7oT5hYUrRzX6/80GowDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0B
AQsFAAOCAQEASPOiIzUPSVzRYTPvCWKQ51ZAntbIfmDd2cFAPmAbzEeXL52O6Ug+
hNreqCmLwSJCwT2qVpYvE0ncwd2AsWGOJR+P8shqznfISYrpu5k0uVSgGOHnnyQD
EYK5vYaIeSci8HnYDVNKIXFZMvQYlLQwTxTyN5bxvkMXDQVTjjgpBh+HRBdI5IAA
Jl+SyFmwOZY7H2C6ExdC3naV16ogPs2xIpJRHhOGrUFjRmzNAVZiHh6kzYp3dXyq
nwaPTTxj2VZkvmXQMT1GDgiP9lNsMyaLpFwk6Rn4dOeA0dTr7UL0eSY5i2sR7jIs
V5Roi/OIVGZha/k+BJ8S6BfHNwsQKiWXNg==
-----END CERTIFICATE-----
`

let dir: string
let full: NodeJS.ProcessEnv
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wechatpay-config-'))
  writeFileSync(join(dir, 'apiclient_key.pem'), merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }))
  writeFileSync(join(dir, 'pub_key.pem'), platformPub.publicKey.export({ type: 'spki', format: 'pem' }))
  writeFileSync(join(dir, 'platform_cert.pem'), CERT_PEM)
  full = {
    WECHATPAY_MCHID: MCHID,
    WECHATPAY_APPID: APPID,
    WECHATPAY_MERCHANT_SERIAL: MERCHANT_SERIAL,
    WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: join(dir, 'apiclient_key.pem'),
    WECHATPAY_APIV3_KEY: APIV3_KEY,
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(dir, 'pub_key.pem'),
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: PUB_KEY_ID,
    WECHATPAY_NOTIFY_URL: 'https://bangban.example.cn/api/payments/wechatpay/notify',
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadWechatPayConfig(env)
  } catch (err) {
    expect(err).toBeInstanceOf(WechatPayConfigError)
    return (err as Error).message
  }
  throw new Error('expected a WechatPayConfigError')
}

describe('WeChat Pay configuration', () => {
  it('nothing set (or only blanks) → null, so the caller uses its sandbox provider', () => {
    expect(loadWechatPayConfig({})).toBeNull()
    expect(loadWechatPayConfig({ WECHATPAY_MCHID: '', PATH: '/usr/bin' })).toBeNull()
  })

  it('everything set → a config with keys loaded and the default base URL', () => {
    const c = loadWechatPayConfig(full)
    expect(c).toMatchObject({
      baseUrl: 'https://api.mch.weixin.qq.com',
      mchid: MCHID,
      appid: APPID,
      merchantSerial: MERCHANT_SERIAL,
    })
    expect(c?.apiV3Key.length).toBe(32)
    expect(c?.merchantPrivateKey.type).toBe('private')
    expect([...(c?.verificationKeys.keys() ?? [])]).toEqual([PUB_KEY_ID])
  })

  it('platform certificates are keyed by their serial, beside the public key', () => {
    const c = loadWechatPayConfig({ ...full, WECHATPAY_PLATFORM_CERT_PATHS: join(dir, 'platform_cert.pem') })
    expect([...(c?.verificationKeys.keys() ?? [])].sort()).toEqual([CERT_SERIAL, PUB_KEY_ID].sort())
  })

  it('partly set → one readable error naming every missing variable', () => {
    const msg = problems({ WECHATPAY_MCHID: MCHID, WECHATPAY_APPID: APPID })
    for (const name of [
      'WECHATPAY_MERCHANT_SERIAL is missing',
      'WECHATPAY_MERCHANT_PRIVATE_KEY_PATH is missing',
      'WECHATPAY_APIV3_KEY is missing',
      'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH and WECHATPAY_PLATFORM_PUBLIC_KEY_ID are missing',
      'WECHATPAY_NOTIFY_URL is missing',
    ]) {
      expect(msg).toContain(name)
    }
    expect(msg).not.toContain('WECHATPAY_MCHID')
    expect(msg).not.toContain('WECHATPAY_APPID')
  })

  it('wrong values are named with what is wrong', () => {
    const msg = problems({
      ...full,
      WECHATPAY_APIV3_KEY: 'too-short',
      WECHATPAY_PLATFORM_PUBLIC_KEY_ID: 'abc',
      WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: join(dir, 'missing.pem'),
      WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(dir, 'platform_cert.pem'),
      WECHATPAY_NOTIFY_URL: 'http://bangban.example.cn/notify',
    })
    expect(msg).toContain('WECHATPAY_APIV3_KEY must be exactly 32 bytes')
    expect(msg).toContain('WECHATPAY_PLATFORM_PUBLIC_KEY_ID must look like PUB_KEY_ID_')
    expect(msg).toMatch(/WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: cannot read .*missing\.pem \(ENOENT\)/)
    expect(msg).toContain('holds a certificate')
    expect(msg).toContain('WECHATPAY_NOTIFY_URL must be https')
    expect(msg).not.toContain(APIV3_KEY)
  })

  it('only one half of the public-key pair → names the other half', () => {
    const { WECHATPAY_PLATFORM_PUBLIC_KEY_ID: _id, ...rest } = full
    expect(problems(rest)).toContain('WECHATPAY_PLATFORM_PUBLIC_KEY_ID is missing')
  })
})
