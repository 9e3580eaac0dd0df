/**
 * Which SMS sender the service uses (BANGBAN_SMS) and, for Tencent Cloud SMS, its settings
 * (TENCENT_SMS_*). The log sender writes sign-in codes to the service log, so it is refused where
 * NODE_ENV=production unless BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION=1 says that is intended (a
 * deployment without the mini-program, whose phone sign-in nobody uses). Every problem is listed.
 */
import { z } from 'zod'

export const OFFICIAL_SMS_ENDPOINT = 'https://sms.tencentcloudapi.com'
/** Regions the SMS API serves (Tencent's list for SendSms). */
export const SMS_REGIONS = ['ap-guangzhou', 'ap-beijing', 'ap-nanjing'] as const
/** What the template's {1}, {2}, … receive, in order. */
export type TemplateParam = 'code' | 'minutes'

export interface TencentSmsConfig {
  readonly endpoint: string
  readonly region: (typeof SMS_REGIONS)[number]
  readonly secretId: string
  readonly secretKey: string
  readonly sdkAppId: string
  readonly signName: string
  readonly templateId: string
  readonly templateParams: readonly TemplateParam[]
}

export type SmsConfig =
  { readonly sender: 'log' } | { readonly sender: 'tencent'; readonly tencent: TencentSmsConfig }

export class SmsConfigError extends Error {
  override readonly name = 'SmsConfigError'
  constructor(readonly problems: string[]) {
    super(`SMS is configured wrongly:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

export const TENCENT_SMS_ENV_VARS = [
  'TENCENT_SMS_ENDPOINT',
  'TENCENT_SMS_REGION',
  'TENCENT_SMS_SECRET_ID',
  'TENCENT_SMS_SECRET_KEY',
  'TENCENT_SMS_SDK_APP_ID',
  'TENCENT_SMS_SIGN_NAME',
  'TENCENT_SMS_TEMPLATE_ID',
  'TENCENT_SMS_TEMPLATE_PARAMS',
] as const

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

const Env = z.object({
  BANGBAN_SMS: z.enum(['log', 'tencent']).default('log'),
  BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION: z.enum(['1']).optional(),
  /** Only `production` matters here. */
  NODE_ENV: z.string().optional(),
  TENCENT_SMS_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .default(OFFICIAL_SMS_ENDPOINT)
    .refine((url) => url.startsWith('https://') || LOCAL_HOSTS.has(hostnameOf(url)), {
      message: 'must be https (plain http only for a local stand-in)',
    }),
  TENCENT_SMS_REGION: z.enum(SMS_REGIONS).default('ap-guangzhou'),
  TENCENT_SMS_SECRET_ID: z.string().regex(/^[A-Za-z0-9]{16,128}$/, 'must be the SecretId (AKID…)'),
  TENCENT_SMS_SECRET_KEY: z.string().regex(/^\S{16,128}$/, 'must be the SecretKey'),
  TENCENT_SMS_SDK_APP_ID: z.string().regex(/^\d{6,20}$/, 'must be the SMS application’s SdkAppId (digits)'),
  TENCENT_SMS_SIGN_NAME: z.string().min(1).max(50),
  TENCENT_SMS_TEMPLATE_ID: z.string().regex(/^\d{1,20}$/, 'must be the approved template’s id (digits)'),
  TENCENT_SMS_TEMPLATE_PARAMS: z
    .string()
    .default('code,minutes')
    .transform((text) => text.split(',').map((part) => part.trim()))
    .refine(
      (parts) =>
        parts.includes('code') &&
        new Set(parts).size === parts.length &&
        parts.every((part) => part === 'code' || part === 'minutes'),
      { message: 'must list code, and minutes if the template has it, each once (e.g. code,minutes)' },
    )
    .transform((parts) => parts as TemplateParam[]),
})

type Parsed = z.infer<typeof Env>

export function loadSmsConfig(env: NodeJS.ProcessEnv): SmsConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const sender = Env.shape.BANGBAN_SMS.safeParse(set.BANGBAN_SMS)
  if (!sender.success) throw new SmsConfigError(['BANGBAN_SMS: must be log or tencent'])
  const problems: string[] = []
  const tencentSet = TENCENT_SMS_ENV_VARS.filter((name) => name in set)
  if (sender.data === 'log') {
    if (tencentSet.length > 0)
      problems.push(
        `${tencentSet.join(', ')} set, but BANGBAN_SMS is not tencent: codes would only be logged`,
      )
    if (set.NODE_ENV === 'production' && set.BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION !== '1') {
      problems.push(
        'BANGBAN_SMS: the log sender writes sign-in codes to the log, not to phones; with NODE_ENV=production set BANGBAN_SMS=tencent, or BANGBAN_SMS_ALLOW_LOG_IN_PRODUCTION=1 where no one signs in by phone',
      )
    }
    if (problems.length > 0) throw new SmsConfigError(problems)
    return { sender: 'log' }
  }
  const parsed = Env.safeParse(set)
  if (!parsed.success) {
    throw new SmsConfigError(
      parsed.error.issues.map((issue) =>
        !(String(issue.path[0]) in set)
          ? `${issue.path.join('.')}: required with BANGBAN_SMS=tencent`
          : `${issue.path.join('.')}: ${issue.message}`,
      ),
    )
  }
  const data: Parsed = parsed.data
  return {
    sender: 'tencent',
    tencent: {
      endpoint: data.TENCENT_SMS_ENDPOINT.replace(/\/+$/, ''),
      region: data.TENCENT_SMS_REGION,
      secretId: data.TENCENT_SMS_SECRET_ID,
      secretKey: data.TENCENT_SMS_SECRET_KEY,
      sdkAppId: data.TENCENT_SMS_SDK_APP_ID,
      signName: data.TENCENT_SMS_SIGN_NAME,
      templateId: data.TENCENT_SMS_TEMPLATE_ID,
      templateParams: data.TENCENT_SMS_TEMPLATE_PARAMS,
    },
  }
}
