/**
 * Tencent Cloud SMS (API 3.0, SendSms, version 2021-01-11): one code to one mainland number, with
 * an approved signature (SignName) and template (TemplateId). The request is signed with
 * TC3-HMAC-SHA256. Tencent answers HTTP 200 for refusals too: a refusal of the whole request is in
 * Response.Error, a refusal of one number in its SendStatusSet entry (Code other than "Ok").
 */
import { maskPhone } from '@bangban/core/domain'
import type { SmsProvider } from '../auth/sms'
import { systemClock, type Clock } from '../util/clock'
import { AppError } from '../util/errors'
import type { TencentSmsConfig } from './config'
import { JSON_CONTENT_TYPE, signTc3 } from './tc3'

export const SMS_API_VERSION = '2021-01-11'
export const SMS_SERVICE = 'sms'
const TIMEOUT_MS = 8000

/** Refusals that are about the number, not about us: the resident can act on them. */
const RATE_LIMITED = new Set([
  'LimitExceeded.PhoneNumberThirtySecondLimit',
  'LimitExceeded.PhoneNumberOneHourLimit',
  'LimitExceeded.PhoneNumberDailyLimit',
  'LimitExceeded.PhoneNumberSameContentDailyLimit',
])
const WRONG_NUMBER = new Set(['InvalidParameterValue.IncorrectPhoneNumber'])

export interface TencentSmsOptions {
  readonly fetch?: typeof fetch
  readonly clock?: Clock
  readonly log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void }
}

/** The SendSms request body for one number. */
export function sendSmsBody(config: TencentSmsConfig, phone: string, code: string, ttlMinutes: number) {
  return {
    PhoneNumberSet: [`+86${phone}`],
    SmsSdkAppId: config.sdkAppId,
    SignName: config.signName,
    TemplateId: config.templateId,
    TemplateParamSet: config.templateParams.map((param) => (param === 'code' ? code : String(ttlMinutes))),
  }
}

export function tencentSmsProvider(config: TencentSmsConfig, options: TencentSmsOptions = {}): SmsProvider {
  const fetchFn = options.fetch ?? fetch
  const clock = options.clock ?? systemClock
  const url = new URL(`${config.endpoint}/`)
  const refused = (phone: string, code: string, message: string, requestId: unknown): never => {
    options.log?.warn(
      { phone: maskPhone(phone), code, message, requestId: typeof requestId === 'string' ? requestId : null },
      'Tencent Cloud SMS refused to send a code',
    )
    if (RATE_LIMITED.has(code)) throw new AppError('RATE_LIMITED')
    if (WRONG_NUMBER.has(code)) throw new AppError('INVALID_PHONE')
    throw new AppError('SERVICE_UNAVAILABLE')
  }
  const unreachable = (phone: string, why: string): never => {
    options.log?.warn({ phone: maskPhone(phone), why }, 'Tencent Cloud SMS could not be reached')
    throw new AppError('SERVICE_UNAVAILABLE')
  }
  return {
    name: 'tencent',
    async sendCode(phone, code, ttlMinutes) {
      const payload = JSON.stringify(sendSmsBody(config, phone, code, ttlMinutes))
      const timestamp = Math.floor(clock.now().getTime() / 1000)
      const { authorization } = signTc3({
        secretId: config.secretId,
        secretKey: config.secretKey,
        service: SMS_SERVICE,
        host: url.host,
        action: 'SendSms',
        timestamp,
        payload,
      })
      let status: number
      let text: string
      try {
        const response = await fetchFn(url, {
          method: 'POST',
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            authorization,
            'content-type': JSON_CONTENT_TYPE,
            'x-tc-action': 'SendSms',
            'x-tc-version': SMS_API_VERSION,
            'x-tc-timestamp': String(timestamp),
            'x-tc-region': config.region,
          },
          body: payload,
        })
        status = response.status
        text = await response.text()
      } catch (error) {
        return unreachable(phone, error instanceof Error ? error.name : 'request failed')
      }
      if (status !== 200) return unreachable(phone, `HTTP ${status}`)
      let answer: unknown
      try {
        answer = JSON.parse(text)
      } catch {
        return unreachable(phone, 'the answer is not JSON')
      }
      const response = (answer as { Response?: Record<string, unknown> } | null)?.Response
      if (typeof response !== 'object' || response === null) return unreachable(phone, 'no Response object')
      const error = response.Error as { Code?: unknown; Message?: unknown } | undefined
      if (error) return refused(phone, String(error.Code), String(error.Message ?? ''), response.RequestId)
      const statuses = Array.isArray(response.SendStatusSet) ? response.SendStatusSet : []
      const mine = statuses.find(
        (entry: { PhoneNumber?: unknown }) => entry?.PhoneNumber === `+86${phone}`,
      ) as { Code?: unknown; Message?: unknown; SerialNo?: unknown } | undefined
      if (!mine) return unreachable(phone, 'no send status for the number')
      if (mine.Code !== 'Ok')
        return refused(phone, String(mine.Code), String(mine.Message ?? ''), response.RequestId)
      options.log?.info(
        { phone: maskPhone(phone), serialNo: mine.SerialNo, requestId: response.RequestId },
        'SMS code sent',
      )
    },
  }
}
