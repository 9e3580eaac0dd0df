/** The Fastify application: plugins, error mapping, OpenAPI, and every route of the contract. */
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { RETRY_AFTER_SECONDS } from '../db/unavailable'
import { resolveLanguage } from '@bangban/core/i18n'
import { localizePayload, translationStore } from '../i18n/localize'
import type { AppContext } from './context'
import { frameworkErrors, installErrorHandling } from './errors'
import { RedactingLogController } from './logging'
import { clockSkew, databaseReadiness, DEFAULT_MAX_CLOCK_SKEW_MS } from './readiness'
import { instrumentHttp, type Metrics } from '../ops/metrics'
import { DEFAULT_TRUST_PROXY, type TrustProxy } from './trustProxy'
import { adminRoutes } from './routes/admin'
import { adminDataRoutes, importRoutes } from './routes/adminData'
import { bookingRoutes } from './routes/booking'
import { placeRoutes } from './routes/places'
import { consentRoutes } from './routes/consents'
import { queueRoutes } from './routes/queue'
import { paymentRoutes } from './routes/payments'
import { requestRoutes } from './routes/requests'
import { staffRoutes } from './routes/staff'
import { sessionRoutes } from './routes/sessions'

/** Secrets and personal numbers that must never reach a log line. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-kiosk-key"]',
  'req.headers["x-biller-key"]',
  'req.headers.cookie',
  '*.idNumber',
  '*.token',
  '*.password',
  'body',
]

export interface BuildOptions {
  /** A pino logger; none means silent (tests). */
  readonly logger?: FastifyBaseLogger
  /** Senders trusted to name the client (TRUST_PROXY); by default a proxy on this machine only. */
  readonly trustProxy?: TrustProxy
  /** How long /readyz waits for the database (tests shorten it). */
  readonly readinessTimeoutMs?: number
  /** Counts requests by operation (ops/metrics.ts); none: not counted. */
  readonly metrics?: Metrics
  /** The release this instance runs, in /healthz. */
  readonly release?: string
  /** How far this instance's clock may stand from the database's before /readyz says 503. */
  readonly maxClockSkewMs?: number
  /** The instance's wall clock (tests move it). */
  readonly wallClock?: () => number
  /** Set while the instance drains before it stops: /readyz says 503 so the proxy takes it out. */
  readonly lifecycle?: { readonly draining: boolean }
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 64 * 1024,
    // Request lines with secrets taken out of the URL (logging.ts).
    logController: new RedactingLogController(),
    // Only our own proxies may name the client (X-Forwarded-For): trusting any sender would let a
    // caller pick a fresh address, and a fresh allowance, on every request.
    trustProxy: options.trustProxy === false ? false : [...(options.trustProxy ?? [DEFAULT_TRUST_PROXY])],
    frameworkErrors,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  if (options.metrics) instrumentHttp(app, options.metrics)
  // WeChat's wx.request sends "content-type: application/json" on every call, a DELETE with no body
  // included (退出登录, 解除微信绑定, 注销账号): an empty JSON body is no body, not a 400.
  const json = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined)
    else json(request, String(body), done)
  })

  await app.register(helmet, {
    // The API answers JSON only; the docs page needs its own scripts and styles.
    contentSecurityPolicy: false,
  })
  // JSON only under /api/v1: nothing in an answer may load or be framed, and no cache keeps a
  // resident's data (kiosks are shared). The docs page (/api/docs) needs its scripts.
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
  })
  // Names from the data in the reader's language (Accept-Language); the admin and biller APIs work
  // on the names as held.
  const names = translationStore(ctx.db)
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const url = request.url
    if (!url.startsWith('/api/v1/') || url.startsWith('/api/v1/admin') || url.startsWith('/api/v1/biller'))
      return payload
    const lang = resolveLanguage(request.headers['accept-language'])
    return lang === 'zh-CN' ? payload : localizePayload(payload, lang, await names.current())
  })
  await app.register(rateLimit, { global: false })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Bangban API',
        version: '1.0.0',
        description: 'Appointments, bills, payments, requests, consents and audit.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          kioskKey: { type: 'apiKey', in: 'header', name: 'X-Kiosk-Key' },
          billerKey: { type: 'apiKey', in: 'header', name: 'X-Biller-Key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  // Liveness: the process serves HTTP. Readiness: it can also reach its database now, its clock
  // agrees with the database's, and it is not draining before a stop.
  const release = options.release ?? 'unknown'
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', engine: ctx.engine, release }))
  const ready = databaseReadiness(ctx.db, options.readinessTimeoutMs)
  const maxSkewMs = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS
  const unavailable = (reply: FastifyReply, extra: Record<string, unknown>) =>
    reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ status: 'unavailable', engine: ctx.engine, ...extra })
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    if (options.lifecycle?.draining) return unavailable(reply, { reason: 'draining' })
    const answer = await ready()
    if (!answer.ready) {
      request.log.warn({ reason: answer.reason }, 'not ready: the database does not answer')
      return unavailable(reply, {})
    }
    const skew = await clockSkew(ctx.db, ctx.engine, options.wallClock)
    if (skew.skewMs !== null && Math.abs(skew.skewMs) > maxSkewMs) {
      request.log.warn(
        { skewMs: skew.skewMs, maxSkewMs },
        "not ready: this instance's clock stands apart from the database's (check NTP)",
      )
      return unavailable(reply, { reason: 'clock-skew', clockSkewMs: skew.skewMs })
    }
    return { status: 'ready', engine: ctx.engine, clockSkewMs: skew.skewMs }
  })
  sessionRoutes(app, ctx)
  bookingRoutes(app, ctx)
  placeRoutes(app, ctx)
  consentRoutes(app, ctx)
  queueRoutes(app, ctx)
  staffRoutes(app, ctx)
  paymentRoutes(app, ctx)
  requestRoutes(app, ctx)
  adminRoutes(app, ctx)
  adminDataRoutes(app, ctx)
  importRoutes(app, ctx)
  return app
}
