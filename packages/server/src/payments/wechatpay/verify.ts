/**
 * Verification of what WeChat Pay sends us: API responses and callbacks alike carry
 * `Wechatpay-Timestamp/-Nonce/-Signature/-Serial`, signed over `timestamp\nnonce\nbody\n` with
 * either a platform certificate's key or the newer WeChat Pay public key (`PUB_KEY_ID_…`).
 * During WeChat's certificate → public-key switch either may be used, so keys are chosen by serial.
 */
import type { KeyObject } from 'node:crypto'
import {
  bodyBytes,
  headerValue,
  systemWechatPayClock,
  unixSeconds,
  type HeaderSource,
  type WechatPayClock,
} from './common'
import { AUTH_SCHEMA, verifySha256Rsa } from './signing'

export type VerifyFailureReason = 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE' | 'MISSING_HEADERS'

export type VerifyResult =
  | { ok: true; serial: string; timestamp: number; nonce: string }
  /** `probe` marks WeChat's deliberate `WECHATPAY/SIGNTEST/` signatures: refusing them is correct. */
  | { ok: false; reason: VerifyFailureReason; detail: string; probe?: true }

/** Verification keys by `Wechatpay-Serial`: platform certificate serials and/or `PUB_KEY_ID_…`. */
export type VerificationKeys = ReadonlyMap<string, KeyObject>

export interface VerifyOptions {
  keys: VerificationKeys
  clock?: WechatPayClock
  /** WeChat's guidance is 5 minutes either way. */
  maxSkewSeconds?: number
}

/**
 * WeChat sends callbacks whose signature starts with this prefix to check that merchants really
 * verify; they never verify, and must be refused like any other bad signature.
 */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/'

export function verifyWechatpaySignature(
  message: { headers: HeaderSource; body: string | Uint8Array | undefined },
  opts: VerifyOptions,
): VerifyResult {
  const timestamp = headerValue(message.headers, 'Wechatpay-Timestamp')
  const nonce = headerValue(message.headers, 'Wechatpay-Nonce')
  const signature = headerValue(message.headers, 'Wechatpay-Signature')
  const serial = headerValue(message.headers, 'Wechatpay-Serial')
  const missing = [
    ['Wechatpay-Timestamp', timestamp],
    ['Wechatpay-Nonce', nonce],
    ['Wechatpay-Signature', signature],
    ['Wechatpay-Serial', serial],
  ].filter(([, v]) => !v)
  if (!timestamp || !nonce || !signature || !serial) {
    return { ok: false, reason: 'MISSING_HEADERS', detail: `missing ${missing.map(([n]) => n).join(', ')}` }
  }

  const key = opts.keys.get(serial)
  if (key === undefined)
    return { ok: false, reason: 'UNKNOWN_SERIAL', detail: `no verification key for serial ${serial}` }

  // Old messages are refused so a captured callback cannot be replayed days later.
  if (!/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'STALE_TIMESTAMP', detail: 'timestamp is not a number' }
  const ts = Number(timestamp)
  const skew = Math.abs(unixSeconds(opts.clock ?? systemWechatPayClock) - ts)
  if (skew > (opts.maxSkewSeconds ?? 300)) {
    return { ok: false, reason: 'STALE_TIMESTAMP', detail: `timestamp is ${skew} s away from now` }
  }

  if (signature.startsWith(SIGNTEST_PREFIX)) {
    return {
      ok: false,
      reason: 'BAD_SIGNATURE',
      detail: 'WeChat signature probe (WECHATPAY/SIGNTEST/)',
      probe: true,
    }
  }
  const type = headerValue(message.headers, 'Wechatpay-Signature-Type')
  if (type !== undefined && type !== AUTH_SCHEMA) {
    return { ok: false, reason: 'BAD_SIGNATURE', detail: `unsupported signature type ${type}` }
  }

  // Built from bytes so a body that is not valid UTF-8 is still checked exactly as received.
  const signed = Buffer.concat([
    Buffer.from(`${timestamp}\n${nonce}\n`, 'utf8'),
    bodyBytes(message.body),
    Buffer.from('\n'),
  ])
  if (!verifySha256Rsa(key, signed, signature)) {
    return { ok: false, reason: 'BAD_SIGNATURE', detail: 'signature does not verify' }
  }
  return { ok: true, serial, timestamp: ts, nonce }
}
