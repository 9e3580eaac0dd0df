/**
 * A delegation never outlives what it hangs on (issue 19, D2). A helper's grants and the delegated
 * tokens under them end, in the same transaction, when the helper's staff session ends (signed
 * out), when the helper is disabled or their password reset (every session of theirs ends), and
 * when the kiosk where the resident approved is withdrawn or re-keyed. Each ended grant is written
 * to the audit trail as `consent.revoked` with the reason as its target, so the resident's 代办记录
 * says it ended and why. `delegationOfToken` checks the same things again on every call, so a
 * token stays dead even if a grant was somehow missed here.
 */
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/log'
import type { ActorKind } from '../audit/chain'
import type { Database } from '../db/schema'

export type DelegationEndReason =
  'staff-signed-out' | 'staff-disabled' | 'staff-password-reset' | 'kiosk-revoked' | 'kiosk-key-rotated'

/** Whose grants end: one staff session's, all of one helper's, or those approved at one kiosk. */
export type DelegationsOf =
  | { readonly staffSessionHash: string }
  | { readonly helperStaffId: string }
  | { readonly approvedDeviceId: string }

export async function endDelegations(
  trx: Transaction<Database>,
  of: DelegationsOf,
  at: string,
  actor: { readonly kind: ActorKind; readonly id: string },
  reason: DelegationEndReason,
): Promise<number> {
  let query = trx
    .selectFrom('consents')
    .select(['id', 'resident_id'])
    .where('status', 'in', ['pending', 'approved'])
  if ('staffSessionHash' in of) {
    // Grants asked for in this session, and those whose tokens were issued to it.
    const hash = of.staffSessionHash
    query = query.where((eb) =>
      eb.or([
        eb('staff_session_hash', '=', hash),
        eb(
          'id',
          'in',
          eb.selectFrom('delegated_sessions').select('consent_id').where('staff_session_hash', '=', hash),
        ),
      ]),
    )
  } else if ('helperStaffId' in of) query = query.where('helper_staff_id', '=', of.helperStaffId)
  else query = query.where('approved_device_id', '=', of.approvedDeviceId)
  const live = await query.orderBy('id').execute()
  let ended = 0
  for (const grant of live) {
    const result = await trx
      .updateTable('consents')
      .set({ status: 'revoked', ended_at: at })
      .where('id', '=', grant.id)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) continue
    ended++
    await appendAudit(trx, {
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      subjectId: grant.resident_id,
      grantId: grant.id,
      action: 'consent.revoked',
      target: reason,
    })
  }
  return ended
}
