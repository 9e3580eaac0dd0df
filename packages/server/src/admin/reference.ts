/**
 * A district's reference data, kept by its administrators: places (providers) and their services,
 * grids with the addresses they cover, and request categories. Nothing is deleted, since bookings,
 * requests and bills point at it: an entry is retired (`active` off) and disappears from what
 * residents are offered. Every change is audited (`place.added`, `service.changed`, …).
 */
import {
  CategoryInput,
  GridInput,
  NewCategory,
  NewGrid,
  NewPlace,
  NewService,
  PlaceInput,
  ServiceInput,
  type AdminCategory,
  type AdminGrid,
  type AdminPlace,
  type AdminService,
} from '@bangban/core/api'
import type { z } from 'zod'
import type { Database } from '../db/schema'
import { AdminError, audited, check, type AdminContext, type Db } from './context'

const flag = (active: boolean) => (active ? 1 : 0)

async function exists(db: Db, table: keyof Database, id: string): Promise<boolean> {
  const row = await db
    .selectFrom(table as 'grids')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst()
  return Boolean(row)
}

async function mustBeNew(db: Db, table: keyof Database, id: string): Promise<void> {
  if (await exists(db, table, id)) throw new AdminError('ADMIN_CONFLICT', 'taken', { value: id })
}

/**
 * One kind of reference data: its table, the word its audit actions start with, its columns from
 * an administrator's input, and how it reads back. Adding and changing are then the same for all.
 */
interface ReferenceKind<Input, View> {
  readonly table: 'providers' | 'services' | 'grids' | 'request_categories'
  /** `place` → `place.added`, `place.changed`. */
  readonly what: string
  /** The row's columns but its id. */
  readonly columns: (input: Input) => Record<string, unknown>
  /** Reads one back; refuses an unknown id with NOT_FOUND. */
  readonly view: (db: Db, id: string) => Promise<View>
  /** Checks before the row is written (what it points at must exist). */
  readonly before?: (db: Db, input: Input) => Promise<void>
  /** Writes beside the row (a grid's addresses). */
  readonly after?: (db: Db, id: string, input: Input) => Promise<void>
}

function addReference<Input, View>(
  ctx: AdminContext,
  kind: ReferenceKind<Input, View>,
  id: string,
  input: Input,
) {
  return audited(ctx, `${kind.what}.added`, id, async (trx) => {
    await mustBeNew(trx, kind.table, id)
    await kind.before?.(trx, input)
    // Kysely cannot type an insert into a table chosen at run time; `columns` is per table.
    await trx
      .insertInto(kind.table)
      .values({ id, ...kind.columns(input) } as never)
      .execute()
    await kind.after?.(trx, id, input)
    return kind.view(trx, id)
  })
}

function changeReference<Input, View>(
  ctx: AdminContext,
  kind: ReferenceKind<Input, View>,
  id: string,
  input: Input,
) {
  return audited(ctx, `${kind.what}.changed`, id, async (trx) => {
    await kind.view(trx, id)
    await kind.before?.(trx, input)
    await trx
      .updateTable(kind.table)
      .set(kind.columns(input) as never)
      .where('id', '=', id)
      .execute()
    await kind.after?.(trx, id, input)
    return kind.view(trx, id)
  })
}

// ---------------------------------------------------------------------------------------------
// Places.

export async function listPlaces(db: Db): Promise<AdminPlace[]> {
  const rows = await db.selectFrom('providers').selectAll().orderBy('sort_order').orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    address: r.address,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }))
}

async function placeView(db: Db, id: string): Promise<AdminPlace> {
  const found = (await listPlaces(db)).find((p) => p.id === id)
  if (!found) throw new AdminError('NOT_FOUND', 'unknownPlace', { value: id })
  return found
}

const places: ReferenceKind<z.output<typeof PlaceInput>, AdminPlace> = {
  table: 'providers',
  what: 'place',
  columns: (place) => ({
    name: place.name,
    kind: place.kind,
    address: place.address,
    sort_order: place.sortOrder,
    active: flag(place.active),
  }),
  view: placeView,
}

export async function addPlace(ctx: AdminContext, input: z.input<typeof NewPlace>): Promise<AdminPlace> {
  const place = check(NewPlace, input)
  return addReference(ctx, places, place.id, place)
}

export async function changePlace(
  ctx: AdminContext,
  id: string,
  input: z.input<typeof PlaceInput>,
): Promise<AdminPlace> {
  return changeReference(ctx, places, id, check(PlaceInput, input))
}

// ---------------------------------------------------------------------------------------------
// Services (their working plans come later; these are the columns slots are made from today).

export async function listServices(db: Db): Promise<AdminService[]> {
  const rows = await db.selectFrom('services').selectAll().orderBy('sort_order').orderBy('id').execute()
  return rows.map((r) => ({
    id: r.id,
    providerId: r.provider_id,
    name: r.name,
    kind: r.kind,
    ticketPrefix: r.ticket_prefix,
    slotTimes: JSON.parse(r.slot_times) as string[],
    openWeekdays: [...r.open_weekdays].map(Number),
    capacityPerSlot: r.capacity_per_slot,
    daysAhead: r.days_ahead,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }))
}

async function serviceView(db: Db, id: string): Promise<AdminService> {
  const found = (await listServices(db)).find((s) => s.id === id)
  if (!found) throw new AdminError('NOT_FOUND', 'unknownService', { value: id })
  return found
}

function serviceColumns(service: z.output<typeof ServiceInput>) {
  return {
    provider_id: service.providerId,
    name: service.name,
    kind: service.kind,
    ticket_prefix: service.ticketPrefix,
    slot_times: JSON.stringify([...service.slotTimes].sort()),
    open_weekdays: [...service.openWeekdays].sort().join(''),
    capacity_per_slot: service.capacityPerSlot,
    days_ahead: service.daysAhead,
    sort_order: service.sortOrder,
    active: flag(service.active),
  }
}

async function requirePlace(db: Db, id: string): Promise<void> {
  if (!(await exists(db, 'providers', id))) throw new AdminError('NOT_FOUND', 'unknownPlace', { value: id })
}

const services: ReferenceKind<z.output<typeof ServiceInput>, AdminService> = {
  table: 'services',
  what: 'service',
  columns: serviceColumns,
  view: serviceView,
  before: (db, service) => requirePlace(db, service.providerId),
}

/** A new service; its slots for the days ahead are made at once (then hourly, as for every service). */
export async function addService(
  ctx: AdminContext,
  input: z.input<typeof NewService>,
): Promise<AdminService> {
  const service = check(NewService, input)
  return addReference(ctx, services, service.id, service)
}

/**
 * Changed columns shape the days not yet made into slots; slots already made keep their places
 * (so no booking is lost). A retired service is no longer offered; its appointments stand.
 */
export async function changeService(
  ctx: AdminContext,
  id: string,
  input: z.input<typeof ServiceInput>,
): Promise<AdminService> {
  return changeReference(ctx, services, id, check(ServiceInput, input))
}

// ---------------------------------------------------------------------------------------------
// Grids and the addresses (buildings, streets) they cover.

const compact = (text: string) => text.replace(/\s+/g, '')

export async function listGridsForAdmin(db: Db): Promise<AdminGrid[]> {
  const grids = await db.selectFrom('grids').selectAll().orderBy('sort_order').orderBy('id').execute()
  const areas = await db.selectFrom('grid_areas').selectAll().orderBy('keyword').execute()
  const workers = await db
    .selectFrom('staff')
    .select(['grid_id', 'password_hash'])
    .where('roles', 'like', '%"grid-worker"%')
    .execute()
  return grids.map((g) => ({
    id: g.id,
    name: g.name,
    community: g.community,
    area: g.area,
    addresses: areas.filter((a) => a.grid_id === g.id).map((a) => a.keyword),
    workers: workers.filter((w) => w.grid_id === g.id && w.password_hash.startsWith('scrypt$')).length,
    sortOrder: g.sort_order,
    active: g.active === 1,
  }))
}

async function gridView(db: Db, id: string): Promise<AdminGrid> {
  const found = (await listGridsForAdmin(db)).find((g) => g.id === id)
  if (!found) throw new AdminError('NOT_FOUND', 'unknownGrid', { value: id })
  return found
}

/** An address names one grid: the same fragment in two grids would dispatch at random. */
async function setAddresses(db: Db, gridId: string, addresses: readonly string[]): Promise<void> {
  const others = await db.selectFrom('grid_areas').selectAll().where('grid_id', '<>', gridId).execute()
  for (const address of addresses) {
    const clash = others.find((o) => compact(o.keyword) === compact(address))
    if (clash)
      throw new AdminError('ADMIN_CONFLICT', 'addressElsewhere', { value: address, grid: clash.grid_id })
  }
  await db.deleteFrom('grid_areas').where('grid_id', '=', gridId).execute()
  if (addresses.length > 0)
    await db
      .insertInto('grid_areas')
      .values(addresses.map((keyword) => ({ grid_id: gridId, keyword })))
      .execute()
}

const grids: ReferenceKind<z.output<typeof GridInput>, AdminGrid> = {
  table: 'grids',
  what: 'grid',
  columns: (grid) => ({
    name: grid.name,
    community: grid.community,
    area: grid.area,
    sort_order: grid.sortOrder,
    active: flag(grid.active),
  }),
  view: gridView,
  after: (db, id, grid) => setAddresses(db, id, grid.addresses),
}

export async function addGrid(ctx: AdminContext, input: z.input<typeof NewGrid>): Promise<AdminGrid> {
  const grid = check(NewGrid, input)
  return addReference(ctx, grids, grid.id, grid)
}

export async function changeGrid(
  ctx: AdminContext,
  id: string,
  input: z.input<typeof GridInput>,
): Promise<AdminGrid> {
  return changeReference(ctx, grids, id, check(GridInput, input))
}

// ---------------------------------------------------------------------------------------------
// Request categories (their clocks come with the grid-worker issue; the time limit is kept here).

export async function listCategories(db: Db): Promise<AdminCategory[]> {
  const rows = await db
    .selectFrom('request_categories')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    timeLimitHours: r.time_limit_hours,
    sortOrder: r.sort_order,
    active: r.active === 1,
  }))
}

async function categoryView(db: Db, id: string): Promise<AdminCategory> {
  const found = (await listCategories(db)).find((c) => c.id === id)
  if (!found) throw new AdminError('NOT_FOUND', 'unknownCategory', { value: id })
  return found
}

const categories: ReferenceKind<z.output<typeof CategoryInput>, AdminCategory> = {
  table: 'request_categories',
  what: 'category',
  columns: (category) => ({
    name: category.name,
    kind: category.kind,
    time_limit_hours: category.timeLimitHours,
    sort_order: category.sortOrder,
    active: flag(category.active),
  }),
  view: categoryView,
}

export async function addCategory(
  ctx: AdminContext,
  input: z.input<typeof NewCategory>,
): Promise<AdminCategory> {
  const category = check(NewCategory, input)
  return addReference(ctx, categories, category.id, category)
}

export async function changeCategory(
  ctx: AdminContext,
  id: string,
  input: z.input<typeof CategoryInput>,
): Promise<AdminCategory> {
  return changeReference(ctx, categories, id, check(CategoryInput, input))
}
