/**
 * The Tencent Cloud SMS adapter against the local stand-in, which recomputes the TC3 signature
 * from what arrives and checks the body as Tencent does; and the stand-in itself refusing what
 * Tencent refuses, so a passing adapter test means the protocol was kept.
 */
import { AppError } from '../../src/util/errors'
import { manualClock } from '../../src/util/clock'
import type { TencentSmsConfig } from '../../src/sms/config'
import { startTencentSmsStandIn, type TencentSmsStandIn } from '../../src/sms/standin'
import { signTc3 } from '../../src/sms/tc3'
import { sendSmsBody, tencentSmsProvider } from '../../src/sms/tencent'
import { TEST_NOW } from '../support/service'

const SECRET_ID = 'AKIDstandin0123456789abcdefABCDEF'
const SECRET_KEY = 'standinSecretKey0123456789abcdef'
const TEMPLATE = '2024001'

const clock = manualClock(TEST_NOW)
let standIn: TencentSmsStandIn
let config: TencentSmsConfig
const warnings: Array<Record<string, unknown>> = []
const log = {
  info: () => undefined,
  warn: (obj: object) => void warnings.push(obj as Record<string, unknown>),
}

beforeAll(async () => {
  standIn = await startTencentSmsStandIn({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    sdkAppId: '1400006666',
    signNames: ['帮办通'],
    templates: { [TEMPLATE]: 2, '2024002': 1 },
    clock,
  })
  config = {
    endpoint: standIn.endpoint,
    region: 'ap-guangzhou',
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    sdkAppId: '1400006666',
    signName: '帮办通',
    templateId: TEMPLATE,
    templateParams: ['code', 'minutes'],
  }
})
afterAll(() => standIn.close())
beforeEach(() => {
  warnings.length = 0
  clock.advance(60_000)
})

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'sent',
    (error: unknown) => (error instanceof AppError ? error.code : error),
  )
const lastCodes = () => standIn.requests.at(-1)?.codes

describe('Tencent Cloud SMS adapter', () => {
  it('sends the code and its minutes to the +86 number with the approved signature and template', async () => {
    await tencentSmsProvider(config, { clock, log }).sendCode('13800138000', '042817', 5)
    expect(standIn.delivered.at(-1)).toEqual({
      phone: '+8613800138000',
      signName: '帮办通',
      templateId: TEMPLATE,
      params: ['042817', '5'],
    })
    expect(lastCodes()).toEqual(['Ok'])
  })

  it('fills a one-parameter template with the code alone', async () => {
    const oneParam = { ...config, templateId: '2024002', templateParams: ['code'] as const }
    await tencentSmsProvider(oneParam, { clock, log }).sendCode('13800138001', '111222', 5)
    expect(standIn.delivered.at(-1)?.params).toEqual(['111222'])
  })

  it('is refused with a wrong SecretKey, and reports the service unavailable', async () => {
    const wrong = tencentSmsProvider({ ...config, secretKey: `${SECRET_KEY}x` }, { clock, log })
    expect(await refusal(wrong.sendCode('13800138002', '123456', 5))).toBe('SERVICE_UNAVAILABLE')
    expect(lastCodes()).toEqual(['AuthFailure.SignatureFailure'])
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'AuthFailure.SignatureFailure', phone: '138****8002' }),
    ])
    expect(JSON.stringify(warnings)).not.toContain('123456')
  })

  it('is refused when its clock is more than 5 minutes off', async () => {
    const late = manualClock(new Date(clock.now().getTime() - 10 * 60_000).toISOString())
    expect(
      await refusal(tencentSmsProvider(config, { clock: late, log }).sendCode('13800138003', '1', 5)),
    ).toBe('SERVICE_UNAVAILABLE')
    expect(lastCodes()).toEqual(['AuthFailure.SignatureExpire'])
  })

  it('reports an unapproved template or signature as the service unavailable', async () => {
    const sms = (changes: Partial<TencentSmsConfig>) =>
      tencentSmsProvider({ ...config, ...changes }, { clock, log })
    expect(await refusal(sms({ templateId: '999' }).sendCode('13800138004', '123456', 5))).toBe(
      'SERVICE_UNAVAILABLE',
    )
    expect(lastCodes()).toEqual(['FailedOperation.TemplateIncorrectOrUnapproved'])
    expect(await refusal(sms({ signName: '别的签名' }).sendCode('13800138004', '123456', 5))).toBe(
      'SERVICE_UNAVAILABLE',
    )
    expect(lastCodes()).toEqual(['FailedOperation.SignatureIncorrectOrUnapproved'])
    expect(await refusal(sms({ templateParams: ['code'] }).sendCode('13800138004', '123456', 5))).toBe(
      'SERVICE_UNAVAILABLE',
    )
    expect(lastCodes()).toEqual(['FailedOperation.TemplateParamSetNotMatchApprovedTemplate'])
  })

  it("passes on a number's own refusals: too many messages, a wrong number", async () => {
    const sms = tencentSmsProvider(config, { clock, log })
    await sms.sendCode('13800138005', '123456', 5)
    expect(await refusal(sms.sendCode('13800138005', '654321', 5))).toBe('RATE_LIMITED')
    expect(lastCodes()).toEqual(['LimitExceeded.PhoneNumberThirtySecondLimit'])
    standIn.failNextNumber('InvalidParameterValue.IncorrectPhoneNumber')
    expect(await refusal(sms.sendCode('13800138006', '123456', 5))).toBe('INVALID_PHONE')
    standIn.failNext('FailedOperation.InsufficientBalanceInSmsPackage')
    expect(await refusal(sms.sendCode('13800138007', '123456', 5))).toBe('SERVICE_UNAVAILABLE')
  })

  it('reports a service that cannot be reached', async () => {
    const closed = await startTencentSmsStandIn({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      sdkAppId: '1',
      signNames: [],
      templates: {},
    })
    await closed.close()
    const sms = tencentSmsProvider({ ...config, endpoint: closed.endpoint }, { clock, log })
    expect(await refusal(sms.sendCode('13800138008', '123456', 5))).toBe('SERVICE_UNAVAILABLE')
    expect(warnings).toEqual([expect.objectContaining({ why: expect.any(String) })])
  })
})

describe('Tencent Cloud SMS stand-in', () => {
  /** A request signed over `signedBody` but carrying `sentBody`, with headers changed as given. */
  const post = async (
    signedBody: string,
    sentBody = signedBody,
    headers: Record<string, string> = {},
    signedAction = 'SendSms',
  ) => {
    const timestamp = Math.floor(clock.now().getTime() / 1000)
    const host = new URL(standIn.endpoint).host
    const { authorization } = signTc3({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      service: 'sms',
      host,
      action: signedAction,
      timestamp,
      payload: signedBody,
    })
    const response = await fetch(`${standIn.endpoint}/`, {
      method: 'POST',
      headers: {
        authorization,
        'content-type': 'application/json; charset=utf-8',
        'x-tc-action': 'SendSms',
        'x-tc-version': '2021-01-11',
        'x-tc-timestamp': String(timestamp),
        'x-tc-region': 'ap-guangzhou',
        ...headers,
      },
      body: sentBody,
    })
    return (await response.json()) as { Response: { Error?: { Code: string }; SendStatusSet?: unknown[] } }
  }
  const body = (changes: Record<string, unknown> = {}) =>
    JSON.stringify({ ...sendSmsBody(config, '13800138100', '123456', 5), ...changes })

  it('accepts a correctly signed request', async () => {
    expect((await post(body())).Response.SendStatusSet).toEqual([expect.objectContaining({ Code: 'Ok' })])
  })

  it('refuses a body changed after signing', async () => {
    const answer = await post(body(), body({ PhoneNumberSet: ['+8613800138999'] }))
    expect(answer.Response.Error?.Code).toBe('AuthFailure.SignatureFailure')
  })

  it('refuses a signed header changed after signing, and an unknown action', async () => {
    const answer = await post(body(), body(), {}, 'PullSmsSendStatus')
    expect(answer.Response.Error?.Code).toBe('AuthFailure.SignatureFailure')
    expect((await post(body(), body(), { 'x-tc-action': 'SendSmsX' })).Response.Error?.Code).toBe(
      'InvalidAction',
    )
  })

  it('refuses another content type, version or region', async () => {
    expect((await post(body(), body(), { 'content-type': 'application/json' })).Response.Error?.Code).toBe(
      'UnsupportedProtocol',
    )
    expect((await post(body(), body(), { 'x-tc-version': '2019-07-11' })).Response.Error?.Code).toBe(
      'NoSuchVersion',
    )
    expect((await post(body(), body(), { 'x-tc-region': 'ap-shanghai' })).Response.Error?.Code).toBe(
      'UnsupportedRegion',
    )
  })

  it('refuses unknown parameters, a wrong SdkAppId, and non-digit verification parameters', async () => {
    expect((await post(body({ Extra: 1 }))).Response.Error?.Code).toBe('UnknownParameter')
    expect((await post(body({ SmsSdkAppId: '1400000000' }))).Response.Error?.Code).toBe(
      'UnauthorizedOperation.SmsSdkAppIdVerifyFail',
    )
    expect((await post(body({ TemplateParamSet: ['abc', '5'] }))).Response.Error?.Code).toBe(
      'InvalidParameterValue.TemplateParameterFormatError',
    )
  })

  it('refuses a number that is not E.164 in its own status', async () => {
    const answer = await post(body({ PhoneNumberSet: ['13800138101'] }))
    expect(answer.Response.SendStatusSet).toEqual([
      expect.objectContaining({ Code: 'InvalidParameterValue.IncorrectPhoneNumber' }),
    ])
  })
})
