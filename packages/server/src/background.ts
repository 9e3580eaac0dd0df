/**
 * Work done on timers by every running instance (each step is safe to run on several at once):
 * the payment reconciler (expired QR codes, unconfirmed closes, refunds), the request
 * supervisor (dispatching waiting requests, escalating overdue ones) and WeChat's subscribe
 * messages (appointment reminders, request progress), and housekeeping (expired sessions, codes,
 * sign-in attempts and link tickets purged, ops/housekeeping.ts).
 */
import type { Logger } from 'pino'
import { paymentsDeps } from './http/routes/payments'
import { signTreeHead } from './audit/tree'
import { reconcilePayments } from './payments/orders'
import { superviseRequests } from './requests/escalation'
import { HOUSEKEEPING_MS, purgeExpired } from './ops/housekeeping'
import type { Metrics } from './ops/metrics'
import type { Service } from './service'
import { sendAppointmentReminders, sendRequestUpdates } from './wechat/messages'

export const PAYMENT_RECONCILE_MS = 60_000
export const REQUEST_SUPERVISE_MS = 5 * 60_000
export const WECHAT_MESSAGES_MS = 60_000
/** How often the audit log's head is signed and witnessed (when entries were added). */
export const AUDIT_HEAD_MS = 60_000

function every(
  ms: number,
  name: string,
  logger: Pick<Logger, 'error'>,
  work: () => Promise<unknown>,
  metrics?: Metrics,
) {
  const job = name.toLowerCase().replace(/[^a-z0-9]+/g, '_')
  const run = metrics ? () => metrics.observeRun(job, work) : work
  let running = false
  const timer = setInterval(() => {
    if (running) return // a slow pass is never overlapped by the next
    running = true
    run()
      .catch((err: unknown) => logger.error({ err }, `${name} failed`))
      .finally(() => {
        running = false
      })
  }, ms)
  timer.unref()
  return timer
}

export function startBackgroundWork(service: Service, logger: Logger): { stop(): void } {
  const deps = paymentsDeps(service.ctx, logger)
  const m = service.metrics
  const timers = [
    every(PAYMENT_RECONCILE_MS, 'payment reconciliation', logger, () => reconcilePayments(deps), m),
    every(
      REQUEST_SUPERVISE_MS,
      'request supervision',
      logger,
      () => superviseRequests(service.ctx.db, service.ctx.clock),
      m,
    ),
    every(
      AUDIT_HEAD_MS,
      'audit tree head',
      logger,
      () =>
        signTreeHead(
          service.ctx.db,
          service.ctx.audit.leaves,
          service.ctx.audit.signer,
          service.ctx.audit.witnessDir,
          service.ctx.clock.now(),
        ),
      m,
    ),
    every(
      WECHAT_MESSAGES_MS,
      'WeChat messages',
      logger,
      async () => {
        const deps = {
          db: service.ctx.db,
          clock: service.ctx.clock,
          notifier: service.ctx.wechat.notifier,
          log: logger,
        }
        await sendAppointmentReminders(deps)
        await sendRequestUpdates(deps)
      },
      m,
    ),
  ]
  timers.push(
    every(
      HOUSEKEEPING_MS,
      'housekeeping',
      logger,
      async () => {
        const purged = await purgeExpired(service.ctx.db, service.ctx.clock)
        if (Object.values(purged).some((n) => n > 0)) logger.info({ purged }, 'expired rows purged')
      },
      m,
    ),
  )
  return { stop: () => timers.forEach((timer) => clearInterval(timer)) }
}
