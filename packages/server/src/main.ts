/**
 * `pnpm --filter @bangban/server start`: configuration → storage → HTTP, with a drained, clean
 * stop on SIGTERM (/readyz says 503 for BANGBAN_DRAIN_SECONDS, then the server closes).
 */
import type { Server } from 'node:http'
import pino from 'pino'
import { startBackgroundWork } from './background'
import { ensureSlots } from './booking/schedule'
import { ConfigError, loadConfig } from './config'
import { LOG_REDACT_PATHS } from './http/app'
import { serveMetrics } from './ops/metrics'
import { createService } from './service'

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS })
  const service = await createService({ config, logger })
  logger.info(
    {
      release: service.release,
      engine: service.store.engine,
      migrations: service.migrations.applied,
      migrationsRunNow: service.migrations.ranNow,
    },
    `starting release ${service.release}; database at migration ${service.migrations.applied.at(-1) ?? 'none'}`,
  )
  // New days come into the booking window every midnight; topping up hourly keeps it full.
  const topUp = setInterval(() => {
    ensureSlots(service.ctx.db, service.ctx.clock).catch((err: unknown) =>
      logger.error({ err }, 'slot top-up failed'),
    )
  }, 3600_000)
  topUp.unref()
  const background = startBackgroundWork(service, logger)

  let metricsServer: Server | null = null
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    // Not ready from now on: the proxy takes this instance out while it still answers what comes.
    service.drain()
    logger.info({ signal, drainSeconds: config.BANGBAN_DRAIN_SECONDS }, 'draining before the stop')
    await new Promise((resolve) => setTimeout(resolve, config.BANGBAN_DRAIN_SECONDS * 1000))
    logger.info({ signal }, 'stopping')
    clearInterval(topUp)
    background.stop()
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()))
    await service.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  const address = await service.app.listen({ port: config.PORT, host: config.HOST })
  if (config.BANGBAN_METRICS_PORT !== 0) {
    // A metrics port already taken (a second instance on this host) costs the metrics, not the service.
    metricsServer = await serveMetrics(
      service.metrics,
      config.BANGBAN_METRICS_PORT,
      config.BANGBAN_METRICS_HOST,
    ).catch((err: unknown) => {
      logger.error(
        { err, port: config.BANGBAN_METRICS_PORT },
        'the metrics listener could not start (give each instance its own BANGBAN_METRICS_PORT)',
      )
      return null
    })
  }
  const base = address.replace('127.0.0.1', 'localhost')
  const lines = [
    `Bangban service ${service.release} is running on ${service.store.engine}: ${base}`,
    `  API documentation: ${base}/api/docs`,
    `  Migrations: ${service.migrations.applied.length} applied, the last ${service.migrations.applied.at(-1) ?? 'none'}`,
    metricsServer !== null
      ? `  Metrics: http://${config.BANGBAN_METRICS_HOST}:${config.BANGBAN_METRICS_PORT}/metrics`
      : '  Metrics: none (BANGBAN_METRICS_PORT=0, or its port was taken)',
  ]
  if (service.kioskUi) lines.push(`  Kiosk UI: ${base}/kiosk/`)
  lines.push(
    service.ctx.payments.provider.name === 'sandbox'
      ? '  Payments: SANDBOX (no WECHATPAY_* set) — staff confirm payments at POST /api/v1/staff/payments/:id/sandbox-confirm'
      : `  Payments: WeChat Pay (${service.ctx.payments.wechat?.baseUrl ?? ''})`,
  )
  lines.push(
    config.sms.sender === 'tencent'
      ? '  SMS: Tencent Cloud SMS'
      : '  SMS: LOG (BANGBAN_SMS=log) — sign-in codes are written to the service log, not sent',
  )
  if (service.generatedStaffPassword) {
    lines.push(
      `  Demo staff H1001 (helper), G2001 (grid worker), A0001 (admin), password for this run: ${service.generatedStaffPassword}`,
    )
  }
  if (service.generatedKioskKey)
    lines.push(`  Demo kiosk key (X-Kiosk-Key, generated for this run): ${service.generatedKioskKey}`)
  // In production every line is JSON (log shippers parse them); the summary is one more record.
  if (config.NODE_ENV === 'production')
    logger.info({ summary: lines.map((line) => line.trim()) }, 'service started')
  else console.warn(lines.join('\n'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message)
  else console.error('The service could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
