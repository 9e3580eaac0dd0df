/**
 * The operators' dashboard: the Shanghai day's appointments per department and settled payments
 * per method, the requests still open per grid (overdue first), and the response rate and median
 * handling time of the last 30 days (the same figures as /admin/metrics). Counts are taken by the
 * database; the open requests are few enough to sort here, identically on both engines.
 */
import type { AdminDashboard, GridOpenRequests, OpenRequestLine, PaymentMethod } from '@bangban/core/api'
import { addDays, maskName, shanghaiDate, shanghaiToInstant } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { OPEN_STATUSES } from '../requests/dispatch'
import { requestMetrics } from '../requests/metrics'
import type { Clock } from '../util/clock'

const METHODS: readonly PaymentMethod[] = ['wechat-native', 'wechat-jsapi', 'counter-cash']
/** Enough to show; a grid with more open requests than this has bigger problems than a list. */
const MAX_OPEN = 1000

/** Overdue first, the longest overdue at the top; then the soonest due. Ties: the older first. */
export function byUrgency(a: OpenRequestLine, b: OpenRequestLine): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  return Date.parse(a.dueAt) - Date.parse(b.dueAt) || Date.parse(a.createdAt) - Date.parse(b.createdAt)
}

async function appointmentsOf(db: Kysely<Database>, date: string) {
  const services = await db
    .selectFrom('services as s')
    .innerJoin('providers as p', 'p.id', 's.provider_id')
    .select(['s.id', 's.name', 's.kind', 'p.name as provider_name'])
    .orderBy('p.sort_order')
    .orderBy('s.sort_order')
    .execute()
  const counts = await db
    .selectFrom('appointments')
    .select(['service_id', (eb) => eb.fn.countAll<number | string>().as('booked')])
    .where('local_date', '=', date)
    .where('status', '=', 'booked')
    .groupBy('service_id')
    .execute()
  const booked = new Map(counts.map((c) => [c.service_id, Number(c.booked)]))
  const byDepartment = services.map((s) => ({
    serviceId: s.id,
    serviceName: s.name,
    providerName: s.provider_name,
    kind: s.kind,
    booked: booked.get(s.id) ?? 0,
  }))
  return { total: byDepartment.reduce((sum, d) => sum + d.booked, 0), byDepartment }
}

async function paymentsOf(db: Kysely<Database>, date: string) {
  // Money that arrived during the day and stayed: refunded duplicates are not takings.
  const rows = await db
    .selectFrom('payments')
    .select([
      'method',
      (eb) => eb.fn.countAll<number | string>().as('count'),
      (eb) => eb.fn.sum<number | string>('amount_fen').as('total'),
    ])
    .where('status', '=', 'paid')
    .where('paid_at', '>=', shanghaiToInstant(date, '00:00'))
    .where('paid_at', '<', shanghaiToInstant(addDays(date, 1), '00:00'))
    .groupBy('method')
    .execute()
  const byMethod = METHODS.map((method) => {
    const row = rows.find((r) => r.method === method)
    return { method, count: Number(row?.count ?? 0), totalFen: Number(row?.total ?? 0) }
  })
  return {
    count: byMethod.reduce((sum, m) => sum + m.count, 0),
    totalFen: byMethod.reduce((sum, m) => sum + m.totalFen, 0),
    byMethod,
  }
}

async function openRequestsOf(db: Kysely<Database>, now: string) {
  const grids = await db.selectFrom('grids').select(['id', 'name']).orderBy('sort_order').execute()
  const rows = await db
    .selectFrom('service_requests as q')
    .innerJoin('request_categories as c', 'c.id', 'q.category_id')
    .leftJoin('staff as s', 's.id', 'q.assignee_staff_id')
    .select([
      'q.id',
      'q.request_no',
      'q.grid_id',
      'q.status',
      'q.created_at',
      'q.due_at',
      'c.name as category_name',
      's.name as assignee_name',
    ])
    .where('q.status', 'in', OPEN_STATUSES)
    .orderBy('q.due_at')
    .limit(MAX_OPEN)
    .execute()
  const lines = rows.map((r) => ({
    gridId: r.grid_id,
    line: {
      id: r.id,
      requestNo: r.request_no,
      categoryName: r.category_name,
      status: r.status,
      createdAt: r.created_at,
      dueAt: r.due_at,
      overdue: Date.parse(r.due_at) < Date.parse(now),
      assigneeMaskedName: r.assignee_name ? maskName(r.assignee_name) : null,
    } satisfies OpenRequestLine,
  }))
  const byGrid: GridOpenRequests[] = grids.map((g) => {
    const requests = lines
      .filter((l) => l.gridId === g.id)
      .map((l) => l.line)
      .sort(byUrgency)
    return {
      gridId: g.id,
      gridName: g.name,
      open: requests.length,
      overdue: requests.filter((r) => r.overdue).length,
      requests,
    }
  })
  return {
    total: lines.length,
    overdue: lines.filter((l) => l.line.overdue).length,
    byGrid,
  }
}

export async function adminDashboard(
  db: Kysely<Database>,
  clock: Clock,
): Promise<Omit<AdminDashboard, 'auditHead'>> {
  const now = clock.now().toISOString()
  const date = shanghaiDate(now)
  const [appointments, payments, openRequests, metrics] = await Promise.all([
    appointmentsOf(db, date),
    paymentsOf(db, date),
    openRequestsOf(db, now),
    requestMetrics(db, clock, { to: now }),
  ])
  const { total, responded, resolved, responseRate, medianHandlingMinutes } = metrics.overall
  return {
    date,
    asOf: now,
    appointments,
    payments,
    openRequests,
    requests: {
      from: metrics.from,
      to: metrics.to,
      total,
      responded,
      resolved,
      responseRate,
      medianHandlingMinutes,
    },
  }
}
