/**
 * WeChat Pay API v3 client over an injected `fetch`: every request is signed, every response's
 * signature is verified over its raw bytes before anything in it is believed.
 */
import { z } from 'zod'
import { randomNonce, systemWechatPayClock, toWechatTime, unixSeconds, type WechatPayClock } from './common'
import { WechatPayError } from './errors'
import { ErrorBody, Refund, Transaction } from './schemas'
import {
  buildAuthorization,
  buildRequestPaymentParams,
  type MerchantIdentity,
  type RequestPaymentParams,
} from './signing'
import { verifyWechatpaySignature, type VerificationKeys } from './verify'

export interface WechatPayClientOptions extends MerchantIdentity {
  baseUrl: string
  appid: string
  /** Default `notify_url` for orders. */
  notifyUrl: string
  verificationKeys: VerificationKeys
  fetch?: typeof fetch
  clock?: WechatPayClock
  nonce?: () => string
  /** Per request; a timeout is an unknown outcome (NETWORK_ERROR), safe to retry with the same numbers. */
  timeoutMs?: number
}

export interface OrderInput {
  outTradeNo: string
  description: string
  amountFen: number
  notifyUrl?: string
  /** WeChat needs it ≥ 1 min ahead; without it the order is unpayable after 7 days. */
  timeExpire?: Date
  attach?: string
}

export interface RefundInput {
  outTradeNo: string
  outRefundNo: string
  refundFen: number
  totalFen: number
  reason?: string
  /** Where REFUND.* callbacks go; without it, the URL configured in the merchant console. */
  notifyUrl?: string
}

export interface WechatPayClient {
  createNativeOrder(input: OrderInput): Promise<{ codeUrl: string }>
  createJsapiOrder(
    input: OrderInput & { payerOpenid: string },
  ): Promise<{ prepayId: string; requestPayment: RequestPaymentParams }>
  /** Fresh `requestPayment` parameters for an existing prepay_id (valid 2 h). */
  requestPaymentFor(prepayId: string): RequestPaymentParams
  queryOrder(outTradeNo: string): Promise<Transaction>
  queryOrderByTransactionId(transactionId: string): Promise<Transaction>
  closeOrder(outTradeNo: string): Promise<void>
  refund(input: RefundInput): Promise<Refund>
  queryRefund(outRefundNo: string): Promise<Refund>
}

// Formats from WeChat's API reference.
const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/
const TRANSACTION_ID = /^[0-9A-Za-z]{1,32}$/

const CodeUrlAnswer = z.looseObject({ code_url: z.string().min(1) })
const PrepayAnswer = z.looseObject({ prepay_id: z.string().min(1) })

function invalid(message: string): WechatPayError {
  return new WechatPayError({ status: 0, code: 'INVALID_ARGUMENT', message, retryable: false })
}

function checkFen(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v <= 0)
    throw invalid(`${name} must be a positive integer number of fen, got ${v}`)
}

export function createWechatPayClient(opts: WechatPayClientOptions): WechatPayClient {
  const doFetch = opts.fetch ?? fetch
  const clock = opts.clock ?? systemWechatPayClock
  const nonce = opts.nonce ?? randomNonce
  const base = opts.baseUrl.replace(/\/+$/, '')

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    payload: unknown,
    schema: z.ZodType<T> | null,
  ): Promise<T | undefined> {
    const url = new URL(base + path)
    const body = payload === undefined ? '' : JSON.stringify(payload)
    // Sign what fetch will actually put on the request line.
    const pathWithQuery = url.pathname + url.search
    const authorization = buildAuthorization(opts, {
      method,
      pathWithQuery,
      timestamp: unixSeconds(clock),
      nonce: nonce(),
      body,
    })
    let res: Response
    let raw: Buffer
    try {
      res = await doFetch(url, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          // WeChat rejects v3 requests without a User-Agent.
          'User-Agent': 'bangban-wechatpay/1 (node)',
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { body }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      })
      raw = Buffer.from(await res.arrayBuffer())
    } catch (err) {
      throw new WechatPayError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: (err as Error).message ?? String(err),
      })
    }
    const requestId = res.headers.get('Request-ID') ?? undefined
    const signed = res.headers.get('Wechatpay-Signature') !== null
    const ok = res.status >= 200 && res.status < 300

    // WeChat signs every answer to a correctly signed request; a 2xx without a signature is forged.
    if (ok || signed) {
      const check = verifyWechatpaySignature(
        { headers: res.headers, body: raw },
        { keys: opts.verificationKeys, clock },
      )
      if (!check.ok) {
        throw new WechatPayError({
          status: res.status,
          code: 'RESPONSE_UNVERIFIED',
          message: `response signature refused: ${check.reason} (${check.detail})`,
          requestId,
          detail: { reason: check.reason },
          retryable: false,
        })
      }
    }

    if (!ok) {
      const parsed = ErrorBody.safeParse(safeJson(raw))
      throw new WechatPayError({
        status: res.status,
        code: parsed.success ? parsed.data.code : `HTTP_${res.status}`,
        message: parsed.success ? (parsed.data.message ?? '') : raw.toString('utf8').slice(0, 200),
        verified: signed,
        requestId,
        detail: parsed.success ? parsed.data.detail : undefined,
      })
    }
    if (schema === null) return undefined
    const parsed = schema.safeParse(safeJson(raw))
    if (!parsed.success) {
      throw new WechatPayError({
        status: res.status,
        code: 'BAD_RESPONSE',
        message: `unexpected response: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        verified: true,
        requestId,
        retryable: false,
      })
    }
    return parsed.data
  }

  async function must<T>(p: Promise<T | undefined>): Promise<T> {
    const v = await p
    if (v === undefined)
      throw new WechatPayError({ status: 0, code: 'BAD_RESPONSE', message: 'empty response' })
    return v
  }

  function orderBody(input: OrderInput): Record<string, unknown> {
    if (!OUT_TRADE_NO.test(input.outTradeNo)) throw invalid('outTradeNo must be 6–32 of [0-9A-Za-z_-|*]')
    if (input.description.length < 1 || input.description.length > 127)
      throw invalid('description must be 1–127 characters')
    checkFen('amountFen', input.amountFen)
    if (input.attach !== undefined && input.attach.length > 128)
      throw invalid('attach must be at most 128 characters')
    return {
      appid: opts.appid,
      mchid: opts.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      ...(input.timeExpire ? { time_expire: toWechatTime(input.timeExpire) } : {}),
      ...(input.attach !== undefined ? { attach: input.attach } : {}),
      notify_url: input.notifyUrl ?? opts.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
    }
  }

  function requestPaymentFor(prepayId: string): RequestPaymentParams {
    return buildRequestPaymentParams({
      appid: opts.appid,
      prepayId,
      merchantPrivateKey: opts.merchantPrivateKey,
      timestamp: unixSeconds(clock),
      nonce: nonce(),
    })
  }

  function tradeNoPath(outTradeNo: string): string {
    if (!OUT_TRADE_NO.test(outTradeNo)) throw invalid('outTradeNo must be 6–32 of [0-9A-Za-z_-|*]')
    return `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`
  }

  return {
    async createNativeOrder(input) {
      const res = await must(call('POST', '/v3/pay/transactions/native', orderBody(input), CodeUrlAnswer))
      return { codeUrl: res.code_url }
    },
    async createJsapiOrder(input) {
      if (!input.payerOpenid) throw invalid('payerOpenid is required')
      const body = { ...orderBody(input), payer: { openid: input.payerOpenid } }
      const res = await must(call('POST', '/v3/pay/transactions/jsapi', body, PrepayAnswer))
      return { prepayId: res.prepay_id, requestPayment: requestPaymentFor(res.prepay_id) }
    },
    requestPaymentFor,
    async queryOrder(outTradeNo) {
      return must(
        call(
          'GET',
          `${tradeNoPath(outTradeNo)}?mchid=${encodeURIComponent(opts.mchid)}`,
          undefined,
          Transaction,
        ),
      )
    },
    async queryOrderByTransactionId(transactionId) {
      if (!TRANSACTION_ID.test(transactionId)) throw invalid('transactionId is malformed')
      const path = `/v3/pay/transactions/id/${transactionId}?mchid=${encodeURIComponent(opts.mchid)}`
      return must(call('GET', path, undefined, Transaction))
    },
    async closeOrder(outTradeNo) {
      // 204 No Content on success (still signed, and verified above).
      await call('POST', `${tradeNoPath(outTradeNo)}/close`, { mchid: opts.mchid }, null)
    },
    async refund(input) {
      if (!OUT_TRADE_NO.test(input.outTradeNo)) throw invalid('outTradeNo must be 6–32 of [0-9A-Za-z_-|*]')
      if (!OUT_REFUND_NO.test(input.outRefundNo))
        throw invalid('outRefundNo must be 1–64 of [0-9A-Za-z_-|*@]')
      checkFen('refundFen', input.refundFen)
      checkFen('totalFen', input.totalFen)
      if (input.refundFen > input.totalFen) throw invalid('refundFen exceeds totalFen')
      if (input.reason !== undefined && input.reason.length > 80)
        throw invalid('reason must be at most 80 characters')
      const body = {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        ...(input.reason ? { reason: input.reason } : {}),
        ...(input.notifyUrl ? { notify_url: input.notifyUrl } : {}),
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
      }
      return must(call('POST', '/v3/refund/domestic/refunds', body, Refund))
    },
    async queryRefund(outRefundNo) {
      if (!OUT_REFUND_NO.test(outRefundNo)) throw invalid('outRefundNo must be 1–64 of [0-9A-Za-z_-|*@]')
      return must(
        call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`, undefined, Refund),
      )
    },
  }
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch {
    return undefined
  }
}
