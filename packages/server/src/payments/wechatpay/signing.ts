/**
 * Merchant-side signatures (WeChat Pay API v3): the `Authorization` header of every request, and
 * the `paySign` of the mini-program/JSAPI `requestPayment` call. Both are SHA256withRSA
 * (RSASSA-PKCS1-v1_5) with the merchant private key, base64-encoded.
 */
import { sign, verify, type KeyObject } from 'node:crypto'

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048'

export interface MerchantIdentity {
  mchid: string
  /** Serial number of the merchant API certificate whose private key signs. */
  merchantSerial: string
  merchantPrivateKey: KeyObject
}

export interface SignedRequestParts {
  method: string
  /** Path plus query exactly as sent, e.g. `/v3/pay/transactions/out-trade-no/X?mchid=1`. */
  pathWithQuery: string
  timestamp: number | string
  nonce: string
  /** The exact body string sent; empty for GET and for bodiless requests. */
  body: string
}

/** `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n` — every line, the last included, ends in \n. */
export function requestSignatureMessage(p: SignedRequestParts): string {
  return `${p.method.toUpperCase()}\n${p.pathWithQuery}\n${p.timestamp}\n${p.nonce}\n${p.body}\n`
}

export function signSha256Rsa(privateKey: KeyObject, message: string | Buffer): string {
  return sign(
    'sha256',
    typeof message === 'string' ? Buffer.from(message, 'utf8') : message,
    privateKey,
  ).toString('base64')
}

/** Verification that never throws (a malformed signature or key is just "not valid"). */
export function verifySha256Rsa(
  publicKey: KeyObject,
  message: string | Buffer,
  signatureB64: string,
): boolean {
  try {
    const data = typeof message === 'string' ? Buffer.from(message, 'utf8') : message
    return verify('sha256', data, publicKey, Buffer.from(signatureB64, 'base64'))
  } catch {
    return false
  }
}

/** The full `Authorization` header value for one request. */
export function buildAuthorization(id: MerchantIdentity, p: SignedRequestParts): string {
  const signature = signSha256Rsa(id.merchantPrivateKey, requestSignatureMessage(p))
  return (
    `${AUTH_SCHEMA} mchid="${id.mchid}",nonce_str="${p.nonce}",signature="${signature}",` +
    `timestamp="${p.timestamp}",serial_no="${id.merchantSerial}"`
  )
}

export interface ParsedAuthorization {
  mchid: string
  nonce_str: string
  signature: string
  timestamp: string
  serial_no: string
}

/** Parses an `Authorization` header (what WeChat — and our stand-in — does on receipt); null if malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (header === undefined || !header.startsWith(`${AUTH_SCHEMA} `)) return null
  const fields: Record<string, string> = {}
  // Values are quoted and never contain quotes (base64, digits, hex), so a simple scan is exact.
  for (const m of header.slice(AUTH_SCHEMA.length + 1).matchAll(/\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/g)) {
    if (m[1] !== undefined && m[2] !== undefined) fields[m[1]] = m[2]
  }
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null
  return { mchid, nonce_str, signature, timestamp, serial_no }
}

/** What `wx.requestPayment` (mini-program) / `WeixinJSBridge` (JSAPI) takes, field names as WeChat spells them. */
export interface RequestPaymentParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

/** `appId\ntimeStamp\nnonceStr\nprepay_id=…\n`; the appid must be the one the order was created with. */
export function paySignMessage(appid: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return `${appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`
}

export function buildRequestPaymentParams(args: {
  appid: string
  prepayId: string
  merchantPrivateKey: KeyObject
  timestamp: number
  nonce: string
}): RequestPaymentParams {
  const timeStamp = String(args.timestamp)
  const pkg = `prepay_id=${args.prepayId}`
  return {
    timeStamp,
    nonceStr: args.nonce,
    package: pkg,
    signType: 'RSA',
    paySign: signSha256Rsa(args.merchantPrivateKey, paySignMessage(args.appid, timeStamp, args.nonce, pkg)),
  }
}
