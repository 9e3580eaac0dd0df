/**
 * Which API calls go into the audit trail, as each route's `audit` in the contract says:
 * everything a helper does with a delegated token or a family member with a family token,
 * everything staff do, and sign-ins. Routes that record themselves (consent steps,
 * administration) and status polling are left to themselves.
 */
import {
  contract,
  Payment,
  type AuditPolicy,
  type Bill,
  type RouteDef,
  type RouteName,
} from '@bangban/core/api'
import type { Caller } from '../http/caller'
import type { AppContext } from '../http/context'
import { appendAudit } from './log'
import { paymentTarget } from './targets'

/** The route's audit policy, from its contract row (`caller` unless it says otherwise). */
function policyOf(name: RouteName): AuditPolicy {
  return (contract[name] as RouteDef).audit ?? 'caller'
}

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
  const policy = policyOf(name)
  if (policy === 'self' || policy === 'poll') return
  const at = ctx.clock.now().toISOString()
  if (policy === 'sign-in') return recordSignIn(ctx, name, caller, result, at)
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
  }
}

/** A sign-in: the resident or member of staff its answer names (a WeChat still to be linked names no one). */
async function recordSignIn(ctx: AppContext, name: RouteName, caller: Caller, result: unknown, at: string) {
  const answer = result as { resident?: { id: string }; staff?: { id: string } } | null
  if (answer?.resident) {
    const residentId = answer.resident.id
    await appendAudit(ctx.db, {
      at,
      actorKind: 'resident',
      actorId: residentId,
      subjectId: residentId,
      grantId: null,
      action: name,
      target: caller.deviceId,
    })
  } else if (answer?.staff) {
    await appendAudit(ctx.db, {
      at,
      actorKind: 'staff',
      actorId: answer.staff.id,
      subjectId: null,
      grantId: null,
      action: name,
      target: null,
    })
  }
}
