/** BANGBAN_SMS and TENCENT_SMS_*: the sender is chosen explicitly and checked before the service starts. */
import { ConfigError, loadConfig } from '../../src/config'
import { loadSmsConfig, SmsConfigError } from '../../src/sms/config'

const TENCENT = {
  BANGBAN_SMS: 'tencent',
  TENCENT_SMS_SECRET_ID: 'AKIDexample0123456789example0123',
  TENCENT_SMS_SECRET_KEY: 'secretkeyexample0123456789abcdef',
  TENCENT_SMS_SDK_APP_ID: '1400006666',
  TENCENT_SMS_SIGN_NAME: '帮办通',
  TENCENT_SMS_TEMPLATE_ID: '1110',
}

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadSmsConfig(env)
  } catch (error) {
    if (error instanceof SmsConfigError) return error.problems
    throw error
  }
  return []
}

describe('SMS sender configuration', () => {
  it('uses the log sender by default, outside production', () => {
    expect(loadSmsConfig({})).toEqual({ sender: 'log' })
    expect(loadSmsConfig({ NODE_ENV: 'development' })).toEqual({ sender: 'log' })
  })

  it('refuses the log sender under NODE_ENV=production unless it is explicitly allowed', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('BANGBAN_SMS_ALLOW_LOG')])
    expect(problemsOf({ NODE_ENV: 'production', BANGBAN_SMS: 'log' })).toHaveLength(1)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(loadSmsConfig({ NODE_ENV: 'production', BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION: '1' })).toEqual({
      sender: 'log',
    })
    expect(problemsOf({ NODE_ENV: 'production', BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION: 'yes' })).toHaveLength(1)
  })

  it('takes Tencent Cloud SMS with its defaults', () => {
    const config = loadConfig({
      ...TENCENT,
      NODE_ENV: 'production',
      BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION: '1',
      BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION: '1',
    }).sms
    expect(config).toEqual({
      sender: 'tencent',
      tencent: {
        endpoint: 'https://sms.tencentcloudapi.com',
        region: 'ap-guangzhou',
        secretId: TENCENT.TENCENT_SMS_SECRET_ID,
        secretKey: TENCENT.TENCENT_SMS_SECRET_KEY,
        sdkAppId: '1400006666',
        signName: '帮办通',
        templateId: '1110',
        templateParams: ['code', 'minutes'],
      },
    })
  })

  it('lists every missing or wrong Tencent setting at once', () => {
    const problems = problemsOf({
      BANGBAN_SMS: 'tencent',
      TENCENT_SMS_SDK_APP_ID: 'abc',
      TENCENT_SMS_REGION: 'ap-shanghai',
      TENCENT_SMS_TEMPLATE_PARAMS: 'minutes',
    })
    for (const name of [
      'TENCENT_SMS_SECRET_ID: required',
      'TENCENT_SMS_SECRET_KEY: required',
      'TENCENT_SMS_SIGN_NAME: required',
      'TENCENT_SMS_TEMPLATE_ID: required',
      'TENCENT_SMS_SDK_APP_ID',
      'TENCENT_SMS_REGION',
      'TENCENT_SMS_TEMPLATE_PARAMS',
    ])
      expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(name)]))
  })

  it('allows plain http only for a stand-in on this machine', () => {
    expect(problemsOf({ ...TENCENT, TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual([])
    expect(problemsOf({ ...TENCENT, TENCENT_SMS_ENDPOINT: 'http://sms.example.com' })).toEqual([
      expect.stringContaining('TENCENT_SMS_ENDPOINT'),
    ])
  })

  it('says so when Tencent settings are given but the log sender is chosen', () => {
    const { BANGBAN_SMS: _, ...withoutSwitch } = TENCENT
    expect(problemsOf(withoutSwitch)).toEqual([expect.stringContaining('BANGBAN_SMS is not tencent')])
  })

  it('refuses an unknown sender', () => {
    expect(problemsOf({ BANGBAN_SMS: 'aliyun' })).toEqual(['BANGBAN_SMS: must be log or tencent'])
  })
})
