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

/** A signed head of the audit log's Merkle tree (core/audit/merkle.ts): size, root, time and signature. */
export const SignedAuditHead = z.object({
  treeSize: z.number().int().min(1),
  /** Hex of the root hash. */
  rootHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: Instant,
  /** The first 16 hex of SHA-256 over the signing key's SPKI: which key signed it. */
  keyId: z.string(),
  /** Ed25519 over treeHeadText(head), base64. */
  signature: z.string(),
})
export type SignedAuditHead = z.infer<typeof SignedAuditHead>

/**
 * That one entry of the resident's trail is in the latest signed head (RFC 9162 inclusion proof):
 * the entry as hashed, its place, the path to the root, and the head.
 */
export const AuditEntryProof = z.object({
  seq: z.number().int().min(1),
  /** The entry's canonical text, the leaf hashed: [seq, at, actorKind, actorId, subjectId, grantId, action, target]. */
  canonical: z.string(),
  leafIndex: z.number().int().min(0),
  /** Hex hashes, leaf to root. */
  auditPath: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  head: SignedAuditHead,
})
export type AuditEntryProof = z.infer<typeof AuditEntryProof>

export const AuditSeqParams = z.strictObject({
  seq: z.coerce.number().int().min(1).max(2_147_483_647),
})

/** The head as printed on a receipt or the daily report: its short hash (`size:first 8 hex of the root`). */
export const AuditHeadView = SignedAuditHead.extend({
  /** shortHeadHash(head): what a resident keeps on paper and compares later. */
  shortHash: z.string(),
})
export type AuditHeadView = z.infer<typeof AuditHeadView>
