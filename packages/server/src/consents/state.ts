/** The state of a grant at a moment: stored status plus the times that end it. */
import type { ConsentStatus } from '@bangban/shared/api'
import type { ConsentsTable } from '../db/schema'

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
