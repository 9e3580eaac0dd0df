/** The state of a grant at a moment: stored status plus the times that end it. */
import type { ConsentEndReason, ConsentStatus } from '@bangban/core/api'
import type { ConsentsTable } from '../db/schema'
import { AppError } from '../util/errors'

export function consentStatus(
  row: Pick<ConsentsTable, 'status' | 'pending_until' | 'expires_at'>,
  now: string,
): ConsentStatus {
  if (row.status === 'pending' && row.pending_until <= now) return 'expired'
  if (row.status === 'approved' && row.expires_at !== null && row.expires_at <= now) return 'expired'
  return row.status
}

/** Consent requests wait this long for the resident. */
export const PENDING_MINUTES = 10
/** Wrong codes before a request is refused for good (6 digits, so guessing is hopeless anyway). */
export const MAX_WRONG_CODES = 5

/**
 * CONSENT_EXPIRED for a grant that cannot be used or answered any more, saying how it ended: the
 * kiosk tells a lapsed grant from one the resident took back. To a second answer (`answering`),
 * a grant already approved or denied is `answered`.
 */
export function consentEnded(status: ConsentStatus, answering = false): AppError {
  const reason: ConsentEndReason =
    status === 'revoked'
      ? 'revoked'
      : answering && (status === 'approved' || status === 'denied')
        ? 'answered'
        : status === 'denied'
          ? 'denied'
          : 'expired'
  return new AppError('CONSENT_EXPIRED', { reason })
}
