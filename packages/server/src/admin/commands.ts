/**
 * Staff accounts, kiosk keys and biller keys, from the admin screens and the operator CLI. Each
 * change commits together with its audit entry (see context.ts), so the trail says who added a
 * helper or withdrew a kiosk, and when.
 *
 * A staff account is disabled without a column for it: its password hash is replaced by a marker
 * that no password verifies (auth/passwords.ts accepts only `scrypt$…`), its sessions are revoked
 * and it is taken off duty, so requests are no longer dispatched to it. A new password enables it
 * again. Keys are stored as their SHA-256 only. A withdrawn key's hash is overwritten (sessions
 * refer to the device, so the row stays) and the sessions opened at that kiosk end. A rotated key
 * keeps working for an overlap (72 hours unless told otherwise; none for a leaked key), so a kiosk
 * is never locked out between the rotation and someone putting the new key into its kiosk.json.
 */
import { randomBytes, randomInt } from 'node:crypto'
import {
  KeyRotation,
  NewBiller,
  NewKiosk,
  NewStaff,
  PasswordReset,
  StaffNo,
  StaffUpdate,
  type AdminBiller,
  type AdminKiosk,
  type AdminStaff,
  type BillKind,
  type KeyState,
  type StaffRole,
} from '@bangban/core/api'
import { maskPhone } from '@bangban/core/domain'
import type { Selectable, Transaction } from 'kysely'
import type { z } from 'zod'
import { DISABLED_PASSWORD_PREFIX, REVOKED_KEY_PREFIX } from '../auth/markers'
import { hashPassword } from '../auth/passwords'
import { endDelegations } from '../consents/ending'
import type { Database } from '../db/schema'
import { sha256 } from '../util/hash'
import { newId } from '../util/ids'
import { AdminError, audited, check, type AdminContext, type Db } from './context'

export { AdminError, type AdminContext }

export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 128
/** Not a `scrypt$…` hash, so no password verifies against it. */
export const DISABLED_PREFIX = DISABLED_PASSWORD_PREFIX
/** Not 64 hex digits, so no key's SHA-256 equals it. */
export const REVOKED_PREFIX = REVOKED_KEY_PREFIX
/** A kiosk added with an enrolment code has no key until the code is used. */
const PENDING_PREFIX = 'pending$'
/** How long an enrolment code works. */
export const ENROL_HOURS = 72

// ---------------------------------------------------------------------------------------------
// Staff.

type StaffRow = Selectable<Database['staff']>

function staffView(row: StaffRow): AdminStaff {
  return {
    id: row.id,
    staffNo: row.staff_no,
    name: row.name,
    roles: JSON.parse(row.roles) as StaffRole[],
    gridId: row.grid_id,
    maskedPhone: row.phone ? maskPhone(row.phone) : null,
    onDuty: row.on_duty === 1,
    disabled: row.password_hash.startsWith(DISABLED_PREFIX),
    createdAt: row.created_at,
  }
}

async function staffRow(db: Db, staffNo: string): Promise<StaffRow> {
  const row = await db.selectFrom('staff').selectAll().where('staff_no', '=', staffNo).executeTakeFirst()
  if (!row) throw new AdminError('NOT_FOUND', 'unknownStaff', { value: staffNo })
  return row
}

async function requireGrid(db: Db, gridId: string | null): Promise<void> {
  if (gridId === null) return
  const grid = await db.selectFrom('grids').select('id').where('id', '=', gridId).executeTakeFirst()
  if (!grid) throw new AdminError('NOT_FOUND', 'unknownGrid', { value: gridId })
}

export async function listStaff(db: Db): Promise<AdminStaff[]> {
  const rows = await db.selectFrom('staff').selectAll().orderBy('staff_no').execute()
  return rows.map(staffView)
}

export async function addStaff(ctx: AdminContext, input: z.input<typeof NewStaff>): Promise<AdminStaff> {
  const staff = check(NewStaff, input)
  const passwordHash = await hashPassword(staff.password)
  const id = newId('stf')
  return audited(ctx, 'staff.added', staff.staffNo, async (trx, at) => {
    await requireGrid(trx, staff.gridId)
    const taken = await trx
      .selectFrom('staff')
      .select('id')
      .where('staff_no', '=', staff.staffNo)
      .executeTakeFirst()
    if (taken) throw new AdminError('ADMIN_CONFLICT', 'taken', { value: staff.staffNo })
    await trx
      .insertInto('staff')
      .values({
        id,
        staff_no: staff.staffNo,
        name: staff.name,
        roles: JSON.stringify(staff.roles),
        password_hash: passwordHash,
        phone: staff.phone ?? null,
        grid_id: staff.gridId,
        on_duty: 1,
        created_at: at,
      })
      .execute()
    return staffView(await staffRow(trx, staff.staffNo))
  })
}

const isAdmin = (row: StaffRow) =>
  (JSON.parse(row.roles) as string[]).includes('admin') && !row.password_hash.startsWith(DISABLED_PREFIX)

/** Someone must still be able to sign in and administer after the change. */
async function keepAnAdmin(trx: Transaction<Database>, changed: StaffRow): Promise<void> {
  const others = await trx.selectFrom('staff').selectAll().where('id', '<>', changed.id).execute()
  if (!others.some(isAdmin)) throw new AdminError('ADMIN_CONFLICT', 'lastAdmin')
}

/** An administrator may not lock themselves out (disable themselves, or drop their own admin role). */
function notSelf(ctx: AdminContext, row: StaffRow): void {
  if (ctx.actor.kind === 'staff' && ctx.actor.id === row.id)
    throw new AdminError('ADMIN_CONFLICT', 'ownAccount')
}

/** Name, roles, grid and phone. Roles are read at every request, so a change counts at once. */
export async function changeStaff(
  ctx: AdminContext,
  staffNo: string,
  input: z.input<typeof StaffUpdate>,
): Promise<AdminStaff> {
  const number = check(StaffNo, staffNo)
  const change = check(StaffUpdate, input)
  return audited(ctx, 'staff.changed', number, async (trx) => {
    const row = await staffRow(trx, number)
    await requireGrid(trx, change.gridId)
    if (isAdmin(row) && !change.roles.includes('admin')) {
      notSelf(ctx, row)
      await keepAnAdmin(trx, row)
    }
    await trx
      .updateTable('staff')
      .set({
        name: change.name,
        roles: JSON.stringify(change.roles),
        grid_id: change.gridId,
        ...(change.phone !== undefined ? { phone: change.phone } : {}),
      })
      .where('id', '=', row.id)
      .execute()
    return staffView(await staffRow(trx, number))
  })
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
export async function disableStaff(
  ctx: AdminContext,
  staffNo: string,
): Promise<{ staff: AdminStaff; sessionsEnded: number; grantsEnded: number }> {
  const number = check(StaffNo, staffNo)
  return audited(ctx, 'staff.disabled', number, async (trx, at) => {
    const row = await staffRow(trx, number)
    if (row.password_hash.startsWith(DISABLED_PREFIX))
      throw new AdminError('ADMIN_CONFLICT', 'alreadyDisabled', { value: number })
    notSelf(ctx, row)
    if (isAdmin(row)) await keepAnAdmin(trx, row)
    await trx
      .updateTable('staff')
      .set({ password_hash: `${DISABLED_PREFIX}${at}`, on_duty: 0 })
      .where('id', '=', row.id)
      .execute()
    const sessionsEnded = await revokeStaffSessions(trx, row.id, at)
    const grantsEnded = await endDelegations(trx, { helperStaffId: row.id }, at, ctx.actor, 'staff-disabled')
    return { staff: staffView(await staffRow(trx, number)), sessionsEnded, grantsEnded }
  })
}

/** A new password; ends the sessions opened with the old one, and enables a disabled account. */
export async function resetStaffPassword(
  ctx: AdminContext,
  staffNo: string,
  password: string,
): Promise<{ staff: AdminStaff; sessionsEnded: number; grantsEnded: number; enabled: boolean }> {
  const number = check(StaffNo, staffNo)
  const passwordHash = await hashPassword(check(PasswordReset, { password }).password)
  return audited(ctx, 'staff.password-reset', number, async (trx, at) => {
    const row = await staffRow(trx, number)
    const enabled = row.password_hash.startsWith(DISABLED_PREFIX)
    await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash, ...(enabled ? { on_duty: 1 } : {}) })
      .where('id', '=', row.id)
      .execute()
    const sessionsEnded = await revokeStaffSessions(trx, row.id, at)
    const grantsEnded = await endDelegations(
      trx,
      { helperStaffId: row.id },
      at,
      ctx.actor,
      'staff-password-reset',
    )
    return { staff: staffView(await staffRow(trx, number)), sessionsEnded, grantsEnded, enabled }
  })
}

// ---------------------------------------------------------------------------------------------
// Keys (kiosks and billers): 144 random bits, URL-safe, stored as their SHA-256.

export function newKey(): string {
  return randomBytes(18).toString('base64url')
}

/** 12 characters without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX. */
function newEnrolCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
  let code = ''
  for (let i = 0; i < 12; i++) code += alphabet[randomInt(alphabet.length)]
  return code
}

export const showEnrolCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-')

interface KeyColumns {
  key_hash: string
  previous_key_hash: string | null
  previous_key_until: string | null
}

function keyState(row: KeyColumns, now: string): KeyState {
  if (row.key_hash.startsWith(REVOKED_PREFIX)) return 'revoked'
  if (row.key_hash.startsWith(PENDING_PREFIX)) return 'pending'
  if (row.previous_key_hash && row.previous_key_until && row.previous_key_until > now) return 'rotating'
  return 'active'
}

/** The columns that rotate a key in: the old one keeps working until `overlapHours` from now. */
function rotated(row: KeyColumns, newHash: string, at: string, overlapHours: number): KeyColumns {
  const live = !row.key_hash.startsWith(REVOKED_PREFIX) && !row.key_hash.startsWith(PENDING_PREFIX)
  if (!live || overlapHours === 0)
    return { key_hash: newHash, previous_key_hash: null, previous_key_until: null }
  return {
    key_hash: newHash,
    previous_key_hash: row.key_hash,
    previous_key_until: new Date(Date.parse(at) + overlapHours * 3600_000).toISOString(),
  }
}

// ---------------------------------------------------------------------------------------------
// Kiosks.

type DeviceRow = Selectable<Database['devices']>

function kioskView(row: DeviceRow, now: string): AdminKiosk {
  const state = keyState(row, now)
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    state,
    previousKeyUntil: state === 'rotating' ? row.previous_key_until : null,
    enrolUntil: row.enrol_code_hash && row.enrol_until && row.enrol_until > now ? row.enrol_until : null,
  }
}

async function deviceRow(db: Db, id: string): Promise<DeviceRow> {
  const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AdminError('NOT_FOUND', 'unknownKiosk', { value: id })
  return row
}

export async function listKiosks(ctx: Pick<AdminContext, 'db' | 'clock'>): Promise<AdminKiosk[]> {
  const now = ctx.clock.now().toISOString()
  const rows = await ctx.db.selectFrom('devices').selectAll().orderBy('id').execute()
  return rows.map((row) => kioskView(row, now))
}

/**
 * Registers a kiosk. With `enrol`, no key yet: a one-time code (valid ENROL_HOURS) that the kiosk
 * PC exchanges for its key (POST /api/v1/kiosk-enrolment), so the key never passes through a
 * screen, a message or a phone call. Without, the key is returned once (the CLI prints it).
 */
export async function addKiosk(
  ctx: AdminContext,
  input: z.input<typeof NewKiosk>,
  options: { readonly enrol: boolean },
): Promise<{ kiosk: AdminKiosk; key: string | null; enrolCode: string | null }> {
  const kiosk = check(NewKiosk, input)
  const key = options.enrol ? null : newKey()
  const code = options.enrol ? newEnrolCode() : null
  return audited(ctx, 'kiosk.added', kiosk.id, async (trx, at) => {
    const taken = await trx.selectFrom('devices').select('id').where('id', '=', kiosk.id).executeTakeFirst()
    if (taken) throw new AdminError('ADMIN_CONFLICT', 'taken', { value: kiosk.id })
    await trx
      .insertInto('devices')
      .values({
        id: kiosk.id,
        name: kiosk.name,
        key_hash: key ? sha256(key) : `${PENDING_PREFIX}${at}`,
        created_at: at,
        previous_key_hash: null,
        previous_key_until: null,
        enrol_code_hash: code ? sha256(code) : null,
        enrol_until: code ? new Date(Date.parse(at) + ENROL_HOURS * 3600_000).toISOString() : null,
        enrol_overlap_hours: null,
      })
      .execute()
    return { kiosk: kioskView(await deviceRow(trx, kiosk.id), at), key, enrolCode: code }
  })
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

/**
 * A new key for a kiosk. With an overlap the old key keeps working until then and the sessions
 * stay (a planned rotation); with none (a leaked key) it stops at once and the sessions opened at
 * that kiosk end. `enrol`: the new key is fetched with a one-time code instead of being returned;
 * the old key keeps working until the code is used, then for the overlap.
 */
export async function rotateKioskKey(
  ctx: AdminContext,
  id: string,
  rotation: z.input<typeof KeyRotation>,
  options: { readonly enrol: boolean } = { enrol: false },
): Promise<{
  kiosk: AdminKiosk
  key: string | null
  enrolCode: string | null
  sessionsEnded: number
  grantsEnded: number
}> {
  const { overlapHours } = check(KeyRotation, rotation)
  const key = options.enrol ? null : newKey()
  const code = options.enrol ? newEnrolCode() : null
  return audited(ctx, 'kiosk.key-rotated', `${id}?overlapHours=${overlapHours}`, async (trx, at) => {
    const row = await deviceRow(trx, id)
    if (code) {
      // The current key stays until the code is used; a leaked one is withdrawn now.
      await trx
        .updateTable('devices')
        .set({
          enrol_code_hash: sha256(code),
          enrol_until: new Date(Date.parse(at) + ENROL_HOURS * 3600_000).toISOString(),
          enrol_overlap_hours: overlapHours,
          ...(overlapHours === 0 ? { key_hash: `${PENDING_PREFIX}${at}`, previous_key_hash: null } : {}),
        })
        .where('id', '=', id)
        .execute()
    } else {
      await trx
        .updateTable('devices')
        .set({ ...rotated(row, sha256(key!), at, overlapHours), enrol_code_hash: null, enrol_until: null })
        .where('id', '=', id)
        .execute()
    }
    // Without an overlap the old key is dead now: what was opened or approved with it ends too.
    const sessionsEnded = overlapHours === 0 ? await endKioskSessions(trx, id, at) : 0
    const grantsEnded =
      overlapHours === 0
        ? await endDelegations(trx, { approvedDeviceId: id }, at, ctx.actor, 'kiosk-key-rotated')
        : 0
    return {
      kiosk: kioskView(await deviceRow(trx, id), at),
      key,
      enrolCode: code,
      sessionsEnded,
      grantsEnded,
    }
  })
}

/** Withdraws a kiosk's keys (current, overlapping and any enrolment code) and ends its sessions. */
export async function revokeKiosk(
  ctx: AdminContext,
  id: string,
): Promise<{ kiosk: AdminKiosk; sessionsEnded: number; grantsEnded: number }> {
  return audited(ctx, 'kiosk.revoked', id, async (trx, at) => {
    const row = await deviceRow(trx, id)
    if (row.key_hash.startsWith(REVOKED_PREFIX))
      throw new AdminError('ADMIN_CONFLICT', 'alreadyRevoked', { value: id })
    await trx
      .updateTable('devices')
      .set({
        key_hash: `${REVOKED_PREFIX}${at}`,
        previous_key_hash: null,
        previous_key_until: null,
        enrol_code_hash: null,
        enrol_until: null,
        enrol_overlap_hours: null,
      })
      .where('id', '=', id)
      .execute()
    const sessionsEnded = await endKioskSessions(trx, id, at)
    const grantsEnded = await endDelegations(trx, { approvedDeviceId: id }, at, ctx.actor, 'kiosk-revoked')
    return { kiosk: kioskView(await deviceRow(trx, id), at), sessionsEnded, grantsEnded }
  })
}

/**
 * The kiosk PC exchanges its one-time code for its key. The code works once; an unknown, used or
 * expired code is refused the same way. Audited as the kiosk (`kiosk.enrolled`).
 */
export async function enrolKiosk(
  ctx: Pick<AdminContext, 'db' | 'clock'>,
  code: string,
): Promise<{ kioskId: string; key: string }> {
  const key = newKey()
  const at = ctx.clock.now().toISOString()
  const found = await ctx.db
    .selectFrom('devices')
    .selectAll()
    .where('enrol_code_hash', '=', sha256(code))
    .executeTakeFirst()
  if (!found || !found.enrol_until || found.enrol_until <= at) return Promise.reject(codeRefused())
  const overlapHours = found.enrol_overlap_hours ?? 0
  return audited(
    { db: ctx.db, clock: ctx.clock, actor: { kind: 'system', id: `kiosk:${found.id}` } },
    'kiosk.enrolled',
    found.id,
    async (trx) => {
      // Claimed by a conditional update: of two uses of one code, one wins.
      const claimed = await trx
        .updateTable('devices')
        .set({
          ...rotated(found, sha256(key), at, overlapHours),
          enrol_code_hash: null,
          enrol_until: null,
          enrol_overlap_hours: null,
        })
        .where('id', '=', found.id)
        .where('enrol_code_hash', '=', sha256(code))
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) !== 1) throw codeRefused()
      return { kioskId: found.id, key }
    },
  )
}

function codeRefused() {
  return new AdminError('NOT_FOUND', 'enrolCode')
}

// ---------------------------------------------------------------------------------------------
// Billers: utility companies and clinics that send bills (imports and the push API).

type BillerRow = Selectable<Database['billers']>

function billerView(row: BillerRow, now: string): AdminBiller {
  const state = row.active === 1 ? keyState(row, now) : 'revoked'
  return {
    id: row.id,
    name: row.name,
    kinds: JSON.parse(row.kinds) as BillKind[],
    createdAt: row.created_at,
    state,
    previousKeyUntil: state === 'rotating' ? row.previous_key_until : null,
  }
}

export async function billerRow(db: Db, id: string): Promise<BillerRow> {
  const row = await db.selectFrom('billers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AdminError('NOT_FOUND', 'unknownBiller', { value: id })
  return row
}

export async function listBillers(ctx: Pick<AdminContext, 'db' | 'clock'>): Promise<AdminBiller[]> {
  const now = ctx.clock.now().toISOString()
  const rows = await ctx.db.selectFrom('billers').selectAll().orderBy('id').execute()
  return rows.map((row) => billerView(row, now))
}

/** A biller and its push API key, returned once. */
export async function addBiller(
  ctx: AdminContext,
  input: z.input<typeof NewBiller>,
): Promise<{ biller: AdminBiller; key: string }> {
  const biller = check(NewBiller, input)
  const key = newKey()
  return audited(ctx, 'biller.added', biller.id, async (trx, at) => {
    const taken = await trx.selectFrom('billers').select('id').where('id', '=', biller.id).executeTakeFirst()
    if (taken) throw new AdminError('ADMIN_CONFLICT', 'taken', { value: biller.id })
    await trx
      .insertInto('billers')
      .values({
        id: biller.id,
        name: biller.name,
        kinds: JSON.stringify([...new Set(biller.kinds)]),
        key_hash: sha256(key),
        previous_key_hash: null,
        previous_key_until: null,
        active: 1,
        created_at: at,
      })
      .execute()
    return { biller: billerView(await billerRow(trx, biller.id), at), key }
  })
}

export async function rotateBillerKey(
  ctx: AdminContext,
  id: string,
  rotation: z.input<typeof KeyRotation>,
): Promise<{ biller: AdminBiller; key: string }> {
  const { overlapHours } = check(KeyRotation, rotation)
  const key = newKey()
  return audited(ctx, 'biller.key-rotated', `${id}?overlapHours=${overlapHours}`, async (trx, at) => {
    const row = await billerRow(trx, id)
    await trx
      .updateTable('billers')
      .set({ ...rotated(row, sha256(key), at, overlapHours), active: 1 })
      .where('id', '=', id)
      .execute()
    return { biller: billerView(await billerRow(trx, id), at), key }
  })
}

export async function revokeBiller(ctx: AdminContext, id: string): Promise<AdminBiller> {
  return audited(ctx, 'biller.revoked', id, async (trx, at) => {
    const row = await billerRow(trx, id)
    if (row.active === 0) throw new AdminError('ADMIN_CONFLICT', 'alreadyRevoked', { value: id })
    await trx
      .updateTable('billers')
      .set({
        active: 0,
        key_hash: `${REVOKED_PREFIX}${at}`,
        previous_key_hash: null,
        previous_key_until: null,
      })
      .where('id', '=', id)
      .execute()
    return billerView(await billerRow(trx, id), at)
  })
}
