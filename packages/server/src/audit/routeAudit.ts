/**
 * Which API calls go into the audit trail: everything a helper does with a delegated token or a
 * family member with a family token, everything staff do, and sign-ins. Consent steps record
 * themselves inside their transactions; status polling (getConsent, getPayment) is left out so a two-minute wait is not a hundred lines.
 */
import { contract, Payment, type Bill, type RouteName } from '@bangban/core/api'
import type { Caller } from '../http/caller'
import type { AppContext } from '../http/context'
import { appendAudit } from './log'
import { paymentTarget } from './targets'

const SELF_RECORDING: ReadonlySet<RouteName> = new Set([
  'createConsent',
  'approveConsent',
  'denyConsent',
  'issueDelegatedToken',
  'revokeConsent',
  'issueFamilyToken',
  // Administration changes record themselves with what changed (admin/context.ts).
  'adminAddPlace',
  'adminChangePlace',
  'adminAddService',
  'adminChangeService',
  'adminAddGrid',
  'adminChangeGrid',
  'adminAddCategory',
  'adminChangeCategory',
  'adminAddStaff',
  'adminChangeStaff',
  'adminDisableStaff',
  'adminResetStaffPassword',
  'adminAddKiosk',
  'adminRotateKiosk',
  'adminRevokeKiosk',
  'adminAddBiller',
  'adminRotateBiller',
  'adminRevokeBiller',
  'enrolKiosk',
  'adminImport',
  'pushBills',
])
const POLLING: ReadonlySet<RouteName> = new Set(['getConsent', 'getPayment', 'staffMe', 'queueStatus'])

function targetOf(
  name: RouteName,
  params: Record<string, unknown> | undefined,
  result: unknown,
): string | null {
  if (contract[name].response === Payment) return paymentTarget(result as Payment)
  if (params && typeof params.id === 'string') return params.id
  const id = (result as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : null
}

/** The bills a call looked at or paid. */
function billIdsOf(name: RouteName, result: unknown): readonly string[] {
  if (contract[name].response === Payment) return (result as Payment).billIds
  if (name === 'listBills') return (result as Bill[]).map((bill) => bill.id)
  return []
}

/**
 * Staff at the counter may look up and take cash for utility bills without a grant; the resident
 * those bills belong to (their own medical bills, or accounts linked to them) is the subject, so
 * it shows in that resident's trail. Bills of several residents, or of none, name no one.
 */
async function residentOfBills(ctx: AppContext, billIds: readonly string[]): Promise<string | null> {
  if (billIds.length === 0) return null
  const rows = await ctx.db
    .selectFrom('bills as b')
    .leftJoin('utility_accounts as a', 'a.account_no', 'b.account_no')
    .select(['b.resident_id as own', 'a.resident_id as linked'])
    .where('b.id', 'in', billIds)
    .execute()
  const residents = new Set(rows.map((row) => row.own ?? row.linked))
  const [only] = residents
  return residents.size === 1 && only ? only : null
}

export async function recordCall(
  ctx: AppContext,
  name: RouteName,
  caller: Caller,
  params: Record<string, unknown> | undefined,
  result: unknown,
): Promise<void> {
  if (SELF_RECORDING.has(name) || POLLING.has(name)) return
  const at = ctx.clock.now().toISOString()
  const target = targetOf(name, params, result)
  if (caller.delegation) {
    const { staffId, residentId, consentId } = caller.delegation
    await appendAudit(ctx.db, {
      at,
      actorKind: 'staff',
      actorId: staffId,
      subjectId: residentId,
      grantId: consentId,
      action: name,
      target,
    })
  } else if (caller.family) {
    // A family member is a resident acting for another: the resident's trail names them.
    const { memberId, residentId, familyGrantId } = caller.family
    await appendAudit(ctx.db, {
      at,
      actorKind: 'resident',
      actorId: memberId,
      subjectId: residentId,
      grantId: familyGrantId,
      action: name,
      target,
    })
  } else if (caller.staff) {
    await appendAudit(ctx.db, {
      at,
      actorKind: 'staff',
      actorId: caller.staff.id,
      subjectId: await residentOfBills(ctx, billIdsOf(name, result)),
      grantId: null,
      action: name,
      target,
    })
  } else if (name === 'signInWithIdCard' || name === 'signInWithPhone') {
    const residentId = (result as { resident: { id: string } }).resident.id
    await appendAudit(ctx.db, {
      at,
      actorKind: 'resident',
      actorId: residentId,
      subjectId: residentId,
      grantId: null,
      action: name,
      target: caller.deviceId,
    })
  } else if (name === 'staffSignIn') {
    const staffId = (result as { staff: { id: string } }).staff.id
    await appendAudit(ctx.db, {
      at,
      actorKind: 'staff',
      actorId: staffId,
      subjectId: null,
      grantId: null,
      action: name,
      target: null,
    })
  }
}
