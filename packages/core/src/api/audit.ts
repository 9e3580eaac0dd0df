import { z } from 'zod'
import { Id, Instant } from './common'

/** One line of the audit trail as people read it: who did what, for whom, under which grant. */
export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: Instant,
  /** A stable action name (the API operation, or sign-in / consent events): translated on screen. */
  action: z.string(),
  actor: z.object({
    kind: z.enum(['resident', 'staff', 'kiosk', 'system']),
    /** Staff, or a resident acting for another (a family member); null for the resident themself. */
    maskedName: z.string().nullable(),
    staffNo: z.string().nullable(),
  }),
  subject: z.object({ id: Id, maskedName: z.string() }).nullable(),
  grantId: Id.nullable(),
  target: z.string().nullable(),
})
export type AuditEntryView = z.infer<typeof AuditEntryView>

export const AdminAuditQuery = z.strictObject({
  residentId: Id.optional(),
  staffNo: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,16}$/)
    .optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
