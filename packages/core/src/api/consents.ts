/**
 * Consent grants for assisted service, modelled on OAuth 2.0 token exchange (RFC 8693): the
 * subject is the resident, the actor the helper; a delegated token carries both, the granted
 * scopes and the grant's lifetime.
 */
import { z } from 'zod'
import { Id, Instant } from './common'
import { ResidentSummary } from './identity'

export const ConsentScope = z.enum(['booking', 'payment', 'request'])
export type ConsentScope = z.infer<typeof ConsentScope>

export const CONSENT_DEFAULT_MINUTES = 30
export const CONSENT_MAX_MINUTES = 120

export const CreateConsentRequest = z.strictObject({
  scopes: z.array(ConsentScope).min(1).max(3),
  /** How long the grant lasts once approved (default 30 minutes, at most 2 hours). */
  minutes: z.number().int().min(5).max(CONSENT_MAX_MINUTES).optional(),
})
export type CreateConsentRequest = z.infer<typeof CreateConsentRequest>

/** pending → approved → (revoked | expired); pending → denied | expired. */
export const ConsentStatus = z.enum(['pending', 'approved', 'denied', 'revoked', 'expired'])
export type ConsentStatus = z.infer<typeof ConsentStatus>

export const Consent = z.object({
  id: Id,
  status: ConsentStatus,
  scopes: z.array(ConsentScope),
  minutes: z.number().int(),
  helper: z.object({ maskedName: z.string(), staffNo: z.string() }),
  resident: z.object({ maskedName: z.string() }).nullable(),
  requestedAt: Instant,
  /** A request not approved by then lapses. */
  pendingUntil: Instant,
  approvedAt: Instant.nullable(),
  /** When an approved grant ends. */
  expiresAt: Instant.nullable(),
  endedAt: Instant.nullable(),
})
export type Consent = z.infer<typeof Consent>

/** What the helper shows the resident: the 6-digit code and the QR payload for the mini-program. */
export const CreatedConsent = Consent.extend({
  code: z.string().regex(/^\d{6}$/),
  qrPayload: z.string(),
})
export type CreatedConsent = z.infer<typeof CreatedConsent>

export const ConsentProof = z
  .strictObject({
    /** Typed at the kiosk after the resident signed in with their ID card. */
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    /** From the QR code, scanned with the resident's own phone. */
    qrToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .optional(),
  })
  .refine((p) => (p.code === undefined) !== (p.qrToken === undefined), {
    message: 'give code or qrToken',
    path: ['code'],
  })
export type ConsentProof = z.infer<typeof ConsentProof>

export const ConsentViewQuery = z.strictObject({
  qrToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
})

export const DelegatedTokenResponse = z.object({
  token: z.string(),
  expiresAt: Instant,
  consentId: Id,
  scopes: z.array(ConsentScope),
  resident: ResidentSummary,
})
export type DelegatedTokenResponse = z.infer<typeof DelegatedTokenResponse>

/** QR payload the mini-program understands: bangban://consent?id=…&t=… */
export function consentQrPayload(id: string, qrToken: string): string {
  return `bangban://consent?id=${encodeURIComponent(id)}&t=${encodeURIComponent(qrToken)}`
}

export function parseConsentQr(text: string): { id: string; qrToken: string } | null {
  const match = /^bangban:\/\/consent\?id=([A-Za-z0-9_-]+)&t=([A-Za-z0-9_-]+)$/.exec(text.trim())
  return match ? { id: match[1]!, qrToken: match[2]! } : null
}
