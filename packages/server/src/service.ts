/**
 * Assembles a running service from configuration: storage, migrations, demo data, slots, the
 * kiosk key, and the HTTP app. Tests build the same thing with their own clock and database.
 */
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { deploymentSecret } from './auth/secrets'
import { registerKiosk } from './auth/kiosks'
import { hashPassword } from './auth/passwords'
import type { SmsProvider } from './auth/sms'
import { ensureSlots } from './booking/schedule'
import type { Config } from './config'
import { connect, migrate, type MigrationReport, type Store } from './db/connect'
import { createMetrics, type Metrics } from './ops/metrics'
import { releaseOf } from './ops/release'
import { auditSigning } from './audit/setup'
import { signTreeHead } from './audit/tree'
import { buildApp } from './http/app'
import { serveKioskUi } from './http/kioskUi'
import type { AppContext } from './http/context'
import type { PaymentProvider } from './payments/provider'
import { sandboxProvider } from './payments/sandbox'
import { wechatPayProvider } from './payments/wechatProvider'
import { DEMO_KIOSK_ID, DEMO_KIOSK_NAME, seedDemo } from './seed/demo'
import { createSmsProvider } from './sms'
import { systemClock, type Clock } from './util/clock'
import { developmentWechatAuth, wechatAuth } from './wechat/auth'
import { developmentNotifier, wechatNotifier, type WechatNotifier } from './wechat/notifier'

export interface ServiceOptions {
  readonly config: Config
  readonly clock?: Clock
  readonly sms?: SmsProvider
  readonly logger?: FastifyBaseLogger
  /** PostgreSQL schema to use (tests). */
  readonly schema?: string
  /** Replaces the provider chosen from the configuration (tests). */
  readonly paymentProvider?: PaymentProvider
  /** Replaces the WeChat message sender chosen from the configuration (tests). */
  readonly wechatNotifier?: WechatNotifier
  /** Tests only: runs inside the settling transaction before it commits (to simulate a crash). */
  readonly beforeSettleCommit?: (paymentId: string) => void | Promise<void>
}

export interface Service {
  readonly app: FastifyInstance
  readonly ctx: AppContext
  readonly store: Store
  /** The kiosk key generated for this run when none was configured (demo only). */
  readonly generatedKioskKey: string | null
  /** The demo staff password generated for this run when none was configured. */
  readonly generatedStaffPassword: string | null
  /** Whether the built kiosk UI is served at /kiosk/. */
  readonly kioskUi: boolean
  /** The release this instance runs (BANGBAN_RELEASE or the package version). */
  readonly release: string
  /** The database's migrations, and those this start applied. */
  readonly migrations: MigrationReport
  readonly metrics: Metrics
  /** /readyz says 503 from now on (the drain before a stop). */
  drain(): void
  close(): Promise<void>
}

export async function createService(options: ServiceOptions): Promise<Service> {
  const { config } = options
  const clock = options.clock ?? systemClock
  const store = connect(config.DATABASE_URL, {
    ...(options.schema ? { schema: options.schema } : {}),
    poolSize: config.PG_POOL_SIZE,
    onConnectionError: (error) =>
      options.logger?.warn({ err: error }, 'a database connection was closed; the next query opens another'),
  })
  try {
    const migrations = await migrate(store, options.schema)
    const release = releaseOf(config)
    const metrics = createMetrics({ db: store.db, release, ...(store.pool ? { pool: store.pool } : {}) })
    const lifecycle = { draining: false }
    let generatedKioskKey: string | null = null
    let generatedStaffPassword: string | null = null
    const idPepper = await deploymentSecret(store.db, 'id_number_pepper')
    if (config.BANGBAN_SEED === 'demo') {
      const staffPassword =
        config.BANGBAN_DEMO_STAFF_PASSWORD ?? (generatedStaffPassword = randomBytes(9).toString('base64url'))
      await seedDemo(store.db, { clock, idPepper, staffPasswordHash: await hashPassword(staffPassword) })
      const key = config.BANGBAN_KIOSK_KEY ?? (generatedKioskKey = randomBytes(18).toString('base64url'))
      await registerKiosk(store.db, DEMO_KIOSK_ID, DEMO_KIOSK_NAME, key, clock)
    } else if (config.BANGBAN_KIOSK_KEY) {
      const outcome = await registerKiosk(store.db, 'kiosk-1', 'kiosk-1', config.BANGBAN_KIOSK_KEY, clock)
      if (outcome === 'revoked')
        options.logger?.warn(
          'BANGBAN_KIOSK_KEY is set but kiosk-1 was revoked: the key is not registered again (remove the setting)',
        )
    }
    await ensureSlots(store.db, clock)
    const audit = auditSigning(config, store.db)
    await signTreeHead(store.db, audit.leaves, audit.signer, audit.witnessDir, clock.now())
    const sms =
      options.sms ??
      createSmsProvider(config.sms, { clock, ...(options.logger ? { log: options.logger } : {}) })
    const ctx: AppContext = {
      audit,
      db: store.db,
      engine: store.engine,
      clock,
      sms,
      idPepper,
      sessionTtlSeconds: {
        idCard: config.BANGBAN_SESSION_MINUTES_KIOSK * 60,
        phone: config.BANGBAN_SESSION_HOURS_PHONE * 3600,
        staff: config.BANGBAN_SESSION_HOURS_STAFF * 3600,
      },
      wechat: {
        auth: config.wechat
          ? wechatAuth(config.wechat, options.logger ? { log: options.logger } : {})
          : developmentWechatAuth(),
        notifier:
          options.wechatNotifier ??
          (config.wechat
            ? wechatNotifier(config.wechat, { clock })
            : developmentNotifier(options.logger ?? { info: () => undefined })),
      },
      payments: {
        provider:
          options.paymentProvider ??
          (config.wechatPay ? wechatPayProvider(config.wechatPay, { clock }) : sandboxProvider()),
        wechat: config.wechatPay,
        ttlSeconds: config.BANGBAN_PAYMENT_MINUTES * 60,
        ...(options.beforeSettleCommit ? { beforeSettleCommit: options.beforeSettleCommit } : {}),
      },
    }
    const app = await buildApp(ctx, {
      trustProxy: config.TRUST_PROXY,
      metrics,
      release,
      lifecycle,
      maxClockSkewMs: config.BANGBAN_MAX_CLOCK_SKEW_SECONDS * 1000,
      ...(options.logger ? { logger: options.logger } : {}),
    })
    const kioskDir = config.BANGBAN_KIOSK_DIR ?? resolve(__dirname, '../../kiosk/dist/h5')
    const demoKey = config.BANGBAN_SEED === 'demo' ? (config.BANGBAN_KIOSK_KEY ?? generatedKioskKey) : null
    const kioskUi = await serveKioskUi(app, kioskDir, demoKey)
    return {
      app,
      ctx,
      store,
      generatedKioskKey,
      generatedStaffPassword,
      kioskUi,
      release,
      migrations,
      metrics,
      drain: () => {
        lifecycle.draining = true
      },
      close: async () => {
        await app.close()
        await store.close()
      },
    }
  } catch (error) {
    await store.close()
    throw error
  }
}
