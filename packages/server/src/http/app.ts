/** The Fastify application: plugins, error mapping, OpenAPI, and every route of the contract. */
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { AppContext } from './context'
import { frameworkErrors, installErrorHandling } from './errors'
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
  'req.headers.cookie',
  '*.idNumber',
  '*.token',
  '*.password',
  'body',
]

export interface BuildOptions {
  /** A pino logger; none means silent (tests). */
  readonly logger?: FastifyBaseLogger
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: 64 * 1024,
    trustProxy: true,
    frameworkErrors,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)

  await app.register(helmet, {
    // The API answers JSON only; the docs page needs its own scripts and styles.
    contentSecurityPolicy: false,
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
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', engine: ctx.engine }))
  sessionRoutes(app, ctx)
  bookingRoutes(app, ctx)
  placeRoutes(app, ctx)
  consentRoutes(app, ctx)
  queueRoutes(app, ctx)
  staffRoutes(app, ctx)
  paymentRoutes(app, ctx)
  requestRoutes(app, ctx)
  return app
}
