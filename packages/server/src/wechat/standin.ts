/**
 * A local stand-in for the parts of WeChat's server API (api.weixin.qq.com) the service uses, for
 * tests and local development. It keeps WeChat's protocol so the real adapters run against it
 * unchanged, and refuses what WeChat refuses, with WeChat's errcodes:
 * - GET /sns/jscode2session: exactly appid, secret, js_code and grant_type=authorization_code;
 *   a code works once (40163 after), for five minutes (40029 when unknown or expired).
 * - POST /cgi-bin/stable_token: JSON {grant_type: client_credential, appid, secret, force_refresh?};
 *   the same token for its 7200 s unless force_refresh, which ends the old one.
 * - POST /cgi-bin/message/subscribe/send?access_token=…: a live token (40001, 42001), a known
 *   template (40037), a user who accepted that template, one message per acceptance (43101),
 *   the template's keywords with values within WeChat's limits (47003), a page of the app (41030).
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../util/clock'
import { systemClock } from '../util/clock'

export interface WechatStandInOptions {
  readonly appid: string
  readonly secret: string
  /** Keywords of each template, e.g. { TEMPLATE_ID: ['thing1', 'time2'] }. */
  readonly templates?: Readonly<Record<string, readonly string[]>>
  /** Pages of the mini-program (app.json), without a leading slash. */
  readonly pages?: readonly string[]
  readonly clock?: Clock
}

export interface SentMessage {
  readonly touser: string
  readonly templateId: string
  readonly page: string | undefined
  readonly data: Record<string, { value: string }>
  readonly miniprogramState: string | undefined
  readonly lang: string | undefined
}

export interface WechatStandIn {
  readonly baseUrl: string
  /** What wx.login would give this user: a fresh one-time code. */
  issueCode(openid: string, unionid?: string): string
  /** The user tapped 允许 for this template in wx.requestSubscribeMessage: one message may be sent. */
  acceptSubscription(openid: string, templateId: string): void
  /** Messages delivered, in order. */
  readonly sent: readonly SentMessage[]
  /** Every request: path (no query: it carries secrets), and the errcode answered (0 for success). */
  readonly requests: ReadonlyArray<{ method: string; path: string; errcode: number }>
  /** Tokens issued by stable_token, newest last. */
  readonly tokensIssued: readonly string[]
  /** The next request to `path` is answered with this errcode (e.g. -1 system busy, 45011 rate limited). */
  failNext(path: string, errcode: number, errmsg?: string): void
  /** Ends every access token now (as WeChat may), so the next send gets 42001. */
  expireTokens(): void
  close(): Promise<void>
}

class Refusal extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(errmsg)
  }
}

const CODE_TTL_MS = 5 * 60_000
const TOKEN_TTL_S = 7200

/** WeChat's limits on subscribe-message values, by keyword type. */
function valueProblem(keyword: string, value: string): string | null {
  const type = keyword.replace(/\d+$/, '')
  const chars = [...value].length
  if (chars === 0) return 'is empty'
  switch (type) {
    case 'thing':
      return chars <= 20 ? null : 'is longer than 20 characters'
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? null : 'must be up to 32 letters, digits or symbols'
    case 'number':
      return /^\d{1,32}(\.\d+)?$/.test(value) ? null : 'must be a number'
    case 'phrase':
      return /^\p{Script=Han}{1,5}$/u.test(value) ? null : 'must be up to 5 Chinese characters'
    case 'time':
    case 'date':
      return /^(\d{4}年\d{1,2}月\d{1,2}日)?\s?(\d{1,2}:\d{2})?(\s?~\s?.+)?$/.test(value) && /\d/.test(value)
        ? null
        : 'is not a date or a 24-hour time in WeChat’s format'
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value) ? null : 'must be up to 17 digits and symbols'
    case 'name':
      return chars <= 10 || (/^[A-Za-z .'-]+$/.test(value) && chars <= 20) ? null : 'is too long'
    case 'amount':
      return /^[¥$]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'is not an amount'
    default:
      return chars <= 32 ? null : 'is too long'
  }
}

export async function startWechatStandIn(options: WechatStandInOptions): Promise<WechatStandIn> {
  const clock = options.clock ?? systemClock
  const codes = new Map<string, { openid: string; unionid?: string; issuedAt: number; used: boolean }>()
  const tokens = new Map<string, number>()
  const tokensIssued: string[] = []
  let current: { token: string; expiresAt: number } | null = null
  const quota = new Map<string, number>()
  const sent: SentMessage[] = []
  const requests: Array<{ method: string; path: string; errcode: number }> = []
  const faults = new Map<string, { errcode: number; errmsg: string }>()
  const templates = options.templates ?? {}
  const pages = new Set(options.pages ?? [])
  const now = () => clock.now().getTime()

  function jscode2session(req: IncomingMessage, url: URL): Record<string, unknown> {
    if (req.method !== 'GET') throw new Refusal(43001, 'require GET method')
    const keys = [...url.searchParams.keys()].sort()
    const expected = ['appid', 'grant_type', 'js_code', 'secret']
    const unexpected = keys.filter((k) => !expected.includes(k))
    if (unexpected.length > 0) throw new Refusal(40097, `invalid args: ${unexpected.join(',')}`)
    const q = (k: string) => url.searchParams.get(k) ?? ''
    if (!q('appid')) throw new Refusal(41002, 'appid missing')
    if (q('appid') !== options.appid) throw new Refusal(40013, 'invalid appid')
    if (!q('secret')) throw new Refusal(41004, 'appsecret missing')
    if (q('secret') !== options.secret) throw new Refusal(40125, 'invalid appsecret')
    if (q('grant_type') !== 'authorization_code') throw new Refusal(40002, 'invalid grant_type')
    if (!q('js_code')) throw new Refusal(41008, 'missing code')
    const entry = codes.get(q('js_code'))
    if (!entry || now() - entry.issuedAt > CODE_TTL_MS) throw new Refusal(40029, 'invalid code')
    if (entry.used) throw new Refusal(40163, 'code been used')
    entry.used = true
    return {
      session_key: randomBytes(16).toString('base64'),
      openid: entry.openid,
      ...(entry.unionid ? { unionid: entry.unionid } : {}),
    }
  }

  function stableToken(req: IncomingMessage, body: unknown): Record<string, unknown> {
    if (req.method !== 'POST') throw new Refusal(43002, 'require POST method')
    if (!/^application\/json/.test(req.headers['content-type'] ?? ''))
      throw new Refusal(47001, 'data format error: body must be JSON')
    const b = body as Record<string, unknown> | null
    if (!b || typeof b !== 'object') throw new Refusal(47001, 'data format error')
    if (b.grant_type !== 'client_credential') throw new Refusal(40002, 'invalid grant_type')
    if (b.appid !== options.appid) throw new Refusal(40013, 'invalid appid')
    if (b.secret !== options.secret) throw new Refusal(40125, 'invalid appsecret')
    if (b.force_refresh !== undefined && typeof b.force_refresh !== 'boolean')
      throw new Refusal(47001, 'data format error: force_refresh must be a boolean')
    const live = current && current.expiresAt > now() ? current : null
    if (live && b.force_refresh !== true) {
      return { access_token: live.token, expires_in: Math.floor((live.expiresAt - now()) / 1000) }
    }
    if (live) tokens.delete(live.token)
    const token = randomBytes(48).toString('base64url')
    current = { token, expiresAt: now() + TOKEN_TTL_S * 1000 }
    tokens.set(token, current.expiresAt)
    tokensIssued.push(token)
    return { access_token: token, expires_in: TOKEN_TTL_S }
  }

  function subscribeSend(req: IncomingMessage, url: URL, body: unknown): Record<string, unknown> {
    if (req.method !== 'POST') throw new Refusal(43002, 'require POST method')
    const token = url.searchParams.get('access_token')
    if (!token) throw new Refusal(41001, 'access_token missing')
    const expiresAt = tokens.get(token)
    if (expiresAt === undefined)
      throw new Refusal(40001, 'invalid credential, access_token is invalid or not latest')
    if (expiresAt <= now()) throw new Refusal(42001, 'access_token expired')
    const b = body as Record<string, unknown> | null
    if (!b || typeof b !== 'object') throw new Refusal(47001, 'data format error')
    const touser = b.touser
    if (typeof touser !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(touser))
      throw new Refusal(40003, 'invalid openid')
    const templateId = b.template_id
    const keywords = typeof templateId === 'string' ? templates[templateId] : undefined
    if (typeof templateId !== 'string' || !keywords) throw new Refusal(40037, 'invalid template_id')
    const page = b.page
    if (page !== undefined) {
      if (typeof page !== 'string' || !pages.has(page.replace(/^\//, '').split('?')[0]!))
        throw new Refusal(41030, 'invalid page')
    }
    if (
      b.miniprogram_state !== undefined &&
      !['developer', 'trial', 'formal'].includes(String(b.miniprogram_state))
    )
      throw new Refusal(47003, 'argument invalid! miniprogram_state')
    if (b.lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(b.lang)))
      throw new Refusal(47003, 'argument invalid! lang')
    const data = b.data as Record<string, unknown> | undefined
    if (!data || typeof data !== 'object') throw new Refusal(47003, 'argument invalid! data is empty')
    for (const keyword of keywords) {
      const entry = data[keyword] as { value?: unknown } | undefined
      if (!entry || typeof entry.value !== 'string')
        throw new Refusal(47003, `argument invalid! data.${keyword}.value is empty`)
      const problem = valueProblem(keyword, entry.value)
      if (problem) throw new Refusal(47003, `argument invalid! data.${keyword}.value ${problem}`)
    }
    const extra = Object.keys(data).filter((k) => !keywords.includes(k))
    if (extra.length > 0) throw new Refusal(47003, `argument invalid! data.${extra[0]} not in template`)
    const key = `${touser} ${templateId}`
    const left = quota.get(key) ?? 0
    if (left <= 0) throw new Refusal(43101, 'user refuse to accept the msg')
    quota.set(key, left - 1)
    sent.push({
      touser,
      templateId,
      page: page as string | undefined,
      data: data as Record<string, { value: string }>,
      miniprogramState: b.miniprogram_state as string | undefined,
      lang: b.lang as string | undefined,
    })
    return {}
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const path = url.pathname
    let answer: Record<string, unknown>
    try {
      const text = await readBody(req)
      const fault = faults.get(path)
      if (fault) {
        faults.delete(path)
        throw new Refusal(fault.errcode, fault.errmsg)
      }
      let body: unknown = undefined
      if (text.length > 0) {
        try {
          body = JSON.parse(text)
        } catch {
          throw new Refusal(47001, 'data format error')
        }
      }
      if (path === '/sns/jscode2session') answer = jscode2session(req, url)
      else if (path === '/cgi-bin/stable_token') answer = stableToken(req, body)
      else if (path === '/cgi-bin/message/subscribe/send')
        answer = { errcode: 0, errmsg: 'ok', ...subscribeSend(req, url, body) }
      else {
        res.writeHead(404).end()
        requests.push({ method: req.method ?? '', path, errcode: 404 })
        return
      }
      requests.push({ method: req.method ?? '', path, errcode: 0 })
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      answer = { errcode: error.errcode, errmsg: `${error.errmsg} rid: ${randomBytes(6).toString('hex')}` }
      requests.push({ method: req.method ?? '', path, errcode: error.errcode })
    }
    // WeChat answers refusals with HTTP 200 too; jscode2session's type is text/plain.
    const type = path === '/sns/jscode2session' ? 'text/plain' : 'application/json; encoding=utf-8'
    res.writeHead(200, { 'Content-Type': type }).end(JSON.stringify(answer))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    issueCode(openid, unionid) {
      const code = randomBytes(16).toString('hex')
      codes.set(code, { openid, ...(unionid ? { unionid } : {}), issuedAt: now(), used: false })
      return code
    },
    acceptSubscription(openid, templateId) {
      const key = `${openid} ${templateId}`
      quota.set(key, (quota.get(key) ?? 0) + 1)
    },
    sent,
    requests,
    tokensIssued,
    failNext(path, errcode, errmsg = 'system error') {
      faults.set(path, { errcode, errmsg })
    },
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, now())
      if (current) current.expiresAt = now()
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
