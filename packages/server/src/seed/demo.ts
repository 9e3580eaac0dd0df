/**
 * Demo data (BANGBAN_SEED=demo): a community health centre and a community service station with
 * half-hour slots for the next 14 days, one kiosk, grids with their grid workers, staff, request
 * categories, utility accounts with unpaid bills, and medical bills of one demo resident.
 * Safe to run on every start: what exists is left as it is (demo staff get the current password).
 */
import { shanghaiDate } from '@bangban/core/domain'
import type { Kysely } from 'kysely'
import { residentByIdNumber } from '../auth/residents'
import type { BillsTable, Database, ServicesTable } from '../db/schema'
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
): ServicesTable {
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

/** The calendar month before `date`, as YYYY-MM. */
function previousMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

async function seedBills(db: Kysely<Database>, clock: Clock, pepper: string): Promise<void> {
  const now = clock.now().toISOString()
  const today = shanghaiDate(clock.now())
  const period = previousMonth(today)
  const due = `${today.slice(0, 7)}-28`
  const resident = await residentByIdNumber(db, clock, pepper, DEMO_RESIDENT.name, DEMO_RESIDENT.idNumber)
  const address = '幸福里小区 3 号楼 2 单元 501 室'
  await db
    .insertInto('utility_accounts')
    .values([
      {
        account_no: DEMO_ACCOUNTS.water,
        kind: 'water',
        holder_name: DEMO_RESIDENT.name,
        address,
        resident_id: resident.id,
        created_at: now,
      },
      {
        account_no: DEMO_ACCOUNTS.electricity,
        kind: 'electricity',
        holder_name: DEMO_RESIDENT.name,
        address,
        resident_id: resident.id,
        created_at: now,
      },
      {
        account_no: DEMO_ACCOUNTS.gas,
        kind: 'gas',
        holder_name: DEMO_RESIDENT.name,
        address,
        resident_id: resident.id,
        created_at: now,
      },
      {
        account_no: DEMO_ACCOUNTS.property,
        kind: 'property',
        holder_name: DEMO_RESIDENT.name,
        address,
        resident_id: resident.id,
        created_at: now,
      },
      {
        account_no: 'W1000002',
        kind: 'water',
        holder_name: '李桂兰',
        address: '幸福里小区 5 号楼 1 单元 302 室',
        resident_id: null,
        created_at: now,
      },
    ])
    .onConflict((oc) => oc.column('account_no').doNothing())
    .execute()
  const bill = (
    id: string,
    kind: BillsTable['kind'],
    accountNo: string | null,
    lines: Array<[string, number]>,
    billPeriod = period,
  ): BillsTable => ({
    id,
    kind,
    account_no: accountNo,
    resident_id: kind === 'medical' ? resident.id : null,
    period: billPeriod,
    amount_fen: lines.reduce((sum, [, fen]) => sum + fen, 0),
    lines: JSON.stringify(lines.map(([label, amountFen]) => ({ label, amountFen }))),
    status: 'unpaid',
    due_date: due,
    created_at: now,
    paid_at: null,
    paid_by_payment_id: null,
  })
  await db
    .insertInto('bills')
    .values([
      bill('bill-w1000001-1', 'water', DEMO_ACCOUNTS.water, [
        ['用水 10 吨', 2800],
        ['污水处理费', 850],
      ]),
      bill('bill-e2000001-1', 'electricity', DEMO_ACCOUNTS.electricity, [['用电 215 度', 12840]]),
      bill('bill-g3000001-1', 'gas', DEMO_ACCOUNTS.gas, [['用气 15 立方米', 4500]]),
      bill('bill-p4000001-1', 'property', DEMO_ACCOUNTS.property, [
        ['物业服务费', 30000],
        ['公共能耗分摊', 6000],
      ]),
      bill('bill-w1000002-1', 'water', 'W1000002', [
        ['用水 6 吨', 1680],
        ['污水处理费', 510],
      ]),
      bill(
        'bill-med-1',
        'medical',
        null,
        [
          ['门诊诊查费', 1000],
          ['西药费', 3650],
        ],
        `${period}-15`,
      ),
      bill('bill-med-2', 'medical', null, [['口腔检查', 2000]], `${period}-22`),
    ])
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
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
}
