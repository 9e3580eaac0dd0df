/**
 * Phone sign-in with BANGBAN_SMS=tencent: the service sends the code through the Tencent Cloud
 * SMS stand-in, the code it delivered signs in, and a refused send leaves no code behind and no
 * wait before the next try.
 */
import { startTencentSmsStandIn, type TencentSmsStandIn } from '../src/sms/standin'
import { manualClock } from '../src/util/clock'
import { describeOnEngines, startService, TEST_NOW, type Started, type TestDatabase } from './support/service'

type WithSms = Started & { standIn: TencentSmsStandIn }

const start = async (database: TestDatabase, like?: WithSms): Promise<WithSms> => {
  const clock = like?.clock ?? manualClock(TEST_NOW)
  const standIn =
    like?.standIn ??
    (await startTencentSmsStandIn({
      secretId: 'AKIDservice0123456789abcdefABCDEF',
      secretKey: 'serviceSecretKey0123456789abcdef',
      sdkAppId: '1400009999',
      signNames: ['帮办通'],
      templates: { '300001': 2 },
      clock,
    }))
  const service = await startService(database, clock, {
    env: {
      BANGBAN_SMS: 'tencent',
      NODE_ENV: 'production',
      BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION: '1',
      BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION: '1',
      TENCENT_SMS_ENDPOINT: standIn.endpoint,
      TENCENT_SMS_SECRET_ID: 'AKIDservice0123456789abcdefABCDEF',
      TENCENT_SMS_SECRET_KEY: 'serviceSecretKey0123456789abcdef',
      TENCENT_SMS_SDK_APP_ID: '1400009999',
      TENCENT_SMS_SIGN_NAME: '帮办通',
      TENCENT_SMS_TEMPLATE_ID: '300001',
    },
  })
  return Object.assign(service, { standIn })
}

describeOnEngines(
  'phone sign-in through Tencent Cloud SMS',
  { start, stop: (first) => first.standIn.close() },
  (on) => {
    const askCode = (phone: string) =>
      on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/phone-code', payload: { phone } })
    const signIn = (phone: string, code: string) =>
      on.service.app.inject({ method: 'POST', url: '/api/v1/sessions/phone', payload: { phone, code } })

    it('delivers a code that signs in', async () => {
      expect((await askCode('13700001111')).statusCode).toBe(201)
      const sms = on.service.standIn.delivered.at(-1)!
      expect(sms).toEqual(expect.objectContaining({ phone: '+8613700001111', templateId: '300001' }))
      expect(sms.params[1]).toBe('5')
      expect((await signIn('13700001111', sms.params[0]!)).statusCode).toBe(201)
    })

    it('answers 503 when Tencent refuses, keeps no code, and lets the resident ask again at once', async () => {
      on.service.standIn.failNext('FailedOperation.InsufficientBalanceInSmsPackage')
      const refused = await askCode('13700002222')
      expect(refused.statusCode).toBe(503)
      expect(refused.json().error.code).toBe('SERVICE_UNAVAILABLE')
      const rows = await on.service.ctx.db
        .selectFrom('phone_codes')
        .select('id')
        .where('phone', '=', '13700002222')
        .execute()
      expect(rows).toEqual([])
      expect((await askCode('13700002222')).statusCode).toBe(201)
    })
  },
)
