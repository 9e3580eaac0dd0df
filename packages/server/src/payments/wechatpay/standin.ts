/**
 * A local stand-in for WeChat Pay API v3, for tests and local development. It keeps WeChat's
 * protocol (so the real client runs against it unchanged): requests whose Authorization does not
 * verify against the merchant public key get 401 SIGN_ERROR, every response is signed with the
 * platform key, and payment/refund callbacks are signed and AES-GCM encrypted.
 * Error codes follow WeChat's tables; HTTP statuses for business refusals are our best reading.
 */
import { randomInt, randomUUID, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomNonce, systemWechatPayClock, toWechatTime, unixSeconds, type WechatPayClock } from './common'
import { encryptResource } from './decrypt'
import type { RefundStatus, TradeState } from './schemas'
import {
  AUTH_SCHEMA,
  parseAuthorization,
  requestSignatureMessage,
  signSha256Rsa,
  verifySha256Rsa,
} from './signing'

export interface StandInOptions {
  mchid: string
  appid: string
  merchantSerial: string
  merchantPublicKey: KeyObject
  /** The key it signs responses and callbacks with, announced as `platformSerial`. */
  platformPrivateKey: KeyObject
  /** A certificate serial or a `PUB_KEY_ID_…`. */
  platformSerial: string
  apiV3Key: string | Uint8Array
  clock?: WechatPayClock
  /** Used to deliver callbacks. */
  fetch?: typeof fetch
}

export interface StandInOrder {
  outTradeNo: string
  tradeType: 'NATIVE' | 'JSAPI'
  appid: string
  description: string
  totalFen: number
  notifyUrl: string
  timeExpire: string | undefined
  attach: string | undefined
  payerOpenid: string | undefined
  state: TradeState
  codeUrl: string | undefined
  transactionId: string | undefined
  successTime: string | undefined
}

export interface StandInRefund {
  refundId: string
  outRefundNo: string
  outTradeNo: string
  transactionId: string
  refundFen: number
  totalFen: number
  reason: string | undefined
  notifyUrl: string | undefined
  status: RefundStatus
  createTime: string
  successTime: string | undefined
}

/** A callback ready to send (or to replay, tamper with, or deliver late). */
export interface BuiltNotification {
  url: string
  headers: Record<string, string>
  body: string
}

export interface WechatPayStandIn {
  readonly baseUrl: string
  readonly orders: ReadonlyMap<string, StandInOrder>
  readonly refunds: ReadonlyMap<string, StandInRefund>
  /** Every request seen, with the status answered. */
  readonly requests: ReadonlyArray<{ method: string; url: string; status: number; code?: string }>
  /** Marks a NOTPAY order paid and posts TRANSACTION.SUCCESS to its notify_url; resolves to the HTTP status received. */
  simulatePayment(outTradeNo: string, opts?: { openid?: string }): Promise<number>
  /** Marks a NOTPAY order paid without calling back. */
  markPaid(outTradeNo: string, opts?: { openid?: string }): StandInOrder
  /** The TRANSACTION.SUCCESS callback for a paid order, not sent. `timestamp` (s) overrides the signing time. */
  buildPaymentNotification(outTradeNo: string, opts?: { timestamp?: number }): BuiltNotification
  /** Finishes a PROCESSING refund; posts REFUND.<status> when the refund named a notify_url (status received, else null). */
  settleRefund(outRefundNo: string, status?: Exclude<RefundStatus, 'PROCESSING'>): Promise<number | null>
  buildRefundNotification(outRefundNo: string, opts?: { timestamp?: number; url?: string }): BuiltNotification
  /** Sends a built callback as is. */
  deliver(n: BuiltNotification): Promise<number>
  /** The next API request (after its signature check) is answered with this error. */
  failNextRequest(status: number, code: string, message?: string): void
  close(): Promise<void>
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const TRADE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
  REVOKED: '已撤销',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
}
const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/

function digits(n: number): string {
  return Array.from({ length: n }, () => randomInt(10)).join('')
}
function compactDate(at: Date, withTime: boolean): string {
  return toWechatTime(at)
    .replace(/[-:T]/g, '')
    .slice(0, withTime ? 14 : 8)
}
function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
function fen(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) > 0
}

export async function startWechatPayStandIn(opts: StandInOptions): Promise<WechatPayStandIn> {
  const clock = opts.clock ?? systemWechatPayClock
  const send = opts.fetch ?? fetch
  const orders = new Map<string, StandInOrder>()
  const refunds = new Map<string, StandInRefund>()
  const requests: Array<{ method: string; url: string; status: number; code?: string }> = []
  let fault: ApiError | undefined

  /** WeChat's signature headers over `timestamp\nnonce\nbody\n`. */
  function signedHeaders(body: string, timestamp = unixSeconds(clock)): Record<string, string> {
    const nonce = randomNonce()
    return {
      'Wechatpay-Timestamp': String(timestamp),
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signSha256Rsa(opts.platformPrivateKey, `${timestamp}\n${nonce}\n${body}\n`),
      'Wechatpay-Serial': opts.platformSerial,
      'Wechatpay-Signature-Type': AUTH_SCHEMA,
    }
  }

  function reply(res: ServerResponse, status: number, payload?: unknown): void {
    const body = payload === undefined ? '' : JSON.stringify(payload)
    res.writeHead(status, {
      ...signedHeaders(body),
      'Request-ID': randomUUID().replace(/-/g, ''),
      ...(payload === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    })
    res.end(body)
  }

  /** WeChat's check of our request signature, exactly as the merchant is told to compute it. */
  function checkSignature(req: IncomingMessage, body: string): void {
    const auth = parseAuthorization(req.headers.authorization)
    if (!auth) throw new ApiError(401, 'SIGN_ERROR', 'Authorization 头缺失或格式错误')
    if (auth.mchid !== opts.mchid) throw new ApiError(401, 'SIGN_ERROR', `商户号 ${auth.mchid} 与签名不匹配`)
    if (auth.serial_no.toUpperCase() !== opts.merchantSerial.toUpperCase())
      throw new ApiError(401, 'SIGN_ERROR', '商户证书序列号有误')
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(unixSeconds(clock) - Number(auth.timestamp)) > 300) {
      throw new ApiError(401, 'SIGN_ERROR', '请求时间戳已过期')
    }
    const message = requestSignatureMessage({
      method: req.method ?? '',
      pathWithQuery: req.url ?? '',
      timestamp: auth.timestamp,
      nonce: auth.nonce_str,
      body,
    })
    if (!verifySha256Rsa(opts.merchantPublicKey, message, auth.signature))
      throw new ApiError(401, 'SIGN_ERROR', '签名错误')
  }

  function transactionView(o: StandInOrder): Record<string, unknown> {
    const paid = o.transactionId !== undefined
    return {
      appid: o.appid,
      mchid: opts.mchid,
      out_trade_no: o.outTradeNo,
      trade_state: o.state,
      trade_state_desc: TRADE_DESC[o.state],
      ...(o.attach !== undefined ? { attach: o.attach } : {}),
      ...(paid
        ? {
            transaction_id: o.transactionId,
            trade_type: o.tradeType,
            bank_type: 'OTHERS',
            success_time: o.successTime,
            payer: { openid: o.payerOpenid },
            amount: { total: o.totalFen, payer_total: o.totalFen, currency: 'CNY', payer_currency: 'CNY' },
          }
        : { amount: { total: o.totalFen, currency: 'CNY', payer_currency: 'CNY' } }),
    }
  }

  function refundView(r: StandInRefund): Record<string, unknown> {
    return {
      refund_id: r.refundId,
      out_refund_no: r.outRefundNo,
      transaction_id: r.transactionId,
      out_trade_no: r.outTradeNo,
      channel: 'ORIGINAL',
      user_received_account: '支付用户零钱',
      create_time: r.createTime,
      ...(r.successTime ? { success_time: r.successTime } : {}),
      status: r.status,
      funds_account: 'AVAILABLE',
      amount: {
        total: r.totalFen,
        refund: r.refundFen,
        payer_total: r.totalFen,
        payer_refund: r.refundFen,
        settlement_total: r.totalFen,
        settlement_refund: r.refundFen,
        discount_refund: 0,
        currency: 'CNY',
        refund_fee: 0,
      },
    }
  }

  function createOrder(kind: 'NATIVE' | 'JSAPI', b: Record<string, unknown>): Record<string, unknown> {
    if (b.mchid !== opts.mchid) throw new ApiError(400, 'MCH_NOT_EXISTS', '商户号不存在')
    if (b.appid !== opts.appid) throw new ApiError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    const amount = isObject(b.amount) ? b.amount : {}
    const openid = isObject(b.payer) ? b.payer.openid : undefined
    if (typeof b.out_trade_no !== 'string' || !OUT_TRADE_NO.test(b.out_trade_no))
      throw new ApiError(400, 'PARAM_ERROR', 'out_trade_no 格式错误')
    if (typeof b.description !== 'string' || b.description.length < 1 || b.description.length > 127) {
      throw new ApiError(400, 'PARAM_ERROR', 'description 长度错误')
    }
    if (!fen(amount.total)) throw new ApiError(400, 'PARAM_ERROR', 'amount.total 必须为正整数（分）')
    if (amount.currency !== undefined && amount.currency !== 'CNY')
      throw new ApiError(400, 'PARAM_ERROR', 'amount.currency 仅支持 CNY')
    if (typeof b.notify_url !== 'string' || !/^https?:\/\/[^?]+$/.test(b.notify_url))
      throw new ApiError(400, 'PARAM_ERROR', 'notify_url 格式错误')
    if (kind === 'JSAPI' && (typeof openid !== 'string' || openid.length === 0))
      throw new ApiError(400, 'PARAM_ERROR', 'payer.openid 必填')
    if (
      b.time_expire !== undefined &&
      (typeof b.time_expire !== 'string' || Number.isNaN(Date.parse(b.time_expire)))
    ) {
      throw new ApiError(400, 'PARAM_ERROR', 'time_expire 格式错误')
    }

    const existing = orders.get(b.out_trade_no)
    if (existing) {
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        throw new ApiError(403, 'ORDERPAID', '该订单已支付')
      if (existing.state === 'CLOSED') throw new ApiError(400, 'ORDER_CLOSED', '订单已关闭')
      const same =
        existing.tradeType === kind &&
        existing.description === b.description &&
        existing.totalFen === amount.total &&
        existing.payerOpenid === (kind === 'JSAPI' ? openid : undefined)
      if (!same) throw new ApiError(403, 'OUT_TRADE_NO_USED', '商户订单号重复')
    } else {
      orders.set(b.out_trade_no, {
        outTradeNo: b.out_trade_no,
        tradeType: kind,
        appid: opts.appid,
        description: b.description,
        totalFen: amount.total,
        notifyUrl: b.notify_url,
        timeExpire: b.time_expire as string | undefined,
        attach: typeof b.attach === 'string' ? b.attach : undefined,
        payerOpenid: kind === 'JSAPI' ? (openid as string) : undefined,
        state: 'NOTPAY',
        codeUrl: kind === 'NATIVE' ? `weixin://wxpay/bizpayurl?pr=${randomNonce().slice(0, 9)}` : undefined,
        transactionId: undefined,
        successTime: undefined,
      })
    }
    const order = orders.get(b.out_trade_no) as StandInOrder
    // Re-ordering with identical parameters gives a fresh prepay_id, as WeChat does.
    if (kind === 'NATIVE') return { code_url: order.codeUrl }
    return { prepay_id: `wx${compactDate(clock.now(), true)}${randomNonce().toLowerCase().slice(0, 20)}` }
  }

  function findOrder(outTradeNo: string): StandInOrder {
    const o = orders.get(decodeURIComponent(outTradeNo))
    if (!o) throw new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在')
    return o
  }

  function createRefund(b: Record<string, unknown>): Record<string, unknown> {
    const amount = isObject(b.amount) ? b.amount : {}
    if (typeof b.out_refund_no !== 'string' || !OUT_REFUND_NO.test(b.out_refund_no))
      throw new ApiError(400, 'PARAM_ERROR', 'out_refund_no 格式错误')
    if (!fen(amount.refund) || !fen(amount.total))
      throw new ApiError(400, 'PARAM_ERROR', 'amount.refund/total 必须为正整数（分）')
    if (amount.currency !== 'CNY') throw new ApiError(400, 'PARAM_ERROR', 'amount.currency 必须为 CNY')
    const order =
      typeof b.out_trade_no === 'string'
        ? orders.get(b.out_trade_no)
        : [...orders.values()].find(
            (o) => o.transactionId !== undefined && o.transactionId === b.transaction_id,
          )
    if (!order) throw new ApiError(404, 'RESOURCE_NOT_EXISTS', '订单不存在')

    const previous = refunds.get(b.out_refund_no)
    if (previous) {
      // Same out_refund_no is the same refund: retrying it never refunds twice.
      if (previous.outTradeNo !== order.outTradeNo || previous.refundFen !== amount.refund) {
        throw new ApiError(400, 'INVALID_REQUEST', '退款单号已存在且参数不一致')
      }
      return refundView(previous)
    }
    if (order.transactionId === undefined) throw new ApiError(400, 'INVALID_REQUEST', '订单未支付，不能退款')
    if (amount.total !== order.totalFen) throw new ApiError(400, 'INVALID_REQUEST', '订单金额与原订单不一致')
    const refunded = [...refunds.values()]
      .filter((r) => r.outTradeNo === order.outTradeNo && r.status !== 'CLOSED')
      .reduce((sum, r) => sum + r.refundFen, 0)
    if (refunded + amount.refund > order.totalFen)
      throw new ApiError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')

    const refund: StandInRefund = {
      refundId: `50300${compactDate(clock.now(), false)}${digits(16)}`,
      outRefundNo: b.out_refund_no,
      outTradeNo: order.outTradeNo,
      transactionId: order.transactionId,
      refundFen: amount.refund,
      totalFen: amount.total,
      reason: typeof b.reason === 'string' ? b.reason : undefined,
      notifyUrl: typeof b.notify_url === 'string' ? b.notify_url : undefined,
      status: 'PROCESSING',
      createTime: toWechatTime(clock.now()),
      successTime: undefined,
    }
    refunds.set(refund.outRefundNo, refund)
    order.state = 'REFUND'
    return refundView(refund)
  }

  function route(
    method: string,
    url: URL,
    b: Record<string, unknown>,
  ): { status: number; payload?: unknown } {
    const p = url.pathname
    let m: RegExpMatchArray | null
    const queryMchid = (): void => {
      if (url.searchParams.get('mchid') !== opts.mchid)
        throw new ApiError(400, 'PARAM_ERROR', 'mchid 与请求商户不一致')
    }
    if (method === 'POST' && p === '/v3/pay/transactions/native')
      return { status: 200, payload: createOrder('NATIVE', b) }
    if (method === 'POST' && p === '/v3/pay/transactions/jsapi')
      return { status: 200, payload: createOrder('JSAPI', b) }
    if (method === 'GET' && (m = p.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/)) && m[1]) {
      queryMchid()
      return { status: 200, payload: transactionView(findOrder(m[1])) }
    }
    if (method === 'GET' && (m = p.match(/^\/v3\/pay\/transactions\/id\/([^/]+)$/)) && m[1]) {
      queryMchid()
      const o = [...orders.values()].find((x) => x.transactionId === m?.[1])
      if (!o) throw new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在')
      return { status: 200, payload: transactionView(o) }
    }
    if (
      method === 'POST' &&
      (m = p.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/)) &&
      m[1]
    ) {
      if (b.mchid !== opts.mchid) throw new ApiError(400, 'PARAM_ERROR', 'mchid 与请求商户不一致')
      const o = findOrder(m[1])
      if (o.state === 'SUCCESS' || o.state === 'REFUND')
        throw new ApiError(403, 'ORDERPAID', '订单已支付，不能关闭')
      o.state = 'CLOSED'
      return { status: 204 }
    }
    if (method === 'POST' && p === '/v3/refund/domestic/refunds')
      return { status: 200, payload: createRefund(b) }
    if (method === 'GET' && (m = p.match(/^\/v3\/refund\/domestic\/refunds\/([^/]+)$/)) && m[1]) {
      const r = refunds.get(decodeURIComponent(m[1]))
      if (!r) throw new ApiError(404, 'RESOURCE_NOT_EXISTS', '退款单不存在')
      return { status: 200, payload: refundView(r) }
    }
    throw new ApiError(404, 'NOT_FOUND', `no such endpoint: ${method} ${p}`)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const log: { method: string; url: string; status: number; code?: string } = {
      method,
      url: req.url ?? '',
      status: 0,
    }
    requests.push(log)
    try {
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of req) {
        size += (chunk as Buffer).length
        if (size > 1_000_000) throw new ApiError(400, 'INVALID_REQUEST', '请求体过大')
        chunks.push(chunk as Buffer)
      }
      const raw = Buffer.concat(chunks).toString('utf8')
      checkSignature(req, raw)
      if (fault) {
        const f = fault
        fault = undefined
        throw f
      }
      let body: unknown = {}
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw)
        } catch {
          throw new ApiError(400, 'INVALID_REQUEST', '请求体不是合法的 JSON')
        }
      }
      const out = route(method, new URL(req.url ?? '/', 'http://127.0.0.1'), isObject(body) ? body : {})
      log.status = out.status
      reply(res, out.status, out.payload)
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, 'SYSTEM_ERROR', '系统错误')
      log.status = e.status
      log.code = e.code
      reply(res, e.status, { code: e.code, message: e.message })
    }
  }

  function notification(
    url: string,
    eventType: string,
    summary: string,
    type: 'transaction' | 'refund',
    resource: unknown,
    timestamp?: number,
  ): BuiltNotification {
    const body = JSON.stringify({
      id: randomUUID(),
      create_time: toWechatTime(clock.now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: encryptResource(JSON.stringify(resource), opts.apiV3Key, {
        associatedData: type,
        originalType: type,
      }),
    })
    return { url, headers: { 'Content-Type': 'application/json', ...signedHeaders(body, timestamp) }, body }
  }

  async function deliver(n: BuiltNotification): Promise<number> {
    const res = await send(n.url, {
      method: 'POST',
      headers: n.headers,
      body: n.body,
      signal: AbortSignal.timeout(5000),
    })
    await res.arrayBuffer()
    return res.status
  }

  function markPaid(outTradeNo: string, o?: { openid?: string }): StandInOrder {
    const order = orders.get(outTradeNo)
    if (!order) throw new Error(`stand-in: no order ${outTradeNo}`)
    if (order.state !== 'NOTPAY')
      throw new Error(`stand-in: order ${outTradeNo} is ${order.state}, not NOTPAY`)
    if (order.timeExpire && Date.parse(order.timeExpire) <= clock.now().getTime())
      throw new Error(`stand-in: order ${outTradeNo} expired`)
    order.state = 'SUCCESS'
    order.payerOpenid = o?.openid ?? order.payerOpenid ?? 'oStandInPayer0000000000000000'
    order.transactionId = `4200001${compactDate(clock.now(), false)}${digits(13)}`
    order.successTime = toWechatTime(clock.now())
    return order
  }

  function buildPaymentNotification(outTradeNo: string, o?: { timestamp?: number }): BuiltNotification {
    const order = orders.get(outTradeNo)
    if (!order || order.transactionId === undefined)
      throw new Error(`stand-in: order ${outTradeNo} is not paid`)
    const tx = { ...transactionView(order), trade_state: 'SUCCESS', trade_state_desc: TRADE_DESC.SUCCESS }
    return notification(order.notifyUrl, 'TRANSACTION.SUCCESS', '支付成功', 'transaction', tx, o?.timestamp)
  }

  function buildRefundNotification(
    outRefundNo: string,
    o?: { timestamp?: number; url?: string },
  ): BuiltNotification {
    const r = refunds.get(outRefundNo)
    const url = o?.url ?? r?.notifyUrl
    if (!r || url === undefined)
      throw new Error(`stand-in: refund ${outRefundNo} unknown or without notify_url`)
    const notice = {
      mchid: opts.mchid,
      out_trade_no: r.outTradeNo,
      transaction_id: r.transactionId,
      out_refund_no: r.outRefundNo,
      refund_id: r.refundId,
      refund_status: r.status,
      ...(r.successTime ? { success_time: r.successTime } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: r.totalFen, refund: r.refundFen, payer_total: r.totalFen, payer_refund: r.refundFen },
    }
    const summary = r.status === 'SUCCESS' ? '退款成功' : r.status === 'CLOSED' ? '退款关闭' : '退款异常'
    return notification(url, `REFUND.${r.status}`, summary, 'refund', notice, o?.timestamp)
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    orders,
    refunds,
    requests,
    markPaid,
    buildPaymentNotification,
    buildRefundNotification,
    deliver,
    async simulatePayment(outTradeNo, o) {
      markPaid(outTradeNo, o)
      return deliver(buildPaymentNotification(outTradeNo))
    },
    async settleRefund(outRefundNo, status = 'SUCCESS') {
      const r = refunds.get(outRefundNo)
      if (!r) throw new Error(`stand-in: no refund ${outRefundNo}`)
      r.status = status
      if (status === 'SUCCESS') r.successTime = toWechatTime(clock.now())
      return r.notifyUrl ? deliver(buildRefundNotification(outRefundNo)) : null
    },
    failNextRequest(status, code, message = '系统错误') {
      fault = new ApiError(status, code, message)
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        // fetch keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections()
      }),
  }
}
