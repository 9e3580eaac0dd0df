/** NODE_ENV=production refuses development stand-ins unless a named setting says they are intended. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from '../src/config'
import { productionProblems, secretFileProblem } from '../src/ops/production'
import {
  APIV3_KEY,
  APPID,
  MCHID,
  MERCHANT_SERIAL,
  PUB_KEY_ID,
  merchant,
  platformPub,
} from './wechatpay/fixtures'

const QUIET_SMS = { BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION: '1' }
const ALLOW_BOTH = {
  BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION: '1',
  BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION: '1',
}

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env)
    return ''
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.message
  }
}

describe('production configuration', () => {
  it('starts on the stand-ins outside production', () => {
    const config = loadConfig({})
    expect(config.wechatPay).toBeNull()
    expect(config.wechat).toBeNull()
  })

  it('refuses the payment sandbox and the WeChat stand-in under NODE_ENV=production, naming the setting', () => {
    const message = problems({ NODE_ENV: 'production', ...QUIET_SMS })
    expect(message).toContain('BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION=1')
    expect(message).toContain('BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION=1')
  })

  it('each stand-in is allowed by its own setting only, and only by 1', () => {
    const sandboxOnly = problems({
      NODE_ENV: 'production',
      ...QUIET_SMS,
      BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION: '1',
    })
    expect(sandboxOnly).not.toContain('payment sandbox')
    expect(sandboxOnly).toContain('WeChat sign-in stand-in')
    expect(problems({ NODE_ENV: 'production', ...QUIET_SMS, ...ALLOW_BOTH })).toBe('')
    expect(
      problems({
        NODE_ENV: 'production',
        ...QUIET_SMS,
        ...ALLOW_BOTH,
        BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION: 'yes',
      }),
    ).toContain('BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION')
  })

  it("refuses the deployment guide's placeholder kiosk key in production", () => {
    const env = { NODE_ENV: 'production', ...QUIET_SMS, ...ALLOW_BOTH }
    expect(problems({ ...env, BANGBAN_KIOSK_KEY: 'replace-with-a-random-key' })).toContain(
      'BANGBAN_KIOSK_KEY: still the placeholder',
    )
    expect(problems({ ...env, BANGBAN_KIOSK_KEY: 'the-same-key-on-every-instance' })).toContain(
      'BANGBAN_KIOSK_KEY',
    )
    expect(problems({ ...env, BANGBAN_KIOSK_KEY: 'kx8Qe2-random-0123456789' })).toBe('')
    expect(problems({ BANGBAN_KIOSK_KEY: 'replace-with-a-random-key' })).toBe('')
  })

  it('a real WeChat Pay and mini-program need no allowance', () => {
    expect(
      productionProblems({
        env: { NODE_ENV: 'production' },
        wechatPayConfigured: true,
        wechatConfigured: true,
      }),
    ).toEqual([])
  })

  describe('secret files', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'bangban-secret-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('refuses a merchant key readable by the group or others in production', () => {
      const keyPath = join(dir, 'apiclient_key.pem')
      writeFileSync(keyPath, merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }))
      writeFileSync(join(dir, 'pub_key.pem'), platformPub.publicKey.export({ type: 'spki', format: 'pem' }))
      const env = {
        NODE_ENV: 'production',
        ...QUIET_SMS,
        BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION: '1',
        WECHATPAY_MCHID: MCHID,
        WECHATPAY_APPID: APPID,
        WECHATPAY_MERCHANT_SERIAL: MERCHANT_SERIAL,
        WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: keyPath,
        WECHATPAY_APIV3_KEY: APIV3_KEY,
        WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(dir, 'pub_key.pem'),
        WECHATPAY_PLATFORM_PUBLIC_KEY_ID: PUB_KEY_ID,
        WECHATPAY_NOTIFY_URL: 'https://bangban.example.cn/api/payments/wechatpay/notify',
      }
      chmodSync(keyPath, 0o644)
      expect(problems(env)).toMatch(
        /WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: .* may be read by others \(mode 644\)/,
      )
      chmodSync(keyPath, 0o640)
      expect(problems(env)).toContain('mode 640')
      chmodSync(keyPath, 0o600)
      expect(problems(env)).toBe('')
      // Outside production the mode is not judged (development keys sit in checkouts).
      chmodSync(keyPath, 0o644)
      expect(problems({ ...env, NODE_ENV: 'development' })).toBe('')
    })

    it('judges group and other bits only', () => {
      const file = join(dir, 'key.pem')
      writeFileSync(file, 'x', { mode: 0o600 })
      expect(secretFileProblem('S', file)).toBeNull()
      chmodSync(file, 0o604)
      expect(secretFileProblem('S', file)).toContain('mode 604')
      expect(secretFileProblem('S', join(dir, 'absent.pem'))).toBeNull()
    })
  })
})
