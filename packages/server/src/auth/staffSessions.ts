/**
 * Staff sign-in and sessions. Tokens are opaque, stored only as their SHA-256 (like residents'),
 * in their own table so a resident token can never act as staff. Failed sign-ins are counted per
 * staff number in the database: after MAX_FAILURES in FAILURE_WINDOW the number is refused for a
 * while, on every instance, whatever address the attempts come from.
 */
import { randomBytes } from 'node:crypto'
import type { StaffRole, StaffSessionResponse, StaffSummary } from '@bangban/core/api'
import type { Kysely } from 'kysely'
import type { Database, StaffTable } from '../db/schema'
import type { Clock } from '../util/clock'
import { AppError } from '../util/errors'
import { sha256 } from '../util/hash'
import { newId } from '../util/ids'
import { endDelegations } from '../consents/ending'
import { hashPassword, verifyPassword } from './passwords'

export const MAX_FAILURES = 5
export const FAILURE_WINDOW_SECONDS = 15 * 60

export interface StaffCaller extends StaffSummary {
  readonly roles: StaffRole[]
}

export function staffSummary(
  row: Pick<StaffTable, 'id' | 'staff_no' | 'name' | 'roles' | 'grid_id'>,
): StaffCaller {
  return {
    id: row.id,
    staffNo: row.staff_no,
    name: row.name,
    roles: JSON.parse(row.roles) as StaffRole[],
    gridId: row.grid_id,
  }
}

/** Compared against when the staff number is unknown, so a wrong number takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined

async function recentFailures(db: Kysely<Database>, clock: Clock, staffNo: string): Promise<number> {
  const since = new Date(clock.now().getTime() - FAILURE_WINDOW_SECONDS * 1000).toISOString()
  const row = await db
    .selectFrom('staff_sign_in_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('staff_no', '=', staffNo)
    .where('at', '>', since)
    .where('ok', '=', 0)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function signInStaff(
  db: Kysely<Database>,
  clock: Clock,
  staffNo: string,
  password: string,
  ttlSeconds: number,
): Promise<StaffSessionResponse> {
  const now = clock.now()
  // The attempt is written as a failure before the password is checked, then counted: of
  // simultaneous guesses the k-th written sees at least k, so at most MAX_FAILURES are checked.
  const attemptId = newId('ssa')
  await db
    .insertInto('staff_sign_in_attempts')
    .values({ id: attemptId, staff_no: staffNo, at: now.toISOString(), ok: 0 })
    .execute()
  if ((await recentFailures(db, clock, staffNo)) > MAX_FAILURES) {
    // Refused unchecked: not a failure of its own, so it does not prolong the lock.
    await db.deleteFrom('staff_sign_in_attempts').where('id', '=', attemptId).execute()
    throw new AppError('RATE_LIMITED')
  }
  const row = await db.selectFrom('staff').selectAll().where('staff_no', '=', staffNo).executeTakeFirst()
  decoyHash ??= hashPassword(randomBytes(12).toString('base64url'))
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash))
  if (!ok || !row) throw new AppError('INVALID_CREDENTIALS')
  await db.updateTable('staff_sign_in_attempts').set({ ok: 1 }).where('id', '=', attemptId).execute()
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000).toISOString()
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: sha256(token),
      staff_id: row.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute()
  return { token, expiresAt, staff: staffSummary(row) }
}

/** The member of staff of a live session, or null when the token is not a staff session. */
export async function staffOfToken(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<StaffCaller | null> {
  const row = await db
    .selectFrom('staff_sessions as ss')
    .innerJoin('staff as s', 's.id', 'ss.staff_id')
    .select(['s.id', 's.staff_no', 's.name', 's.roles', 's.grid_id', 'ss.expires_at', 'ss.revoked_at'])
    .where('ss.token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row || row.revoked_at || row.expires_at <= clock.now().toISOString()) return null
  return staffSummary(row)
}

/** Signs out: the session ends, and with it the grants asked for and the delegated tokens issued in it. */
export async function revokeStaffSession(db: Kysely<Database>, clock: Clock, token: string): Promise<void> {
  const at = clock.now().toISOString()
  const hash = sha256(token)
  await db.transaction().execute(async (trx) => {
    const session = await trx
      .selectFrom('staff_sessions')
      .select('staff_id')
      .where('token_hash', '=', hash)
      .executeTakeFirst()
    await trx
      .updateTable('staff_sessions')
      .set({ revoked_at: at })
      .where('token_hash', '=', hash)
      .where('revoked_at', 'is', null)
      .execute()
    if (session)
      await endDelegations(
        trx,
        { staffSessionHash: hash },
        at,
        { kind: 'staff', id: session.staff_id },
        'staff-signed-out',
      )
  })
}
