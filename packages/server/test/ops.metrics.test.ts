/**
 * The Prometheus metrics: requests by contract operation (never the raw URL), background runs,
 * queue lengths and the pool, served on their own listener; /healthz names the release; /readyz
 * turns away an instance whose clock stands apart from the database's, or that is draining.
 */
import type { AddressInfo } from 'node:net'
import { buildApp } from '../src/http/app'
import { clockSkew } from '../src/http/readiness'
import { PACKAGE_VERSION } from '../src/ops/release'
import { serveMetrics } from '../src/ops/metrics'
import { describeOnEngines, startService } from './support/service'

describeOnEngines('operations: metrics, release and readiness', (on) => {
  it('counts requests by contract operation, never by the URL it was called with', async () => {
    const app = on.service.app
    await app.inject({ method: 'GET', url: '/api/v1/providers' })
    await app.inject({ method: 'GET', url: '/api/v1/payments/pay_secret_looking_id_123' })
    await app.inject({ method: 'GET', url: '/no/such/route/tok_abc' })
    const text = await on.service.metrics.registry.metrics()
    expect(text).toMatch(
      /bangban_http_requests_total\{operation="listProviders",method="GET",status="200"\} [1-9]/,
    )
    expect(text).toMatch(
      /bangban_http_requests_total\{operation="getPayment",method="GET",status="401"\} [1-9]/,
    )
    expect(text).toMatch(
      /bangban_http_requests_total\{operation="unmatched",method="GET",status="404"\} [1-9]/,
    )
    expect(text).toMatch(
      /bangban_http_request_duration_seconds_bucket\{le="[\d.]+",operation="listProviders"/,
    )
    expect(text).not.toContain('pay_secret_looking_id_123')
    expect(text).not.toContain('tok_abc')
  })

  it('reports queue lengths, the release, and the pool where there is one', async () => {
    const text = await on.service.metrics.registry.metrics()
    expect(text).toMatch(/bangban_queue_length\{queue="requests_undispatched"\} \d+/)
    expect(text).toMatch(/bangban_queue_length\{queue="payments_open"\} \d+/)
    expect(text).toMatch(/bangban_queue_length\{queue="counter_waiting"\} \d+/)
    expect(text).toContain(`bangban_release_info{release="${PACKAGE_VERSION}"} 1`)
    if (on.engine === 'postgres') expect(text).toMatch(/bangban_db_pool_connections\{state="total"\} [1-9]/)
    else expect(text).not.toContain('bangban_db_pool_connections')
  })

  it('times background runs and counts them by outcome', async () => {
    const { metrics } = on.service
    await metrics.observeRun('probe_job', async () => 1)
    await expect(
      metrics.observeRun('probe_job', async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const text = await metrics.registry.metrics()
    expect(text).toContain('bangban_background_runs_total{job="probe_job",outcome="ok"} 1')
    expect(text).toContain('bangban_background_runs_total{job="probe_job",outcome="failed"} 1')
    expect(text).toContain('bangban_background_run_seconds_count{job="probe_job"} 2')
    expect(text).toMatch(/bangban_background_last_success_timestamp_seconds\{job="probe_job"\} \d/)
  })

  it('serves /metrics on its own listener and nothing else there; the public app has no /metrics', async () => {
    const server = await serveMetrics(on.service.metrics, 0, '127.0.0.1')
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const res = await fetch(`${base}/metrics`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toContain('text/plain')
      expect(await res.text()).toContain('bangban_http_requests_total')
      expect((await fetch(`${base}/api/v1/providers`)).status).toBe(404)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
    expect((await on.service.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404)
  })

  it('names the release in /healthz and the migrations the database has', async () => {
    const health = await on.service.app.inject({ method: 'GET', url: '/healthz' })
    expect(health.json()).toEqual({ status: 'ok', engine: on.engine, release: PACKAGE_VERSION })
    expect(on.service.migrations.applied[0]).toBe('001_identity_and_booking')
    expect(on.service.migrations.applied.length).toBeGreaterThanOrEqual(16)
  })

  it('measures the clock against the database', async () => {
    const now = await clockSkew(on.service.ctx.db, on.engine)
    expect(now.skewMs).not.toBeNull()
    expect(Math.abs(now.skewMs!)).toBeLessThan(2000)
    const ahead = await clockSkew(on.service.ctx.db, on.engine, () => Date.now() + 60_000)
    expect(ahead.skewMs).toBeGreaterThan(58_000)
    expect(ahead.skewMs).toBeLessThan(62_000)
  })

  it('is not ready when its clock stands apart from the database, and says why', async () => {
    const skewed = await buildApp(on.service.ctx, {
      wallClock: () => Date.now() - 30_000,
      maxClockSkewMs: 5000,
    })
    try {
      const ready = await skewed.inject({ method: 'GET', url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(ready.json()).toMatchObject({ status: 'unavailable', reason: 'clock-skew' })
      expect(ready.headers['retry-after']).toBeDefined()
    } finally {
      await skewed.close()
    }
    const fine = await on.service.app.inject({ method: 'GET', url: '/readyz' })
    expect(fine.statusCode).toBe(200)
    expect(Math.abs(fine.json<{ clockSkewMs: number }>().clockSkewMs)).toBeLessThan(2000)
  })

  it('still answers a scrape when the database is away (without the queue lengths)', async () => {
    const other = await startService(on.database, on.service.clock)
    try {
      await other.store.close()
      const text = await other.metrics.registry.metrics()
      expect(text).toContain('bangban_release_info')
      expect(text).not.toMatch(/bangban_queue_length\{/)
    } finally {
      await other.app.close()
    }
  })

  it('is not ready once it drains, while it still answers requests', async () => {
    const other = await startService(on.database, on.service.clock)
    try {
      expect((await other.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
      other.drain()
      const ready = await other.app.inject({ method: 'GET', url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(ready.json()).toMatchObject({ reason: 'draining' })
      expect((await other.app.inject({ method: 'GET', url: '/api/v1/providers' })).statusCode).toBe(200)
    } finally {
      await other.close()
    }
  })
})
