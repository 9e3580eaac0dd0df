/**
 * 亲友代办: a resident lets a family member's WeChat handle their bookings, bills and requests.
 * The family member asks (a QR code on their phone); the resident scans it with 扫码授权 on their
 * own phone and agrees. Unlike a helper's 30-minute grant it lasts long (a year) and ends when
 * either of them takes it back. Every step is in the resident's audit trail.
 */
import { z } from 'zod'
import { Id, Instant } from './common'
import { ConsentScope } from './consents'
import { ResidentSummary } from './identity'
import { MaskedPhone } from './masked'

export const FAMILY_GRANT_DAYS = 365
/** The family member's QR code waits this long for the resident. */
export const FAMILY_PENDING_MINUTES = 15

export const CreateFamilyGrantRequest = z.strictObject({ scopes: z.array(ConsentScope).min(1).max(3) })
export type CreateFamilyGrantRequest = z.infer<typeof CreateFamilyGrantRequest>

/** pending → active → (revoked | expired); pending → denied | expired. */
export const FamilyGrantStatus = z.enum(['pending', 'active', 'denied', 'revoked', 'expired'])
export type FamilyGrantStatus = z.infer<typeof FamilyGrantStatus>

export const FamilyGrant = z.object({
  id: Id,
  status: FamilyGrantStatus,
  scopes: z.array(ConsentScope),
  /** Who asks to act: the family member, masked. */
  member: z.object({ maskedName: z.string(), maskedPhone: MaskedPhone.nullable() }),
  /** Who they act for, once the resident agreed. */
  resident: z.object({ maskedName: z.string() }).nullable(),
  requestedAt: Instant,
  pendingUntil: Instant,
  approvedAt: Instant.nullable(),
  expiresAt: Instant.nullable(),
  endedAt: Instant.nullable(),
})
export type FamilyGrant = z.infer<typeof FamilyGrant>

export const CreatedFamilyGrant = FamilyGrant.extend({ qrPayload: z.string() })
export type CreatedFamilyGrant = z.infer<typeof CreatedFamilyGrant>

const QrToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
export const FamilyGrantProof = z.strictObject({ qrToken: QrToken })
export const FamilyGrantViewQuery = z.strictObject({ qrToken: QrToken.optional() })

export const MyFamilyGrants = z.object({
  /** Grants the resident gave: family members who may act for them. */
  given: z.array(FamilyGrant),
  /** Grants the resident holds: people they may act for (为谁办理). */
  received: z.array(FamilyGrant),
})
export type MyFamilyGrants = z.infer<typeof MyFamilyGrants>

/** A family member's token acting for the resident lasts this long; they ask again while the grant lives. */
export const FAMILY_TOKEN_MINUTES = 30

/**
 * 为谁办理: the family member's token acting for the resident (subject the resident, actor the
 * family member), limited to the grant's scopes and ended at once with the grant.
 */
export const FamilyTokenResponse = z.object({
  token: z.string(),
  expiresAt: Instant,
  familyGrantId: Id,
  scopes: z.array(ConsentScope),
  resident: ResidentSummary,
})
export type FamilyTokenResponse = z.infer<typeof FamilyTokenResponse>

/** QR payload of a family member's request: bangban://family?id=…&t=… */
export function familyQrPayload(id: string, qrToken: string): string {
  return `bangban://family?id=${encodeURIComponent(id)}&t=${encodeURIComponent(qrToken)}`
}

export function parseFamilyQr(text: string): { id: string; qrToken: string } | null {
  const match = /^bangban:\/\/family\?id=([A-Za-z0-9_-]+)&t=([A-Za-z0-9_-]+)$/.exec(text.trim())
  return match ? { id: match[1]!, qrToken: match[2]! } : null
}
