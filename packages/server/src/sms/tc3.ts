/**
 * Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256 ("签名方法 v3"), for a JSON POST to `/`:
 * canonical request → string to sign → key derived from the SecretKey, the UTC date and the
 * service → hex HMAC-SHA256. The date is the UTC date of the timestamp (Tencent's note: a local
 * date fails every night after midnight in UTC+8).
 */
import { createHash, createHmac } from 'node:crypto'

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256'
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

export interface Tc3Request {
  readonly secretId: string
  readonly secretKey: string
  /** The product, the first label of its host: `sms` for sms.tencentcloudapi.com. */
  readonly service: string
  /** The Host header exactly as sent (with the port when not the default). */
  readonly host: string
  /** X-TC-Action, e.g. SendSms; signed as a header so the action cannot be swapped. */
  readonly action?: string
  /** X-TC-Timestamp, Unix seconds. */
  readonly timestamp: number
  /** The exact body bytes sent. */
  readonly payload: string
}

export interface Tc3Signed {
  readonly authorization: string
  readonly canonicalRequest: string
  readonly stringToSign: string
  readonly signature: string
}

export const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest()

/** The UTC date (YYYY-MM-DD) of a Unix timestamp in seconds. */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10)
}

/** SecretSigning: HMAC chain over the date, the service and the terminator `tc3_request`. */
export function tc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request')
}

export function signTc3(request: Tc3Request): Tc3Signed {
  // Header names and values are lowercased and sorted by name (content-type < host < x-tc-action).
  const headers: Array<[string, string]> = [
    ['content-type', JSON_CONTENT_TYPE],
    ['host', request.host.toLowerCase()],
    ...(request.action ? [['x-tc-action', request.action.toLowerCase()] as [string, string]] : []),
  ]
  const canonicalHeaders = headers.map(([name, value]) => `${name}:${value}\n`).join('')
  const signedHeaders = headers.map(([name]) => name).join(';')
  const canonicalRequest = [
    'POST',
    '/',
    '', // no query string on a POST
    canonicalHeaders,
    signedHeaders,
    sha256Hex(request.payload),
  ].join('\n')
  const date = utcDate(request.timestamp)
  const scope = `${date}/${request.service}/tc3_request`
  const stringToSign = [TC3_ALGORITHM, String(request.timestamp), scope, sha256Hex(canonicalRequest)].join(
    '\n',
  )
  const signature = createHmac('sha256', tc3SigningKey(request.secretKey, date, request.service))
    .update(stringToSign)
    .digest('hex')
  return {
    authorization: `${TC3_ALGORITHM} Credential=${request.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    canonicalRequest,
    stringToSign,
    signature,
  }
}
