/** The clock and reach of a grant a visit acts under (a helper's consent or a family grant). */
import type { ConsentScope } from '@bangban/core/api/consents'

/**
 * Whole minutes left of a grant, rounded up (24:01 left reads "25", 0:30 left reads "1"), never
 * negative; 0 once it has ended.
 */
export function minutesLeft(expiresAt: string, nowMs: number): number {
  const ms = Date.parse(expiresAt) - nowMs
  if (!Number.isFinite(ms) || ms <= 0) return 0
  return Math.ceil(ms / 60_000)
}

/** True once the grant's time is up. */
export function hasExpired(expiresAt: string, nowMs: number): boolean {
  const end = Date.parse(expiresAt)
  return !Number.isFinite(end) || end <= nowMs
}

/** Whether the delegation (if any) lets the visit do a job of this scope. */
export function allows(delegation: { scopes: readonly ConsentScope[] } | null, scope: ConsentScope): boolean {
  return delegation === null || delegation.scopes.includes(scope)
}
