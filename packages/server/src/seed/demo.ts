/**
 * Demo data (BANGBAN_SEED=demo): a community health centre and a community service station with
 * half-hour slots for the next 14 days, one kiosk, grids with their grid workers, staff, request
 * categories, and (imported from the files in fixtures/demo, as a district imports its own) utility
 * accounts with unpaid bills and medical bills of one demo resident.
 * Safe to run on every start: what exists is left as it is (demo staff get the current password).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Insertable, Kysely } from 'kysely'
import type { Database, ServicesTable } from '../db/schema'
import { importFile } from '../imports'
import { seedDemoTranslations } from './translations'
import { sha256 } from '../util/hash'
import type { Clock } from '../util/clock'

const SLOT_TIMES = [
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
export const DEMO_KIOSK_NAME = '幸福里社区服务中心 1 号自助机'
/** The demo resident: sign in at the kiosk with this ID card (simulator) to see linked accounts and medical bills. */
export const DEMO_RESIDENT = { name: '王小明', idNumber: '11010519491231002X' } as const
export const DEMO_ACCOUNTS = {
  water: 'W1000001',
  electricity: 'E2000001',
  gas: 'G3000001',
  property: 'P4000001',
} as const

function service(
  id: string,
  providerId: string,
  name: string,
  kind: ServicesTable['kind'],
  prefix: string,
  order: number,
): Insertable<ServicesTable> {
  return {
    id,
    provider_id: providerId,
    name,
    kind,
    ticket_prefix: prefix,
    slot_times: JSON.stringify(SLOT_TIMES),
    open_weekdays: '0123456',
    capacity_per_slot: 5,
    days_ahead: 14,
    sort_order: order,
  }
}

async function seedBooking(db: Kysely<Database>): Promise<void> {
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

async function seedPeople(db: Kysely<Database>, clock: Clock, staffPasswordHash: string): Promise<void> {
  await db
    .insertInto('grids')
    .values([
      {
        id: 'grid-xfl-1',
        name: '幸福里第一网格',
        community: '幸福里社区',
        area: '幸福里小区 1–6 号楼',
        sort_order: 1,
      },
      {
        id: 'grid-xfl-2',
        name: '幸福里第二网格',
        community: '幸福里社区',
        area: '幸福里小区 7–12 号楼、和平巷',
        sort_order: 2,
      },
      {
        id: 'grid-xfl-3',
        name: '幸福里第三网格',
        community: '幸福里社区',
        area: '幸福路沿街商铺、社区服务站周边',
        sort_order: 3,
      },
    ])
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ area: eb.ref('excluded.area') })))
    .execute()
  // Address fragments that place a service request in a grid (matched ignoring spaces).
  const areas: Record<string, string[]> = {
    'grid-xfl-1': ['幸福里小区1号楼', '幸福里小区2号楼', '幸福里小区3号楼', '幸福里小区4号楼'],
    'grid-xfl-2': ['幸福里小区5号楼', '幸福里小区6号楼', '幸福里小区7号楼', '幸福里小区8号楼'],
    'grid-xfl-3': ['和平巷', '幸福路'],
  }
  await db
    .insertInto('grid_areas')
    .values(
      Object.entries(areas).flatMap(([grid_id, keywords]) =>
        keywords.map((keyword) => ({ grid_id, keyword })),
      ),
    )
    .onConflict((oc) => oc.columns(['grid_id', 'keyword']).doNothing())
    .execute()
  const now = clock.now().toISOString()
  const staff = [
    {
      id: 'stf-h1001',
      staff_no: 'H1001',
      name: '张帮办',
      roles: ['helper'],
      grid_id: null,
      phone: '13900001001',
    },
    {
      id: 'stf-h1002',
      staff_no: 'H1002',
      name: '陈帮办',
      roles: ['helper'],
      grid_id: null,
      phone: '13900001002',
    },
    {
      id: 'stf-g2001',
      staff_no: 'G2001',
      name: '李网格',
      roles: ['grid-worker'],
      grid_id: 'grid-xfl-1',
      phone: '13900002001',
    },
    {
      id: 'stf-g2002',
      staff_no: 'G2002',
      name: '刘网格',
      roles: ['grid-worker'],
      grid_id: 'grid-xfl-2',
      phone: '13900002002',
    },
    {
      id: 'stf-g2003',
      staff_no: 'G2003',
      name: '周网格',
      roles: ['grid-worker'],
      grid_id: 'grid-xfl-3',
      phone: '13900002003',
    },
    {
      id: 'stf-g2004',
      staff_no: 'G2004',
      name: '吴网格',
      roles: ['grid-worker'],
      grid_id: 'grid-xfl-1',
      phone: '13900002004',
    },
    {
      id: 'stf-a0001',
      staff_no: 'A0001',
      name: '赵站长',
      roles: ['admin', 'helper'],
      grid_id: null,
      phone: '13900000001',
    },
  ]
  for (const person of staff) {
    await db
      .insertInto('staff')
      .values({
        ...person,
        roles: JSON.stringify(person.roles),
        password_hash: staffPasswordHash,
        on_duty: 1,
        created_at: now,
      })
      .onConflict((oc) => oc.column('staff_no').doUpdateSet({ password_hash: staffPasswordHash }))
      .execute()
  }
  await db
    .insertInto('request_categories')
    .values([
      { id: 'cat-repair', name: '维修报修', kind: 'repair', time_limit_hours: 48, sort_order: 1 },
      { id: 'cat-environment', name: '环境卫生', kind: 'complaint', time_limit_hours: 72, sort_order: 2 },
      { id: 'cat-consultation', name: '政策咨询', kind: 'consultation', time_limit_hours: 24, sort_order: 3 },
      { id: 'cat-neighbour', name: '邻里纠纷', kind: 'complaint', time_limit_hours: 72, sort_order: 4 },
      { id: 'cat-suggestion', name: '意见建议', kind: 'suggestion', time_limit_hours: 168, sort_order: 5 },
      { id: 'cat-other', name: '其他问题', kind: 'other', time_limit_hours: 72, sort_order: 6 },
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

/** The demo's billers: a collection point for the utilities, and the health centre's own bills. */
export const DEMO_BILLERS = [
  {
    id: 'xfl-utilities',
    name: '幸福里便民缴费代收点',
    kinds: ['water', 'electricity', 'gas', 'property'],
  },
  { id: 'xfl-health', name: '幸福里社区卫生服务中心', kinds: ['medical'] },
] as const

/** The committed demo files, read the way a district's files are (imports/). */
export const DEMO_FILES = [
  { kind: 'accounts', billerId: 'xfl-utilities', file: 'accounts.csv', format: 'csv' },
  { kind: 'bills', billerId: 'xfl-utilities', file: 'bills.xlsx', format: 'xlsx' },
  { kind: 'bills', billerId: 'xfl-health', file: 'medical-bills.csv', format: 'csv' },
] as const

/** packages/server/fixtures/demo, from the sources or from the compiled dist/. */
export function demoFixturesDir(): string {
  const candidates = [resolve(__dirname, '../../fixtures/demo'), resolve(__dirname, '../fixtures/demo')]
  const found = candidates.find((dir) => existsSync(join(dir, 'accounts.csv')))
  if (!found) throw new Error(`the demo files are missing (looked in ${candidates.join(', ')})`)
  return found
}

/**
 * Accounts and bills: the demo is one more import of committed CSV and Excel files, so the import
 * formats are exercised at every demo start. Billers get a key nobody knows (the demo pushes nothing).
 */
async function seedBills(db: Kysely<Database>, clock: Clock, pepper: string): Promise<void> {
  const now = clock.now().toISOString()
  for (const biller of DEMO_BILLERS)
    await db
      .insertInto('billers')
      .values({
        id: biller.id,
        name: biller.name,
        kinds: JSON.stringify(biller.kinds),
        key_hash: sha256(randomBytes(18).toString('base64url')),
        previous_key_hash: null,
        previous_key_until: null,
        created_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
  const dir = demoFixturesDir()
  const ctx = {
    db,
    clock,
    idPepper: pepper,
    actor: { kind: 'system', id: 'demo-seed' },
    language: 'en',
  } as const
  for (const demo of DEMO_FILES) {
    const report = await importFile(ctx, {
      kind: demo.kind,
      billerId: demo.billerId,
      fileName: demo.file,
      format: demo.format,
      bytes: readFileSync(join(dir, demo.file)),
      dryRun: false,
    })
    if (report.problems.length > 0)
      throw new Error(
        `demo file ${demo.file}: ${report.problems.map((p) => `row ${p.row}: ${p.message}`).join('; ')}`,
      )
  }
}

export interface DemoSeedOptions {
  readonly clock: Clock
  readonly idPepper: string
  readonly staffPasswordHash: string
}

export async function seedDemo(db: Kysely<Database>, options: DemoSeedOptions): Promise<void> {
  await seedBooking(db)
  await seedPeople(db, options.clock, options.staffPasswordHash)
  await seedBills(db, options.clock, options.idPepper)
  await seedDemoTranslations(db)
}
