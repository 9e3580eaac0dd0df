/**
 * What the request log says about a request: method, path and query with every secret-looking
 * parameter's value replaced (issue 19, D10). The consent and family QR tokens travel in the
 * query (`?qrToken=…`, the second factor proving the QR code was scanned); so may WeChat codes,
 * signatures or keys. Fastify's own request lines log the raw URL, so they are off and these
 * take their place.
 */
import type { FastifyInstance } from 'fastify'

/** Query parameters whose values never reach a log line. */
const SECRET_PARAMETER = /token|key|secret|code|password|passwd|sign|ticket|auth|session|nonce|otp|qr/i

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

/** Logs each request as Fastify would ("incoming request", "request completed"), URL redacted. */
export function logRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    request.log.info(
      { req: { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip } },
      'incoming request',
    )
  })
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime },
      'request completed',
    )
  })
}
