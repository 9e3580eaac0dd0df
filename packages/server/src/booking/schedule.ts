/**
 * Generates bookable slots from each service's schedule for the days ahead. Idempotent: a slot
 * that exists (same service and start) is left alone, so its free places are never reset.
 */
import { addDays, shanghaiDate, shanghaiToInstant, weekday } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { newId } from '../util/ids'

export function parseSlotTimes(json: string): Array<{ start: string; end: string }> {
  const times = JSON.parse(json) as unknown
  if (!Array.isArray(times)) throw new Error('slot_times must be a JSON array')
  return times.map((entry) => {
    const match = typeof entry === 'string' ? /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(entry) : null
    if (!match) throw new Error(`invalid slot time ${String(entry)}`)
    return { start: match[1]!, end: match[2]! }
  })
}

export async function ensureSlots(db: Kysely<Database>, clock: Clock): Promise<number> {
  const services = await db.selectFrom('services').selectAll().where('active', '=', 1).execute()
  const today = shanghaiDate(clock.now())
  let created = 0
  for (const service of services) {
    const times = parseSlotTimes(service.slot_times)
    const rows = []
    for (let day = 0; day < service.days_ahead; day++) {
      const date = addDays(today, day)
      if (!service.open_weekdays.includes(String(weekday(date)))) continue
      for (const { start, end } of times) {
        rows.push({
          id: newId('slot'),
          service_id: service.id,
          local_date: date,
          starts_at: shanghaiToInstant(date, start),
          ends_at: shanghaiToInstant(date, end),
          capacity: service.capacity_per_slot,
          remaining: service.capacity_per_slot,
        })
      }
    }
    if (rows.length === 0) continue
    const result = await db
      .insertInto('slots')
      .values(rows)
      .onConflict((oc) => oc.columns(['service_id', 'starts_at']).doNothing())
      .executeTakeFirst()
    created += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return created
}
