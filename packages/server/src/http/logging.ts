/**
 * What the request log says about a request: method, path and query with every secret-looking
 * parameter's value replaced (issue 19, D10). The consent and family QR tokens travel in the
 * query (`?qrToken=…`, the second factor proving the QR code was scanned); so may WeChat codes,
 * signatures or keys. Fastify's own request lines would log the raw URL.
 */
import { LogController, type FastifyRequest } from 'fastify'

/** Query parameters whose values never reach a log line. */
/** Secrets, and personal numbers that identify a household (a utility account number, `?accountNo=`). */
const SECRET_PARAMETER =
  /token|key|secret|code|password|passwd|sign|ticket|auth|session|nonce|otp|qr|account|phone|idnumber/i

export const REDACTED = '[REDACTED]'

export function redactUrl(url: string): string {
  const at = url.indexOf('?')
  if (at < 0) return url
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      const rawName = eq < 0 ? pair : pair.slice(0, eq)
      let name = rawName
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '))
      } catch {
        // A name that does not decode is judged as written.
      }
      return eq >= 0 && SECRET_PARAMETER.test(name) ? `${rawName}=${REDACTED}` : pair
    })
  return `${url.slice(0, at)}?${query.join('&')}`
}

/**
 * Fastify's request lines with the URL redacted: "incoming request" (and a route not found) name
 * the URL, so they are given again with redactUrl; the others name no URL and stay as they are.
 */
export class RedactingLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return
    request.log.info({ req: requestForLog(request) }, 'incoming request')
  }

  override routeNotFound(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return
    request.log.info({ req: requestForLog(request) }, 'Route not found')
  }
}

function requestForLog(request: FastifyRequest) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip }
}
