import { z } from 'zod'
import { Id, Instant } from './common'

export const StaffRole = z.enum(['helper', 'grid-worker', 'admin'])
export type StaffRole = z.infer<typeof StaffRole>

export const StaffSignInRequest = z.strictObject({
  staffNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,16}$/),
  password: z.string().min(1).max(128),
})
export type StaffSignInRequest = z.infer<typeof StaffSignInRequest>

export const StaffSummary = z.object({
  id: Id,
  staffNo: z.string(),
  name: z.string(),
  roles: z.array(StaffRole),
  gridId: Id.nullable(),
})
export type StaffSummary = z.infer<typeof StaffSummary>

export const StaffSessionResponse = z.object({
  token: z.string(),
  expiresAt: Instant,
  staff: StaffSummary,
})
export type StaffSessionResponse = z.infer<typeof StaffSessionResponse>
