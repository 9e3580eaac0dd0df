/**
 * What a resident's client checks of an entry of their trail (issue 19): that the proof is about
 * the entry shown, and that the entry is a leaf of the tree whose root the signed head names.
 * The head's signature is Ed25519, which not every client can check (a mini-program has no
 * Ed25519); a client that can passes `verifySignature`, and anyone else can compare the head's
 * short hash with one on a receipt or the daily report, or ask audit:verify (docs/architecture.md).
 */
import { entryLeafHash, fromHex, shortHeadHash, treeHeadText, verifyInclusion, type TreeHead } from './merkle'

export interface EntryProofInput {
  readonly seq: number
  readonly canonical: string
  readonly leafIndex: number
  readonly auditPath: readonly string[]
  readonly head: TreeHead & { readonly keyId: string; readonly signature: string }
}

/** The entry as the client shows it (AuditEntryView): what the proof must be about. */
export interface ShownEntry {
  readonly seq: number
  readonly at: string
  /** As shown: a payment's action may name its method after a dot (createPayment.counter-cash). */
  readonly action: string
  readonly grantId: string | null
  readonly target: string | null
  readonly subject: { readonly id: string } | null
}

export type EntryProofResult =
  | { readonly ok: true; readonly shortHead: string }
  | { readonly ok: false; readonly problem: 'not-this-entry' | 'not-in-head' | 'signature' }

const HEX = /^[0-9a-f]{64}$/

function sameEntry(canonical: string, entry: ShownEntry): boolean {
  let fields: unknown
  try {
    fields = JSON.parse(canonical)
  } catch {
    return false
  }
  if (!Array.isArray(fields) || fields.length !== 8) return false
  const [seq, at, , , subjectId, grantId, action, target] = fields as unknown[]
  return (
    seq === entry.seq &&
    at === entry.at &&
    subjectId === (entry.subject?.id ?? null) &&
    grantId === entry.grantId &&
    target === entry.target &&
    typeof action === 'string' &&
    (entry.action === action || entry.action.startsWith(`${action}.`))
  )
}

/**
 * Checks a proof for an entry shown to the resident. `verifySignature`, when the platform has
 * Ed25519, checks the head's signature over treeHeadText(head) with the key the client pinned.
 */
export function checkEntryProof(
  proof: EntryProofInput,
  entry: ShownEntry,
  verifySignature?: (text: string, signature: string, keyId: string) => boolean,
): EntryProofResult {
  if (proof.seq !== entry.seq || proof.leafIndex !== entry.seq - 1 || !sameEntry(proof.canonical, entry))
    return { ok: false, problem: 'not-this-entry' }
  const { head } = proof
  if (!HEX.test(head.rootHash) || !proof.auditPath.every((h) => HEX.test(h)))
    return { ok: false, problem: 'not-in-head' }
  const included = verifyInclusion(
    entryLeafHash(proof.canonical),
    proof.leafIndex,
    head.treeSize,
    proof.auditPath.map(fromHex),
    fromHex(head.rootHash),
  )
  if (!included) return { ok: false, problem: 'not-in-head' }
  if (verifySignature && !verifySignature(treeHeadText(head), head.signature, head.keyId))
    return { ok: false, problem: 'signature' }
  return { ok: true, shortHead: shortHeadHash(head) }
}
