/**
 * Short-lived rows are purged once they can matter no more: resident, staff, delegated and family
 * sessions past their end, phone sign-in codes, staff sign-in attempts, and WeChat link tickets
 * used or expired. Each kind is kept for PURGE_GRACE_HOURS after it stopped counting (longer than
 * any window a rule looks back over: an hour for SMS limits, 15 minutes for sign-in failures), so
 * a fresh incident can still be looked into. Safe to run on several instances at once.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'

export const PURGE_GRACE_HOURS = 24
export const HOUSEKEEPING_MS = 60 * 60_000

export interface Purged {
  readonly sessions: number
  readonly staffSessions: number
  readonly delegatedSessions: number
  readonly familySessions: number
  readonly phoneCodes: number
  readonly staffSignInAttempts: number
  readonly wechatLinkTickets: number
}

const deleted = (result: { numDeletedRows: bigint }[]) =>
  result.reduce((sum, r) => sum + Number(r.numDeletedRows), 0)

export async function purgeExpired(db: Kysely<Database>, clock: Clock): Promise<Purged> {
  const before = new Date(clock.now().getTime() - PURGE_GRACE_HOURS * 3600_000).toISOString()
  const sessions = deleted(
    await db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
      .execute(),
  )
  // A delegated token lives only while its staff session does: it goes with that session.
  const delegatedSessions = deleted(
    await db
      .deleteFrom('delegated_sessions')
      .where('staff_session_hash', 'in', (eb) =>
        eb
          .selectFrom('staff_sessions')
          .select('token_hash')
          .where((w) => w.or([w('expires_at', '<', before), w('revoked_at', '<', before)])),
      )
      .execute(),
  )
  const staffSessions = deleted(
    await db
      .deleteFrom('staff_sessions')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
      .execute(),
  )
  const familySessions = deleted(
    await db.deleteFrom('family_sessions').where('expires_at', '<', before).execute(),
  )
  const phoneCodes = deleted(await db.deleteFrom('phone_codes').where('created_at', '<', before).execute())
  const staffSignInAttempts = deleted(
    await db.deleteFrom('staff_sign_in_attempts').where('at', '<', before).execute(),
  )
  const wechatLinkTickets = deleted(
    await db
      .deleteFrom('wechat_link_tickets')
      .where((eb) => eb.or([eb('expires_at', '<', before), eb('used_at', '<', before)]))
      .execute(),
  )
  return {
    sessions,
    staffSessions,
    delegatedSessions,
    familySessions,
    phoneCodes,
    staffSignInAttempts,
    wechatLinkTickets,
  }
}
