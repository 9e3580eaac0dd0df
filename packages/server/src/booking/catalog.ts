/** Read side of booking: places, their services, days with free places, and slots. */
import type { DayAvailability, Provider, Slot } from '@bangban/core/api'
import { addDays, shanghaiDate } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'

export async function listProviders(db: Kysely<Database>): Promise<Provider[]> {
  const providers = await db
    .selectFrom('providers')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
  const services = await db
    .selectFrom('services')
    .selectAll()
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
  return providers.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    address: p.address,
    services: services
      .filter((s) => s.provider_id === p.id)
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind, ticketPrefix: s.ticket_prefix })),
  }))
}

async function requireService(db: Kysely<Database>, serviceId: string) {
  const service = await db
    .selectFrom('services')
    .selectAll()
    .where('id', '=', serviceId)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (!service) throw new AppError('NOT_FOUND')
  return service
}

/** Slots of a day that have not started yet, with their free places. */
export async function listSlots(
  db: Kysely<Database>,
  clock: Clock,
  serviceId: string,
  date: string,
): Promise<Slot[]> {
  await requireService(db, serviceId)
  const rows = await db
    .selectFrom('slots')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('local_date', '=', date)
    .where('starts_at', '>', clock.now().toISOString())
    .orderBy('starts_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    capacity: r.capacity,
    remaining: r.remaining,
  }))
}

/** Free places per day over the service's booking window, counting only slots still ahead. */
export async function listAvailability(
  db: Kysely<Database>,
  clock: Clock,
  serviceId: string,
): Promise<DayAvailability[]> {
  const service = await requireService(db, serviceId)
  const today = shanghaiDate(clock.now())
  const rows = await db
    .selectFrom('slots')
    .select((eb) => [
      'local_date',
      eb.fn.sum<number>('capacity').as('capacity'),
      eb.fn.sum<number>('remaining').as('remaining'),
    ])
    .where('service_id', '=', serviceId)
    .where('starts_at', '>', clock.now().toISOString())
    .groupBy('local_date')
    .execute()
  const byDate = new Map(rows.map((r) => [r.local_date, r]))
  return Array.from({ length: service.days_ahead }, (_, i) => {
    const date = addDays(today, i)
    const row = byDate.get(date)
    return { date, capacity: Number(row?.capacity ?? 0), remaining: Number(row?.remaining ?? 0) }
  })
}
