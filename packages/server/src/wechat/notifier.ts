/**
 * Subscribe messages (订阅消息) to a resident's WeChat: appointment reminders and request progress.
 * The real adapter gets the access token from getStableAccessToken (POST /cgi-bin/stable_token,
 * normal mode, kept until shortly before it ends) and sends with POST
 * /cgi-bin/message/subscribe/send. Values are fitted to WeChat's rules for each keyword type
 * (thing: 20 characters, phrase: 5 Chinese characters, …) so a long place name never costs the message.
 */
import type { Clock } from '../util/clock'
import { systemClock } from '../util/clock'
import type { AppointmentField, RequestField, SubscribeTemplate, WechatMiniProgramConfig } from './config'
import { callWechat, WechatApiError, WechatUnreachableError, type FetchLike } from './http'

export type MessageKind = 'appointment' | 'request'

export type MessageFields = {
  readonly appointment: Readonly<Record<AppointmentField, string>>
  readonly request: Readonly<Record<RequestField, string>>
}

export interface SubscribeMessage<K extends MessageKind = MessageKind> {
  readonly openid: string
  readonly kind: K
  readonly fields: MessageFields[K]
  /** A page of the mini-program the message opens, e.g. pages/records/index. */
  readonly page: string
}

/**
 * `sent`; `refused`: the user has no subscription left for it (43101), nothing to retry;
 * `unavailable`: this kind is not configured. Anything else throws (retried later).
 */
export type SendOutcome = 'sent' | 'refused' | 'unavailable'

/** The boundary to WeChat's message service; the real adapter and the development stand-in implement it. */
export interface WechatNotifier {
  readonly name: 'wechat' | 'development'
  /** The template id the mini-program asks the user to accept for a kind, or null when not configured. */
  templateId(kind: MessageKind): string | null
  send(message: SubscribeMessage): Promise<SendOutcome>
}

export class WechatSendError extends Error {
  override readonly name = 'WechatSendError'
}

/** Refresh this long before WeChat says the token ends (tokens overlap for five minutes on refresh). */
const TOKEN_MARGIN_MS = 5 * 60_000
const TOKEN_EXPIRED = new Set([40001, 42001])

/** Cuts a value to what WeChat accepts for its keyword type. */
export function fitValue(keyword: string, value: string): string {
  const type = keyword.replace(/\d+$/, '')
  const chars = [...value.trim()]
  const cut = (n: number) => (chars.length <= n ? chars.join('') : `${chars.slice(0, n - 1).join('')}…`)
  switch (type) {
    case 'thing':
      return cut(20)
    case 'name':
      return cut(10)
    case 'phrase':
      return chars
        .filter((c) => /\p{Script=Han}/u.test(c))
        .slice(0, 5)
        .join('')
    case 'character_string':
      return chars
        .filter((c) => /[\x21-\x7e]/.test(c))
        .slice(0, 32)
        .join('')
    case 'phone_number':
      return chars
        .filter((c) => /[\d+\-() ]/.test(c))
        .slice(0, 17)
        .join('')
    default:
      return cut(32)
  }
}

function templateData<F extends string>(template: SubscribeTemplate<F>, fields: Readonly<Record<F, string>>) {
  return Object.fromEntries(
    (Object.keys(template.fields) as F[]).map((field) => {
      const keyword = template.fields[field]
      return [keyword, { value: fitValue(keyword, fields[field]) }]
    }),
  )
}

export function wechatNotifier(
  config: Pick<WechatMiniProgramConfig, 'baseUrl' | 'appid' | 'secret' | 'miniprogramState' | 'templates'>,
  options: { fetch?: FetchLike; clock?: Clock } = {},
): WechatNotifier {
  const fetchFn = options.fetch ?? fetch
  const clock = options.clock ?? systemClock
  let token: { value: string; until: number } | null = null
  let pending: Promise<string> | null = null

  async function fetchToken(): Promise<string> {
    const body = await callWechat(fetchFn, 'stable_token', `${config.baseUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      json: {
        grant_type: 'client_credential',
        appid: config.appid,
        secret: config.secret,
        force_refresh: false,
      },
    })
    const { access_token: value, expires_in: seconds } = body
    if (typeof value !== 'string' || typeof seconds !== 'number')
      throw new WechatUnreachableError('stable_token: no access_token in the answer')
    token = { value, until: clock.now().getTime() + seconds * 1000 - TOKEN_MARGIN_MS }
    return value
  }

  /** One token for every sender; concurrent sends wait for the same request. */
  async function accessToken(): Promise<string> {
    if (token && token.until > clock.now().getTime()) return token.value
    pending ??= fetchToken().finally(() => {
      pending = null
    })
    return pending
  }

  async function post(kind: MessageKind, message: SubscribeMessage, retry: boolean): Promise<SendOutcome> {
    const template = config.templates[kind]
    if (!template) return 'unavailable'
    const data =
      kind === 'appointment'
        ? templateData(
            template as SubscribeTemplate<AppointmentField>,
            message.fields as MessageFields['appointment'],
          )
        : templateData(
            template as SubscribeTemplate<RequestField>,
            message.fields as MessageFields['request'],
          )
    const access = await accessToken()
    try {
      await callWechat(
        fetchFn,
        'subscribeMessage.send',
        `${config.baseUrl}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(access)}`,
        {
          method: 'POST',
          json: {
            touser: message.openid,
            template_id: template.id,
            page: message.page,
            data,
            miniprogram_state: config.miniprogramState,
            lang: 'zh_CN',
          },
        },
      )
      return 'sent'
    } catch (error) {
      if (error instanceof WechatApiError && error.errcode === 43101) return 'refused'
      if (error instanceof WechatApiError && TOKEN_EXPIRED.has(error.errcode) && retry) {
        token = null
        return post(kind, message, false)
      }
      if (error instanceof WechatApiError) throw new WechatSendError(error.message)
      throw error
    }
  }

  return {
    name: 'wechat',
    templateId: (kind) => config.templates[kind]?.id ?? null,
    send: (message) => post(message.kind, message, true),
  }
}

/**
 * Development only (no WECHAT_APPID set): messages are written to the log and kept here to look
 * at; every user counts as subscribed, so the whole path runs without WeChat.
 */
export function developmentNotifier(log: {
  info(details: Record<string, unknown>, message: string): void
}): WechatNotifier & { readonly sent: SubscribeMessage[] } {
  const sent: SubscribeMessage[] = []
  return {
    name: 'development',
    sent,
    templateId: (kind) => `development-${kind}-template`,
    async send(message) {
      sent.push(message)
      if (sent.length > 100) sent.shift()
      log.info(
        { kind: message.kind, page: message.page, fields: message.fields },
        'development WeChat message',
      )
      return 'sent'
    },
  }
}
