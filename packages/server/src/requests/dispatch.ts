/**
 * Where a request goes: the grid (given, or found from the address, or the default grid), then the
 * on-duty grid worker of that grid with the least open work (ties: the lower staff number).
 */
import type { Kysely, Transaction } from 'kysely'
import type { Database, ServiceRequestStatus } from '../db/schema'
import { AppError } from '../util/errors'

type Db = Kysely<Database> | Transaction<Database>

/** Work a grid worker still has to do; resolved requests wait for the resident, not for them. */
export const OPEN_STATUSES: readonly ServiceRequestStatus[] = [
  'submitted',
  'dispatched',
  'accepted',
  'in-progress',
]

export interface Worker {
  readonly id: string
  readonly staff_no: string
  readonly name: string
  readonly grid_id: string | null
}

const compact = (text: string) => text.replace(/\s+/g, '')

/** The grid whose longest address fragment appears in the address, else the first grid. */
export async function gridForAddress(db: Db, address: string): Promise<string> {
  const areas = await db
    .selectFrom('grid_areas as a')
    .innerJoin('grids as g', 'g.id', 'a.grid_id')
    .select(['a.grid_id', 'a.keyword'])
    .where('g.active', '=', 1)
    .execute()
  const place = compact(address)
  const best = areas
    .filter((area) => place.includes(compact(area.keyword)))
    .sort((a, b) => compact(b.keyword).length - compact(a.keyword).length)[0]
  if (best) return best.grid_id
  const fallback = await db
    .selectFrom('grids')
    .select('id')
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('id')
    .executeTakeFirst()
  if (!fallback) throw new AppError('NO_GRID_WORKER')
  return fallback.id
}

export async function requireGrid(db: Db, gridId: string): Promise<string> {
  const grid = await db
    .selectFrom('grids')
    .select('id')
    .where('id', '=', gridId)
    .where('active', '=', 1)
    .executeTakeFirst()
  if (!grid) throw new AppError('VALIDATION_FAILED', [{ where: 'body.gridId', problem: 'unknown' }])
  return grid.id
}

function onDutyWorkers(db: Db) {
  return db
    .selectFrom('staff')
    .select(['id', 'staff_no', 'name', 'grid_id'])
    .where('on_duty', '=', 1)
    .where('roles', 'like', '%"grid-worker"%')
}

/** Open requests per worker. */
async function loads(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('service_requests')
    .select((eb) => ['assignee_staff_id', eb.fn.countAll<number>().as('n')])
    .where('assignee_staff_id', 'in', ids)
    .where('status', 'in', OPEN_STATUSES)
    .groupBy('assignee_staff_id')
    .execute()
  return new Map(rows.map((row) => [row.assignee_staff_id!, Number(row.n)]))
}

/** The on-duty grid worker of a grid with the least open work, or null when nobody is on duty. */
export async function pickWorker(db: Db, gridId: string, except?: string): Promise<Worker | null> {
  let query = onDutyWorkers(db).where('grid_id', '=', gridId)
  if (except) query = query.where('id', '!=', except)
  const workers = await query.execute()
  const load = await loads(
    db,
    workers.map((w) => w.id),
  )
  const ranked = [...workers].sort(
    (a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || (a.staff_no < b.staff_no ? -1 : 1),
  )
  return ranked[0] ?? null
}

/** A named grid worker, if they are on duty. */
export async function onDutyWorker(db: Db, staffId: string): Promise<Worker | null> {
  return (await onDutyWorkers(db).where('id', '=', staffId).executeTakeFirst()) ?? null
}
