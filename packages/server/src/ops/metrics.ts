/**
 * Prometheus metrics (prom-client): HTTP requests and their latency per contract operation (the
 * route's operationId, never the raw URL, so ids and tokens in paths make no series), the
 * PostgreSQL pool, background runs (reconciler, supervisor, …), and the lengths of what waits:
 * requests not yet dispatched, payments still pending, residents in the counters' queues. Served
 * on a listener of its own (BANGBAN_METRICS_PORT, 127.0.0.1 by default), never by the public app.
 */
import { createServer, type Server } from 'node:http'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Database } from '../db/schema'

export interface PoolState {
  readonly totalCount: number
  readonly idleCount: number
  readonly waitingCount: number
}

export interface Metrics {
  readonly registry: Registry
  /** Times one background pass and counts it by outcome. */
  observeRun<T>(job: string, work: () => Promise<T>): Promise<T>
}

export interface MetricsSources {
  readonly db: Kysely<Database>
  readonly pool?: () => PoolState | null
  readonly release: string
}

/** The operation a request was routed to: the contract name, or the route pattern, or `unmatched`. */
export function operationOf(routeOptions: { url?: string; schema?: { operationId?: unknown } }): string {
  const id = routeOptions.schema?.operationId
  if (typeof id === 'string') return id
  return routeOptions.url ?? 'unmatched'
}

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'bangban_' })
  new Gauge({
    name: 'bangban_release_info',
    help: 'The release this instance runs (value 1)',
    labelNames: ['release'],
    registers: [registry],
  }).set({ release: sources.release }, 1)
  const runs = new Counter({
    name: 'bangban_background_runs_total',
    help: 'Background passes (payment reconciliation, request supervision, …) by outcome',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  })
  const runSeconds = new Histogram({
    name: 'bangban_background_run_seconds',
    help: 'How long a background pass took',
    labelNames: ['job'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [registry],
  })
  const lastSuccess = new Gauge({
    name: 'bangban_background_last_success_timestamp_seconds',
    help: 'When a background pass last succeeded (alert when it falls behind)',
    labelNames: ['job'],
    registers: [registry],
  })
  if (sources.pool) {
    const pool = sources.pool
    new Gauge({
      name: 'bangban_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting = queries waiting for one)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const state = pool()
        if (!state) return
        this.set({ state: 'total' }, state.totalCount)
        this.set({ state: 'idle' }, state.idleCount)
        this.set({ state: 'waiting' }, state.waitingCount)
      },
    })
  }
  const { db } = sources
  new Gauge({
    name: 'bangban_queue_length',
    help: 'What waits: requests not yet dispatched, payments still pending, residents waiting at counters',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const count = async (query: Promise<{ n: number | string | bigint } | undefined>) =>
        Number((await query)?.n ?? 0)
      // A database that is away costs these three figures, not the whole scrape.
      const counted = await Promise.all([
        count(
          db
            .selectFrom('service_requests')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '=', 'submitted')
            .executeTakeFirst(),
        ),
        count(
          db
            .selectFrom('payments')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', 'in', ['pending', 'refunding'])
            .executeTakeFirst(),
        ),
        count(
          db
            .selectFrom('queue_tickets')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '=', 'waiting')
            .executeTakeFirst(),
        ),
      ]).catch(() => null)
      if (!counted) return
      const [requests, payments, counters] = counted
      this.set({ queue: 'requests_undispatched' }, requests)
      this.set({ queue: 'payments_open' }, payments)
      this.set({ queue: 'counter_waiting' }, counters)
    },
  })
  return {
    registry,
    async observeRun(job, work) {
      const end = runSeconds.startTimer({ job })
      try {
        const result = await work()
        runs.inc({ job, outcome: 'ok' })
        lastSuccess.set({ job }, Date.now() / 1000)
        return result
      } catch (error) {
        runs.inc({ job, outcome: 'failed' })
        throw error
      } finally {
        end()
      }
    },
  }
}

/** Counts every request and its latency by operation, method and status code. */
export function instrumentHttp(app: FastifyInstance, metrics: Metrics): void {
  const requests = new Counter({
    name: 'bangban_http_requests_total',
    help: 'HTTP requests answered, by contract operation, method and status code',
    labelNames: ['operation', 'method', 'status'],
    registers: [metrics.registry],
  })
  const seconds = new Histogram({
    name: 'bangban_http_request_duration_seconds',
    help: 'Time to answer, by contract operation and method',
    labelNames: ['operation', 'method'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  })
  app.addHook('onResponse', async (request, reply) => {
    const operation = operationOf(request.routeOptions)
    const method = request.method
    requests.inc({ operation, method, status: String(reply.statusCode) })
    seconds.observe({ operation, method }, reply.elapsedTime / 1000)
  })
}

/** A plain HTTP listener answering GET /metrics only. */
export async function serveMetrics(metrics: Metrics, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end()
      return
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) =>
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(error)}\n`),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  return server
}
