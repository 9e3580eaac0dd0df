import { z } from 'zod'
import { Id, Instant } from './common'
import { MaskedIdNumber, MaskedPhone } from './masked'

export const ResidentSummary = z.object({
  id: Id,
  maskedName: z.string(),
  maskedIdNumber: MaskedIdNumber.nullable(),
  maskedPhone: MaskedPhone.nullable(),
})
export type ResidentSummary = z.infer<typeof ResidentSummary>

/** What a second-generation ID card reader gives us (the photo never leaves the kiosk). */
export const IdCardSignInRequest = z.strictObject({
  name: z.string().trim().min(1).max(40),
  idNumber: z.string().trim().min(1).max(32),
})
export type IdCardSignInRequest = z.infer<typeof IdCardSignInRequest>

export const PhoneCodeRequest = z.strictObject({ phone: z.string().trim().min(1).max(20) })
export type PhoneCodeRequest = z.infer<typeof PhoneCodeRequest>

export const PhoneCodeResponse = z.object({
  sent: z.literal(true),
  expiresAt: Instant,
  resendAfterSeconds: z.number().int(),
})
export type PhoneCodeResponse = z.infer<typeof PhoneCodeResponse>

export const PhoneSignInRequest = z.strictObject({
  phone: z.string().trim().min(1).max(20),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
})
export type PhoneSignInRequest = z.infer<typeof PhoneSignInRequest>

export const SessionResponse = z.object({
  token: z.string(),
  expiresAt: Instant,
  resident: ResidentSummary,
})
export type SessionResponse = z.infer<typeof SessionResponse>
