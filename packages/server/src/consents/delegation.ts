/**
 * Resolves a delegated token to the resident it acts for and the helper acting, refusing it once
 * its grant has ended (revoked, expired) and for anything outside the granted scopes.
 */
import type { ConsentScope } from '@bangban/core/api'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'
import { sha256 } from '../util/hash'
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
    .select([
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
  const status = consentStatus(row, clock.now().toISOString())
  if (status !== 'approved') throw consentEnded(status)
  return {
    consentId: row.consent_id,
    staffId: row.staff_id,
    residentId: row.resident_id,
    scopes: JSON.parse(row.scopes) as ConsentScope[],
  }
}
