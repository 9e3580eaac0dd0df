/**
 * Framework-free handling of WeChat Pay callbacks: verify the signature over the raw body, decrypt
 * the resource, and parse it. The caller stores the result idempotently (the same notification can
 * arrive more than once) and answers with `notificationReply`.
 */
import type { KeyObject } from 'node:crypto'
import type { z } from 'zod'
import type { HeaderSource, WechatPayClock } from './common'
import { tryDecryptResource } from './decrypt'
import { NotificationEnvelope, PaidTransaction, RefundNotice } from './schemas'
import { verifyWechatpaySignature, type VerifyFailureReason } from './verify'

export interface NotificationRequest {
  headers: HeaderSource
  /** Exactly the bytes received; a re-serialised JSON object would not verify. */
  rawBody: string | Uint8Array
}

export interface NotifyDeps {
  verificationKeys: ReadonlyMap<string, KeyObject>
  apiV3Key: string | Uint8Array
  clock?: WechatPayClock
  /** When given, a resource for another merchant/app is refused. */
  mchid?: string
  appid?: string
}

export type NotifyRefusalReason =
  | VerifyFailureReason
  | 'MALFORMED_BODY'
  | 'UNEXPECTED_EVENT'
  | 'DECRYPT_FAILED'
  | 'INVALID_RESOURCE'
  | 'WRONG_MERCHANT'

export interface NotifyRefusal {
  ok: false
  reason: NotifyRefusalReason
  detail: string
  /** Set for WeChat's deliberate WECHATPAY/SIGNTEST/ probes. */
  probe?: true
}

export interface NotificationEvent {
  id: string
  create_time: string
  event_type: string
  summary: string | undefined
}

export type PaymentNotification = { ok: true; event: NotificationEvent; transaction: PaidTransaction }
export type RefundNotification = { ok: true; event: NotificationEvent; refund: RefundNotice }

const REFUND_EVENTS = ['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED']

function refuse(reason: NotifyRefusalReason, detail: string): NotifyRefusal {
  return { ok: false, reason, detail }
}

/** Steps common to both kinds: verify, parse the envelope, check the event, decrypt, parse the resource. */
function open<T>(
  req: NotificationRequest,
  deps: NotifyDeps,
  events: readonly string[],
  originalType: string,
  schema: z.ZodType<T>,
): { ok: true; event: NotificationEvent; data: T } | NotifyRefusal {
  const check = verifyWechatpaySignature(
    { headers: req.headers, body: req.rawBody },
    { keys: deps.verificationKeys, clock: deps.clock },
  )
  if (!check.ok)
    return { ok: false, reason: check.reason, detail: check.detail, ...(check.probe ? { probe: true } : {}) }

  let json: unknown
  try {
    json = JSON.parse(
      typeof req.rawBody === 'string' ? req.rawBody : Buffer.from(req.rawBody).toString('utf8'),
    )
  } catch {
    return refuse('MALFORMED_BODY', 'body is not JSON')
  }
  const env = NotificationEnvelope.safeParse(json)
  if (!env.success)
    return refuse(
      'MALFORMED_BODY',
      env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    )
  const e = env.data
  if (!events.includes(e.event_type) || e.resource.original_type !== originalType) {
    return refuse(
      'UNEXPECTED_EVENT',
      `event ${e.event_type} (${e.resource.original_type}) is not ${events.join('|')}`,
    )
  }

  const plain = tryDecryptResource(e.resource, deps.apiV3Key)
  if (!plain.ok) return refuse('DECRYPT_FAILED', `${plain.code}: ${plain.detail}`)
  let inner: unknown
  try {
    inner = JSON.parse(plain.plaintext)
  } catch {
    return refuse('INVALID_RESOURCE', 'decrypted resource is not JSON')
  }
  const data = schema.safeParse(inner)
  if (!data.success)
    return refuse(
      'INVALID_RESOURCE',
      data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    )
  const owner = inner as { mchid?: unknown; appid?: unknown }
  if (deps.mchid !== undefined && owner.mchid !== deps.mchid)
    return refuse('WRONG_MERCHANT', `mchid ${String(owner.mchid)}`)
  if (deps.appid !== undefined && owner.appid !== undefined && owner.appid !== deps.appid) {
    return refuse('WRONG_MERCHANT', `appid ${String(owner.appid)}`)
  }
  return {
    ok: true,
    event: { id: e.id, create_time: e.create_time, event_type: e.event_type, summary: e.summary },
    data: data.data,
  }
}

/** `TRANSACTION.SUCCESS` → the paid transaction (WeChat only calls back for successful payments). */
export function parsePaymentNotification(
  req: NotificationRequest,
  deps: NotifyDeps,
): PaymentNotification | NotifyRefusal {
  const r = open(req, deps, ['TRANSACTION.SUCCESS'], 'transaction', PaidTransaction)
  return r.ok ? { ok: true, event: r.event, transaction: r.data } : r
}

/** `REFUND.SUCCESS | REFUND.ABNORMAL | REFUND.CLOSED` → the refund outcome. */
export function parseRefundNotification(
  req: NotificationRequest,
  deps: NotifyDeps,
): RefundNotification | NotifyRefusal {
  const r = open(req, deps, REFUND_EVENTS, 'refund', RefundNotice)
  return r.ok ? { ok: true, event: r.event, refund: r.data } : r
}

/**
 * The answer WeChat expects: 204 (no body) acknowledges; 4xx/5xx with `{code:'FAIL'}` asks for a
 * retry. Refuse with 401 for signature problems and 400 otherwise; use 500 yourself when storing failed.
 */
export function notificationReply(result: { ok: true } | NotifyRefusal): {
  status: number
  body?: { code: 'FAIL'; message: string }
} {
  if (result.ok) return { status: 204 }
  const auth = ['UNKNOWN_SERIAL', 'STALE_TIMESTAMP', 'BAD_SIGNATURE', 'MISSING_HEADERS'].includes(
    result.reason,
  )
  return { status: auth ? 401 : 400, body: { code: 'FAIL', message: result.reason } }
}
