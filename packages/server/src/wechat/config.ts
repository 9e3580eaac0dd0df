/**
 * The mini-program's WeChat settings (sign-in and subscribe messages). Nothing set → null: the
 * development stand-ins sign in and "send" locally. Something set → the AppID and AppSecret must
 * both be right; every problem is listed at once.
 */
import { z } from 'zod'

export const OFFICIAL_API_BASE_URL = 'https://api.weixin.qq.com'

/** Which of our fields goes into which keyword of a subscribe-message template (e.g. thing1). */
export type TemplateFields<F extends string> = Readonly<Record<F, string>>

export interface SubscribeTemplate<F extends string> {
  readonly id: string
  readonly fields: TemplateFields<F>
}

export type AppointmentField = 'service' | 'time' | 'ticket' | 'place'
export type RequestField = 'requestNo' | 'status' | 'time' | 'note'

export interface WechatMiniProgramConfig {
  readonly baseUrl: string
  readonly appid: string
  readonly secret: string
  /** Which version of the mini-program a message opens: developer, trial or formal. */
  readonly miniprogramState: 'developer' | 'trial' | 'formal'
  readonly templates: {
    readonly appointment: SubscribeTemplate<AppointmentField> | null
    readonly request: SubscribeTemplate<RequestField> | null
  }
}

export class WechatConfigError extends Error {
  override readonly name = 'WechatConfigError'
  constructor(readonly problems: string[]) {
    super(`WeChat is partly configured:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

export const WECHAT_ENV_VARS = [
  'WECHAT_API_BASE_URL',
  'WECHAT_APPID',
  'WECHAT_APPSECRET',
  'WECHAT_MINIPROGRAM_STATE',
  'WECHAT_TEMPLATE_APPOINTMENT_ID',
  'WECHAT_TEMPLATE_APPOINTMENT_FIELDS',
  'WECHAT_TEMPLATE_REQUEST_ID',
  'WECHAT_TEMPLATE_REQUEST_FIELDS',
] as const

/**
 * Keywords of the templates we chose in the 公共模板库 (预约成功通知, 工单进度通知); another
 * template's keywords are set with *_FIELDS, e.g. `service=thing2,time=time5,ticket=character_string1,place=thing3`.
 */
export const DEFAULT_APPOINTMENT_FIELDS = 'service=thing1,time=time2,ticket=character_string3,place=thing4'
export const DEFAULT_REQUEST_FIELDS = 'requestNo=character_string1,status=phrase2,time=time3,note=thing4'

const KEYWORD = /^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|name|phrase)\d+$/
const TEMPLATE_ID = /^[A-Za-z0-9_-]{20,64}$/

const Env = z.object({
  WECHAT_API_BASE_URL: z.url({ protocol: /^https?$/ }).default(OFFICIAL_API_BASE_URL),
  WECHAT_APPID: z.string().regex(/^wx[0-9a-zA-Z]{16}$/, 'must look like wx followed by 16 characters'),
  WECHAT_APPSECRET: z.string().regex(/^[0-9a-zA-Z]{32}$/, 'must be the 32-character AppSecret'),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  WECHAT_TEMPLATE_APPOINTMENT_ID: z.string().regex(TEMPLATE_ID, 'is not a template id').optional(),
  WECHAT_TEMPLATE_APPOINTMENT_FIELDS: z.string().default(DEFAULT_APPOINTMENT_FIELDS),
  WECHAT_TEMPLATE_REQUEST_ID: z.string().regex(TEMPLATE_ID, 'is not a template id').optional(),
  WECHAT_TEMPLATE_REQUEST_FIELDS: z.string().default(DEFAULT_REQUEST_FIELDS),
})

function parseFields<F extends string>(
  problems: string[],
  name: string,
  text: string,
  ours: readonly F[],
): TemplateFields<F> | null {
  const pairs = text.split(',').map((part) => part.trim().split('='))
  const map = new Map<string, string>()
  for (const [field, keyword] of pairs) {
    if (!field || !keyword || !(ours as readonly string[]).includes(field) || !KEYWORD.test(keyword)) {
      problems.push(`${name} must be ${ours.map((f) => `${f}=<keyword>`).join(',')} (keywords like thing1)`)
      return null
    }
    map.set(field, keyword)
  }
  const missing = ours.filter((f) => !map.has(f))
  if (missing.length > 0) {
    problems.push(`${name} lacks ${missing.join(', ')}`)
    return null
  }
  return Object.fromEntries(map) as TemplateFields<F>
}

export function loadWechatConfig(env: NodeJS.ProcessEnv = process.env): WechatMiniProgramConfig | null {
  const set = Object.fromEntries(WECHAT_ENV_VARS.flatMap((k) => (env[k] ? [[k, env[k]]] : [])))
  if (Object.keys(set).length === 0) return null
  const problems: string[] = []
  const parsed = Env.safeParse(set)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.')
      problems.push(set[name] === undefined ? `${name} is missing` : `${name} ${issue.message}`)
    }
  }
  const e = parsed.success ? parsed.data : undefined
  if (
    set.WECHAT_API_BASE_URL?.startsWith('http:') &&
    !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(set.WECHAT_API_BASE_URL)
  )
    problems.push('WECHAT_API_BASE_URL must be https (plain http only for a local stand-in)')
  const appointmentFields = parseFields<AppointmentField>(
    problems,
    'WECHAT_TEMPLATE_APPOINTMENT_FIELDS',
    set.WECHAT_TEMPLATE_APPOINTMENT_FIELDS ?? DEFAULT_APPOINTMENT_FIELDS,
    ['service', 'time', 'ticket', 'place'],
  )
  const requestFields = parseFields<RequestField>(
    problems,
    'WECHAT_TEMPLATE_REQUEST_FIELDS',
    set.WECHAT_TEMPLATE_REQUEST_FIELDS ?? DEFAULT_REQUEST_FIELDS,
    ['requestNo', 'status', 'time', 'note'],
  )
  if (problems.length > 0 || !e || !appointmentFields || !requestFields) throw new WechatConfigError(problems)
  return {
    baseUrl: e.WECHAT_API_BASE_URL.replace(/\/+$/, ''),
    appid: e.WECHAT_APPID,
    secret: e.WECHAT_APPSECRET,
    miniprogramState: e.WECHAT_MINIPROGRAM_STATE,
    templates: {
      appointment: e.WECHAT_TEMPLATE_APPOINTMENT_ID
        ? { id: e.WECHAT_TEMPLATE_APPOINTMENT_ID, fields: appointmentFields }
        : null,
      request: e.WECHAT_TEMPLATE_REQUEST_ID
        ? { id: e.WECHAT_TEMPLATE_REQUEST_ID, fields: requestFields }
        : null,
    },
  }
}
