/**
 * Resolves a delegated token to the resident it acts for and the helper acting, refusing it once
 * its grant has ended (revoked, expired) and for anything outside the granted scopes. It also
 * lives only as long as what it hangs on (see ending.ts): the helper's account (not disabled), the
 * helper's staff session it was issued to (not signed out, revoked or lapsed) and the kiosk where
 * the resident approved (not withdrawn).
 */
import type { ConsentScope } from '@bangban/core/api'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { sha256 } from '../util/hash'
import { DISABLED_PASSWORD_PREFIX, REVOKED_KEY_PREFIX } from '../auth/markers'
import { consentEnded, consentStatus } from './state'

export interface Delegation {
  readonly consentId: string
  readonly staffId: string
  readonly residentId: string
  readonly scopes: readonly ConsentScope[]
}

/** The delegation of a token, null when the token is not a delegated one. */
export async function delegationOfToken(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<Delegation | null> {
  const row = await db
    .selectFrom('delegated_sessions as d')
    .innerJoin('consents as c', 'c.id', 'd.consent_id')
    .innerJoin('staff as s', 's.id', 'd.staff_id')
    .leftJoin('staff_sessions as ss', 'ss.token_hash', 'd.staff_session_hash')
    .leftJoin('devices as k', 'k.id', 'c.approved_device_id')
    .select([
      's.password_hash',
      'd.staff_session_hash',
      'ss.revoked_at as staff_session_revoked_at',
      'ss.expires_at as staff_session_expires_at',
      'c.approved_device_id',
      'k.key_hash as kiosk_key_hash',
      'd.consent_id',
      'd.staff_id',
      'd.resident_id',
      'c.status',
      'c.pending_until',
      'c.expires_at',
      'c.scopes',
    ])
    .where('d.token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!row) return null
  const now = clock.now().toISOString()
  const status = consentStatus(row, now)
  if (status !== 'approved') throw consentEnded(status)
  const helperGone = row.password_hash.startsWith(DISABLED_PASSWORD_PREFIX)
  const sessionGone =
    row.staff_session_hash !== null &&
    (row.staff_session_expires_at === null ||
      row.staff_session_revoked_at !== null ||
      row.staff_session_expires_at <= now)
  const kioskGone =
    row.approved_device_id !== null &&
    (row.kiosk_key_hash === null || row.kiosk_key_hash.startsWith(REVOKED_KEY_PREFIX))
  if (helperGone || sessionGone || kioskGone) throw consentEnded('revoked')
  return {
    consentId: row.consent_id,
    staffId: row.staff_id,
    residentId: row.resident_id,
    scopes: JSON.parse(row.scopes) as ConsentScope[],
  }
}
