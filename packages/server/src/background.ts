/**
 * Work done on timers by every running instance (each step is safe to run on several at once):
 * the payment reconciler (expired QR codes, unconfirmed closes, refunds) and the request
 * supervisor (dispatching waiting requests, escalating overdue ones).
 */
import type { Logger } from 'pino'
import { paymentsDeps } from './http/routes/payments'
import { reconcilePayments } from './payments/orders'
import { superviseRequests } from './requests/escalation'
import type { Service } from './service'

export const PAYMENT_RECONCILE_MS = 60_000
export const REQUEST_SUPERVISE_MS = 5 * 60_000

function every(ms: number, name: string, logger: Pick<Logger, 'error'>, work: () => Promise<unknown>) {
  let running = false
  const timer = setInterval(() => {
    if (running) return // a slow pass is never overlapped by the next
    running = true
    work()
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
  const timers = [
    every(PAYMENT_RECONCILE_MS, 'payment reconciliation', logger, () => reconcilePayments(deps)),
    every(REQUEST_SUPERVISE_MS, 'request supervision', logger, () =>
      superviseRequests(service.ctx.db, service.ctx.clock),
    ),
  ]
  return { stop: () => timers.forEach((timer) => clearInterval(timer)) }
}
