/**
 * Demo data (BANGBAN_SEED=demo): a community health centre and a community service station with
 * half-hour slots for the next 14 days, and one kiosk. Safe to run on every start: nothing that
 * exists is changed.
 */
import type { Kysely } from 'kysely'
import type { Database, ServicesTable } from '../db/schema'

const CLINIC_TIMES = [
  '08:00-08:30',
  '08:30-09:00',
  '09:00-09:30',
  '09:30-10:00',
  '10:00-10:30',
  '10:30-11:00',
  '11:00-11:30',
  '14:00-14:30',
  '14:30-15:00',
  '15:00-15:30',
  '15:30-16:00',
  '16:00-16:30',
]

export const DEMO_KIOSK_ID = 'kiosk-xfl-1'

function service(
  id: string,
  providerId: string,
  name: string,
  kind: ServicesTable['kind'],
  prefix: string,
  order: number,
): ServicesTable {
  return {
    id,
    provider_id: providerId,
    name,
    kind,
    ticket_prefix: prefix,
    slot_times: JSON.stringify(CLINIC_TIMES),
    open_weekdays: '0123456',
    capacity_per_slot: 5,
    days_ahead: 14,
    sort_order: order,
  }
}

export async function seedDemo(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('providers')
    .values([
      {
        id: 'prv-xfl-health',
        name: '幸福里社区卫生服务中心',
        kind: 'clinic',
        address: '幸福里街道幸福路 88 号',
        sort_order: 1,
      },
      {
        id: 'prv-xfl-station',
        name: '幸福里社区服务站',
        kind: 'community',
        address: '幸福里街道和平巷 12 号',
        sort_order: 2,
      },
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
  await db
    .insertInto('services')
    .values([
      service('svc-general', 'prv-xfl-health', '全科', 'department', 'A', 1),
      service('svc-tcm', 'prv-xfl-health', '中医科', 'department', 'B', 2),
      service('svc-dental', 'prv-xfl-health', '口腔科', 'department', 'C', 3),
      service('svc-senior-card', 'prv-xfl-station', '老年证办理', 'service', 'D', 4),
      service('svc-pension-cert', 'prv-xfl-station', '社保认证', 'service', 'E', 5),
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}
