/**
 * Admin metrics from a generated month of requests (submitted, answered, resolved and rated at
 * known times through the same functions the API uses) match a direct count of what was generated.
 */
import type { AdminMetrics, MetricsGroup } from '@bangban/core/api'
import { acceptRequest, rateRequest, resolveRequest } from '../src/requests/transitions'
import { submitRequest } from '../src/requests/submit'
import { bearer, describeOnEngines, residents, staffToken } from './support/service'

interface Generated {
  category: string
  grid: string
  createdAt: number
  respondedAfter: number | null
  resolvedAfter: number | null
  score: number | null
  dueMinutes: number
}

/** A small deterministic generator, so a failure can be reproduced. */
function lcg(seed: number) {
  let state = seed
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state % n
  }
}

const CATEGORIES = { 'cat-repair': 48, 'cat-consultation': 24, 'cat-environment': 72 } as Record<
  string,
  number
>
const GRID_WORKERS = {
  'grid-xfl-1': ['stf-g2001', 'stf-g2004'],
  'grid-xfl-2': ['stf-g2002'],
  'grid-xfl-3': ['stf-g2003'],
} as Record<string, string[]>

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

function expected(rows: Generated[], now: number): Omit<MetricsGroup, 'key' | 'name'> {
  let responded = 0
  let resolved = 0
  let overdue = 0
  let rated = 0
  let scoreSum = 0
  let satisfied = 0
  const firsts: number[] = []
  const handles: number[] = []
  for (const r of rows) {
    if (r.respondedAfter !== null) {
      responded++
      firsts.push(r.respondedAfter)
    }
    if (r.resolvedAfter !== null) {
      resolved++
      handles.push(r.resolvedAfter)
    }
    const end = r.resolvedAfter !== null ? r.createdAt + r.resolvedAfter * 60_000 : now
    if (end > r.createdAt + r.dueMinutes * 60_000) overdue++
    if (r.score !== null) {
      rated++
      scoreSum += r.score
      if (r.score >= 4) satisfied++
    }
  }
  return {
    total: rows.length,
    responded,
    resolved,
    overdue,
    responseRate: rows.length ? responded / rows.length : null,
    medianFirstResponseMinutes: median(firsts),
    medianHandlingMinutes: median(handles),
    rated,
    averageScore: rated ? scoreSum / rated : null,
    satisfactionRate: rated ? satisfied / rated : null,
  }
}

describeOnEngines('request metrics', (on) => {
  it('match a direct count over a generated month', async () => {
    const random = lcg(20261101)
    const start = Date.parse('2026-11-01T00:00:00.000Z')
    const [resident] = await residents(on.service, 1, 400)
    const generated: Generated[] = []
    const deps = { db: on.service.ctx.db, clock: on.service.clock }
    for (let i = 0; i < 90; i++) {
      const category = Object.keys(CATEGORIES)[random(3)]!
      const grid = Object.keys(GRID_WORKERS)[random(3)]!
      const createdAt = start + random(30 * 24 * 60) * 60_000
      const respondedAfter = random(10) < 8 ? 1 + random(24 * 60) : null
      const resolvedAfter =
        respondedAfter !== null && random(10) < 7 ? respondedAfter + random(72 * 60) : null
      const score = resolvedAfter !== null && random(10) < 6 ? 1 + random(5) : null
      on.service.clock.set(new Date(createdAt))
      const request = await submitRequest(deps, resident!.id, {
        categoryId: category,
        description: `generated ${i}`,
        gridId: grid,
        contactPhone: '13800001111',
      })
      const row = await on.service.ctx.db
        .selectFrom('service_requests')
        .select('assignee_staff_id')
        .where('id', '=', request.id)
        .executeTakeFirstOrThrow()
      const worker = { id: row.assignee_staff_id!, admin: false }
      expect(GRID_WORKERS[grid]).toContain(worker.id)
      if (respondedAfter !== null) {
        on.service.clock.set(new Date(createdAt + respondedAfter * 60_000))
        await acceptRequest(deps, worker, request.id)
      }
      if (resolvedAfter !== null) {
        on.service.clock.set(new Date(createdAt + resolvedAfter * 60_000))
        await resolveRequest(deps, worker, request.id, 'done')
      }
      if (score !== null) {
        on.service.clock.advance(3600_000)
        await rateRequest(deps, resident!.id, request.id, score, undefined)
      }
      generated.push({
        category,
        grid,
        createdAt,
        respondedAfter,
        resolvedAfter,
        score,
        dueMinutes: CATEGORIES[category]! * 60,
      })
    }
    const now = Date.parse('2026-12-05T00:00:00.000Z')
    on.service.clock.set(new Date(now))
    const res = await on.service.app.inject({
      url: '/api/v1/admin/metrics?from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z',
      headers: bearer(await staffToken(on.service, 'A0001')),
    })
    expect(res.statusCode).toBe(200)
    const metrics = res.json() as AdminMetrics
    const close = (actual: Omit<MetricsGroup, 'key' | 'name'>, want: Omit<MetricsGroup, 'key' | 'name'>) => {
      for (const [key, value] of Object.entries(want)) {
        const got = actual[key as keyof typeof want]
        if (value === null) expect(got).toBeNull()
        else expect(got).toBeCloseTo(value as number, 9)
      }
    }
    expect(metrics.overall.total).toBe(90)
    close(metrics.overall, expected(generated, now))
    for (const category of Object.keys(CATEGORIES)) {
      const group = metrics.byCategory.find((g) => g.key === category)!
      close(
        group,
        expected(
          generated.filter((g) => g.category === category),
          now,
        ),
      )
    }
    for (const grid of Object.keys(GRID_WORKERS)) {
      const group = metrics.byGrid.find((g) => g.key === grid)!
      close(
        group,
        expected(
          generated.filter((g) => g.grid === grid),
          now,
        ),
      )
    }
    // Outside the range nothing counts.
    const empty = await on.service.app.inject({
      url: '/api/v1/admin/metrics?from=2026-10-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z',
      headers: bearer(await staffToken(on.service, 'A0001')),
    })
    expect(empty.json().overall).toMatchObject({ total: 0, responseRate: null, medianHandlingMinutes: null })
  })
})
