/**
 * The tamper-evident audit trail: every entry carries the hash of the one before it,
 * hash = SHA-256(prevHash ‖ canonical entry), so changing, deleting or reordering any entry breaks
 * every hash after it. The canonical form is fixed here and must never change for stored entries.
 */
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export type ActorKind = 'resident' | 'staff' | 'kiosk' | 'system'

export interface AuditFields {
  readonly at: string
  readonly actorKind: ActorKind
  readonly actorId: string | null
  readonly subjectId: string | null
  readonly grantId: string | null
  readonly action: string
  readonly target: string | null
}

export interface AuditEntry extends AuditFields {
  readonly seq: number
  readonly prevHash: string
  readonly hash: string
}

/** Fields in a fixed order, as JSON: the same entry always gives the same bytes. */
export function canonicalEntry(seq: number, fields: AuditFields): string {
  return JSON.stringify([
    seq,
    fields.at,
    fields.actorKind,
    fields.actorId,
    fields.subjectId,
    fields.grantId,
    fields.action,
    fields.target,
  ])
}

export function entryHash(prevHash: string, seq: number, fields: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEntry(seq, fields)).digest('hex')
}

export type ChainProblem = { readonly seq: number; readonly problem: 'sequence' | 'prev-hash' | 'hash' }

/** Walks entries in order; returns the first broken one, or null when the chain holds. */
export function findBreak(
  entries: Iterable<AuditEntry>,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainProblem | null {
  let expectedSeq = start.seq + 1
  let prevHash = start.hash
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { seq: entry.seq, problem: 'sequence' }
    if (entry.prevHash !== prevHash) return { seq: entry.seq, problem: 'prev-hash' }
    if (entry.hash !== entryHash(prevHash, entry.seq, entry)) return { seq: entry.seq, problem: 'hash' }
    prevHash = entry.hash
    expectedSeq++
  }
  return null
}
