import { consentEndReason, type ApiError } from '@bangban/core/api/errors'
import type { DelegationEnd } from '../state/appStore'

/**
 * How to tell the helper a delegation ended when the service refused its token (CONSENT_EXPIRED):
 * the resident took the grant back, or its time ran out. A service that does not say is taken to
 * mean the time ran out, the usual end; "revoked" is said only when the service says so.
 */
export function delegationEndFor(error: Pick<ApiError, 'code' | 'details'>): DelegationEnd {
  return consentEndReason(error) === 'revoked' ? 'revoked' : 'expired'
}
