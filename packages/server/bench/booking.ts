/**
 * Booking throughput and latency with autocannon at 50 connections, beside the same machine's
 * throughput of a bare Fastify route returning a constant. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import Fastify from 'fastify'
import { residentByIdNumber } from '../src/auth/residents'
import { createSession } from '../src/auth/sessions'
import { loadConfig } from '../src/config'
import { createService } from '../src/service'
import { idCheckChar } from '@bangban/core/domain'

const DURATION = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = 50

async function load(url: string, options: Partial<autocannon.Options> = {}) {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options })
}

async function main() {
  const bare = Fastify()
  bare.get('/bare', async () => ({ ok: true }))
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' })
  const bareResult = await load(`${bareUrl}/bare`)
  await bare.close()

  const dir = mkdtempSync(join(tmpdir(), 'bangban-bench-'))
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `sqlite:${join(dir, 'bench.db')}`
  const service = await createService({
    config: loadConfig({
      DATABASE_URL: databaseUrl,
      BANGBAN_SEED: 'demo',
      BANGBAN_KIOSK_KEY: 'bench-kiosk-key-000000',
    }),
  })
  const slots = await service.ctx.db
    .selectFrom('slots')
    .select('id')
    .where('starts_at', '>', new Date().toISOString())
    .execute()
  const tokens: string[] = []
  for (let i = 0; i < 3000; i++) {
    const first17 = `3101011950${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`
    const resident = await residentByIdNumber(
      service.ctx.db,
      service.ctx.clock,
      service.ctx.idPepper,
      `Bench${i}`,
      first17 + idCheckChar(first17),
    )
    tokens.push(
      (await createSession(service.ctx.db, service.ctx.clock, resident.id, 'id-card', 3600, null)).token,
    )
  }
  const url = await service.app.listen({ port: 0, host: '127.0.0.1' })
  let n = 0
  const statuses = new Map<number, number>()
  const booking = await load(`${url}/api/v1/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          n++
          return {
            ...req,
            headers: { ...req.headers, authorization: `Bearer ${tokens[n % tokens.length]}` },
            body: JSON.stringify({ slotId: slots[(n * 7919) % slots.length]!.id }),
          }
        },
        onResponse: (status) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
        },
      },
    ],
  })
  await service.close()
  rmSync(dir, { recursive: true, force: true })

  const rows = [
    ['bare Fastify route', bareResult.requests.average, bareResult.latency.p50, bareResult.latency.p99],
    [
      `POST /api/v1/appointments (${service.store.engine})`,
      booking.requests.average,
      booking.latency.p50,
      booking.latency.p99,
    ],
  ] as const
  console.log(
    `\nBooking benchmark: ${CONNECTIONS} connections, ${DURATION} s each, ${new Date().toISOString()}`,
  )
  console.log('| what | req/s | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |')
  for (const [what, rps, p50, p99] of rows) console.log(`| ${what} | ${rps.toFixed(0)} | ${p50} | ${p99} |`)
  console.log(
    `booking / bare throughput ratio: ${(booking.requests.average / bareResult.requests.average).toFixed(3)} (target ≥ 0.3); p99 target < 50 ms`,
  )
  console.log(
    `booking answers by status: ${[...statuses].map(([s, c]) => `${s}: ${c}`).join(', ')}; errors: ${booking.errors}, non-2xx: ${booking.non2xx}`,
  )
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
