/**
 * A service wired to WeChat Pay's local stand-in, with keys generated here: the stand-in refuses
 * requests whose merchant signature does not verify, and signs its answers and callbacks with the
 * platform key the service is configured to trust.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../src/config'
import { startWechatPayStandIn, type WechatPayStandIn } from '../../src/payments/wechatpay/standin'
import { createService, type Service } from '../../src/service'
import { manualClock } from '../../src/util/clock'
import { auditWitnessEnv, KIOSK_KEY, STAFF_PASSWORD, TEST_NOW, type TestDatabase } from './service'

export const MCHID = '1900000109'
export const APPID = 'wxd678efh567hg6787'
export const MERCHANT_SERIAL = '444F4864EA9B34415D6E8BCB8E4B3B5E1A8D8A7F'
export const PUB_KEY_ID = 'PUB_KEY_ID_0119000001092026120100000000000001'
export const APIV3_KEY = 'b8cde1ef41a8c2f5b9d3e0f6c4b2a1d7'

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 })
export const merchantKeys = pair()
export const platformKeys = pair()
/** Signs like WeChat but is not the key the service trusts. */
export const rogueKeys = pair()

const pem = (key: KeyObject) => key.export({ type: key.type === 'private' ? 'pkcs8' : 'spki', format: 'pem' })

export interface WechatSetup {
  readonly standIn: WechatPayStandIn
  readonly clock: ReturnType<typeof manualClock>
  readonly dir: string
  /** The service's configuration environment (point another instance at the same database). */
  readonly env: Record<string, string>
  close(): Promise<void>
}

export async function wechatSetup(
  database: TestDatabase,
  clock = manualClock(TEST_NOW),
): Promise<WechatSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'bangban-wxpay-'))
  writeFileSync(join(dir, 'merchant.pem'), pem(merchantKeys.privateKey))
  writeFileSync(join(dir, 'platform.pem'), pem(platformKeys.publicKey))
  const standIn = await startWechatPayStandIn({
    mchid: MCHID,
    appid: APPID,
    merchantSerial: MERCHANT_SERIAL,
    merchantPublicKey: merchantKeys.publicKey,
    platformPrivateKey: platformKeys.privateKey,
    platformSerial: PUB_KEY_ID,
    apiV3Key: APIV3_KEY,
    clock,
  })
  const env = {
    DATABASE_URL: database.url,
    BANGBAN_SEED: 'demo',
    BANGBAN_KIOSK_KEY: KIOSK_KEY,
    BANGBAN_DEMO_STAFF_PASSWORD: STAFF_PASSWORD,
    PG_POOL_SIZE: '20',
    WECHATPAY_BASE_URL: standIn.baseUrl,
    WECHATPAY_MCHID: MCHID,
    WECHATPAY_APPID: APPID,
    WECHATPAY_MERCHANT_SERIAL: MERCHANT_SERIAL,
    WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: join(dir, 'merchant.pem'),
    WECHATPAY_APIV3_KEY: APIV3_KEY,
    WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: join(dir, 'platform.pem'),
    WECHATPAY_PLATFORM_PUBLIC_KEY_ID: PUB_KEY_ID,
    // Callbacks are injected by the tests; the stand-in only needs a well-formed URL.
    WECHATPAY_NOTIFY_URL: 'http://127.0.0.1:9/api/v1/payments/wechat/notify',
  }
  return {
    standIn,
    clock,
    dir,
    env,
    close: async () => {
      await standIn.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function startWechatService(
  database: TestDatabase,
  setup: WechatSetup,
  extra: { beforeSettleCommit?: (paymentId: string) => void | Promise<void> } = {},
): Promise<Service> {
  return createService({
    config: loadConfig({ ...setup.env, ...auditWitnessEnv(database) }),
    clock: setup.clock,
    ...(database.schema ? { schema: database.schema } : {}),
    ...extra,
  })
}
