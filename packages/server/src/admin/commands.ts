/**
 * What an operator provisions beyond the demo data: staff accounts and kiosk keys. Each change
 * commits together with its audit entry (actor `system`, the operator's login as actor id), so
 * the trail says who added a helper or withdrew a kiosk, and when.
 *
 * A staff account is disabled without a column for it: its password hash is replaced by a marker
 * that no password verifies (auth/passwords.ts accepts only `scrypt$…`), its sessions are revoked
 * and it is taken off duty, so requests are no longer dispatched to it. A new password enables it
 * again. A kiosk key is stored as its SHA-256 only; a withdrawn key's hash is overwritten (sessions
 * refer to the device, so the row stays) and the sessions opened at that kiosk end.
 */
import { randomBytes } from 'node:crypto'
import { StaffRole } from '@bangban/core/api'
import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/log'
import { hashPassword } from '../auth/passwords'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { sha256 } from '../util/hash'
import { newId } from '../util/ids'

/** A refusal the operator can act on (unknown staff number, an id already taken, …). */
export class AdminError extends Error {
  override readonly name = 'AdminError'
}

export interface AdminContext {
  readonly db: Kysely<Database>
  readonly clock: Clock
  /** Who runs the command, recorded as the audit entry's actor id (e.g. `admin-cli:ops`). */
  readonly actor: string
}

export const STAFF_NO = /^[A-Z0-9]{2,16}$/
export const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 128
/** Not a `scrypt$…` hash, so no password verifies against it. */
const DISABLED_PREFIX = 'disabled$'
/** Not 64 hex digits, so no key's SHA-256 equals it. */
const REVOKED_PREFIX = 'revoked$'

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    throw new AdminError(`the password must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`)
}

async function audited<T>(
  ctx: AdminContext,
  action: string,
  target: string,
  change: (trx: Transaction<Database>, at: string) => Promise<T>,
): Promise<T> {
  const at = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const result = await change(trx, at)
    await appendAudit(trx, {
      at,
      actorKind: 'system',
      actorId: ctx.actor,
      subjectId: null,
      grantId: null,
      action,
      target,
    })
    return result
  })
}

async function staffRow(db: Kysely<Database> | Transaction<Database>, staffNo: string) {
  const row = await db.selectFrom('staff').selectAll().where('staff_no', '=', staffNo).executeTakeFirst()
  if (!row) throw new AdminError(`no member of staff has the number ${staffNo}`)
  return row
}

export interface NewStaff {
  readonly staffNo: string
  readonly name: string
  readonly roles: readonly string[]
  readonly password: string
  readonly phone?: string
  readonly gridId?: string
}

export async function addStaff(ctx: AdminContext, input: NewStaff): Promise<{ id: string; staffNo: string }> {
  const staffNo = input.staffNo.trim().toUpperCase()
  if (!STAFF_NO.test(staffNo)) throw new AdminError('the staff number must be 2–16 letters or digits')
  const name = input.name.trim()
  if (name.length === 0 || name.length > 32) throw new AdminError('the name must be 1–32 characters')
  if (input.roles.length === 0) throw new AdminError('give at least one role: helper, grid-worker, admin')
  const roles = [...new Set(input.roles)].map((role) => {
    const parsed = StaffRole.safeParse(role)
    if (!parsed.success) throw new AdminError(`unknown role ${role}: helper, grid-worker or admin`)
    return parsed.data
  })
  if (input.phone !== undefined && !/^1\d{10}$/.test(input.phone))
    throw new AdminError('the phone must be an 11-digit mainland mobile number')
  if (roles.includes('grid-worker') && !input.gridId)
    throw new AdminError('a grid worker needs --grid: requests are dispatched by grid')
  checkPassword(input.password)
  const passwordHash = await hashPassword(input.password)
  const id = newId('stf')
  await audited(ctx, 'staff.added', staffNo, async (trx, at) => {
    if (input.gridId) {
      const grid = await trx
        .selectFrom('grids')
        .select('id')
        .where('id', '=', input.gridId)
        .executeTakeFirst()
      if (!grid) throw new AdminError(`no grid has the id ${input.gridId}`)
    }
    const taken = await trx
      .selectFrom('staff')
      .select('id')
      .where('staff_no', '=', staffNo)
      .executeTakeFirst()
    if (taken) throw new AdminError(`the staff number ${staffNo} is taken`)
    await trx
      .insertInto('staff')
      .values({
        id,
        staff_no: staffNo,
        name,
        roles: JSON.stringify(roles),
        password_hash: passwordHash,
        phone: input.phone ?? null,
        grid_id: input.gridId ?? null,
        on_duty: 1,
        created_at: at,
      })
      .execute()
  })
  return { id, staffNo }
}

async function revokeStaffSessions(trx: Transaction<Database>, staffId: string, at: string): Promise<number> {
  const result = await trx
    .updateTable('staff_sessions')
    .set({ revoked_at: at })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Signs the member of staff out everywhere and keeps them out until a new password is set. */
export async function disableStaff(ctx: AdminContext, staffNo: string): Promise<{ sessionsEnded: number }> {
  const number = staffNo.trim().toUpperCase()
  return audited(ctx, 'staff.disabled', number, async (trx, at) => {
    const row = await staffRow(trx, number)
    if (row.password_hash.startsWith(DISABLED_PREFIX)) throw new AdminError(`${number} is already disabled`)
    await trx
      .updateTable('staff')
      .set({ password_hash: `${DISABLED_PREFIX}${at}`, on_duty: 0 })
      .where('id', '=', row.id)
      .execute()
    return { sessionsEnded: await revokeStaffSessions(trx, row.id, at) }
  })
}

/** A new password; ends the sessions opened with the old one, and enables a disabled account. */
export async function resetStaffPassword(
  ctx: AdminContext,
  staffNo: string,
  password: string,
): Promise<{ sessionsEnded: number; enabled: boolean }> {
  const number = staffNo.trim().toUpperCase()
  checkPassword(password)
  const passwordHash = await hashPassword(password)
  return audited(ctx, 'staff.password-reset', number, async (trx, at) => {
    const row = await staffRow(trx, number)
    const enabled = row.password_hash.startsWith(DISABLED_PREFIX)
    await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash, ...(enabled ? { on_duty: 1 } : {}) })
      .where('id', '=', row.id)
      .execute()
    return { sessionsEnded: await revokeStaffSessions(trx, row.id, at), enabled }
  })
}

export interface StaffListing {
  readonly staffNo: string
  readonly name: string
  readonly roles: readonly string[]
  readonly gridId: string | null
  readonly disabled: boolean
}

export async function listStaff(db: Kysely<Database>): Promise<StaffListing[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['staff_no', 'name', 'roles', 'grid_id', 'password_hash'])
    .orderBy('staff_no')
    .execute()
  return rows.map((row) => ({
    staffNo: row.staff_no,
    name: row.name,
    roles: JSON.parse(row.roles) as string[],
    gridId: row.grid_id,
    disabled: row.password_hash.startsWith(DISABLED_PREFIX),
  }))
}

/** A fresh kiosk key: 144 random bits, URL-safe (what `BANGBAN_KIOSK_KEY` examples generate). */
function newKioskKey(): string {
  return randomBytes(18).toString('base64url')
}

function checkDeviceId(id: string): void {
  if (!DEVICE_ID.test(id)) throw new AdminError('the kiosk id must be 1–64 letters, digits, - or _')
}

/** Registers a kiosk; the key is returned once and stored only as its SHA-256. */
export async function addKiosk(ctx: AdminContext, id: string, name: string): Promise<{ key: string }> {
  checkDeviceId(id)
  const label = name.trim()
  if (label.length === 0 || label.length > 64) throw new AdminError('the kiosk name must be 1–64 characters')
  const key = newKioskKey()
  await audited(ctx, 'kiosk.added', id, async (trx, at) => {
    const taken = await trx.selectFrom('devices').select('id').where('id', '=', id).executeTakeFirst()
    if (taken) throw new AdminError(`a kiosk with the id ${id} exists (kiosk:rotate gives it a new key)`)
    await trx
      .insertInto('devices')
      .values({ id, name: label, key_hash: sha256(key), created_at: at })
      .execute()
  })
  return { key }
}

async function endKioskSessions(trx: Transaction<Database>, id: string, at: string): Promise<number> {
  const result = await trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('device_id', '=', id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

async function requireKiosk(trx: Transaction<Database>, id: string) {
  const row = await trx
    .selectFrom('devices')
    .select(['id', 'key_hash'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AdminError(`no kiosk has the id ${id}`)
  return row
}

/** A new key for a kiosk (a leaked key, or one withdrawn before); the old key stops working. */
export async function rotateKioskKey(
  ctx: AdminContext,
  id: string,
): Promise<{ key: string; sessionsEnded: number }> {
  const key = newKioskKey()
  const sessionsEnded = await audited(ctx, 'kiosk.key-rotated', id, async (trx, at) => {
    await requireKiosk(trx, id)
    await trx
      .updateTable('devices')
      .set({ key_hash: sha256(key) })
      .where('id', '=', id)
      .execute()
    return endKioskSessions(trx, id, at)
  })
  return { key, sessionsEnded }
}

/** Withdraws a kiosk's key and ends the residents' sessions opened at it. */
export async function revokeKiosk(ctx: AdminContext, id: string): Promise<{ sessionsEnded: number }> {
  return audited(ctx, 'kiosk.revoked', id, async (trx, at) => {
    const row = await requireKiosk(trx, id)
    if (row.key_hash.startsWith(REVOKED_PREFIX)) throw new AdminError(`the key of ${id} is already withdrawn`)
    await trx
      .updateTable('devices')
      .set({ key_hash: `${REVOKED_PREFIX}${at}` })
      .where('id', '=', id)
      .execute()
    return { sessionsEnded: await endKioskSessions(trx, id, at) }
  })
}

export async function listKiosks(
  db: Kysely<Database>,
): Promise<Array<{ id: string; name: string; createdAt: string; revoked: boolean }>> {
  const rows = await db
    .selectFrom('devices')
    .select(['id', 'name', 'key_hash', 'created_at'])
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    revoked: row.key_hash.startsWith(REVOKED_PREFIX),
  }))
}
