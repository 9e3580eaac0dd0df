/**
 * Which API calls go into the audit trail: everything a helper does with a delegated token,
 * everything staff do, and sign-ins. Consent steps record themselves inside their transactions;
 * status polling (getConsent, getPayment) is left out so a two-minute wait is not a hundred lines.
 */
import type { RouteName } from '@bangban/shared/api'
import type { Caller } from '../http/routing'
import type { AppContext } from '../http/context'
import { appendAudit } from './log'

const SELF_RECORDING: ReadonlySet<RouteName> = new Set([
  'createConsent',
  'approveConsent',
  'denyConsent',
  'issueDelegatedToken',
  'revokeConsent',
])
const POLLING: ReadonlySet<RouteName> = new Set(['getConsent', 'getPayment', 'staffMe', 'queueStatus'])

function targetOf(params: Record<string, unknown> | undefined, result: unknown): string | null {
  if (params && typeof params.id === 'string') return params.id
  const id = (result as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : null
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
  const target = targetOf(params, result)
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
  } else if (caller.staff) {
    await appendAudit(ctx.db, {
      at,
      actorKind: 'staff',
      actorId: caller.staff.id,
      subjectId: null,
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
