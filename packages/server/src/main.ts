/** `pnpm --filter @bangban/server start`: configuration → storage → HTTP, with a clean stop on SIGTERM. */
import pino from 'pino'
import { startBackgroundWork } from './background'
import { ensureSlots } from './booking/schedule'
import { ConfigError, loadConfig } from './config'
import { LOG_REDACT_PATHS } from './http/app'
import { createService } from './service'

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = pino({ level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS })
  const service = await createService({ config, logger })
  // New days come into the booking window every midnight; topping up hourly keeps it full.
  const topUp = setInterval(() => {
    ensureSlots(service.ctx.db, service.ctx.clock).catch((err: unknown) =>
      logger.error({ err }, 'slot top-up failed'),
    )
  }, 3600_000)
  topUp.unref()
  const background = startBackgroundWork(service, logger)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping')
    clearInterval(topUp)
    background.stop()
    await service.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))

  const address = await service.app.listen({ port: config.PORT, host: config.HOST })
  const base = address.replace('127.0.0.1', 'localhost')
  const lines = [
    `Bangban service is running on ${service.store.engine}: ${base}`,
    `  API documentation: ${base}/api/docs`,
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
  console.warn(lines.join('\n'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message)
  else console.error('The service could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
