/**
 * Signed tree heads of the audit log (issue 19, D6). The entries are the leaves of a Merkle tree
 * (RFC 9162 hashing, core/audit/merkle.ts); from time to time an instance signs the tree's head
 * (size, root, time) with an Ed25519 key kept in a file, never in the database, stores it in
 * audit_tree_heads and appends it to its witness file, which the operator ships off the machine.
 * Whoever can write the database can still append, but no longer rewrite, cut or forge entries
 * unseen: a head they cannot sign, or one already witnessed elsewhere, no longer matches.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import {
  appendFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import {
  consistencyProof,
  entryLeafHash,
  fromHex,
  inclusionProof,
  shortHeadHash,
  toHex,
  treeHeadText,
  treeRoot,
  verifyConsistency,
  type Hash,
  type TreeHead,
} from '@bangban/core/audit'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { canonicalEntry } from './chain'
import { AppError } from '../util/errors'
import { toEntry } from './log'

export interface SignedTreeHead extends TreeHead {
  readonly keyId: string
  /** Ed25519 over treeHeadText(head), base64. */
  readonly signature: string
}

export interface AuditSigner {
  readonly keyId: string
  readonly publicKey: KeyObject
  /** SPKI DER, base64: what clients and audit:verify check signatures with. */
  readonly publicKeyBase64: string
  signHead(head: TreeHead): SignedTreeHead
}

export class AuditKeyError extends Error {
  override readonly name = 'AuditKeyError'
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)
}

/**
 * The signing key from its file (PKCS#8 PEM, Ed25519). Refused when others than its owner may read
 * or write it. `create`: a missing file is made (mode 0600) with a new key, for one kiosk or a demo.
 */
export function loadAuditSigner(path: string, options: { create: boolean }): AuditSigner {
  if (!existsSync(path)) {
    if (!options.create) throw new AuditKeyError(`the audit signing key ${path} does not exist`)
    mkdirSync(dirname(path), { recursive: true })
    const { privateKey } = generateKeyPairSync('ed25519')
    // Written aside, then linked into place: another process starting at the same moment either
    // made it first (its key stays) or finds a whole file, never half of one.
    const aside = `${path}.${process.pid}.${Date.now()}`
    writeFileSync(aside, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
    try {
      linkSync(aside, path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      unlinkSync(aside)
    }
  }
  const mode = statSync(path).mode & 0o777
  if ((mode & 0o077) !== 0)
    throw new AuditKeyError(
      `the audit signing key ${path} may be read by others (mode ${mode.toString(8)}): chmod 600 it`,
    )
  const privateKey = createPrivateKey(readFileSync(path))
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new AuditKeyError(`the audit signing key ${path} is not an Ed25519 key`)
  const publicKey = createPublicKey(privateKey)
  const keyId = keyIdOf(publicKey)
  return {
    keyId,
    publicKey,
    publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    signHead: (head) => ({
      ...head,
      keyId,
      signature: sign(null, Buffer.from(treeHeadText(head)), privateKey).toString('base64'),
    }),
  }
}

export function verifyHeadSignature(head: SignedTreeHead, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(treeHeadText(head)), publicKey, Buffer.from(head.signature, 'base64'))
  } catch {
    return false
  }
}

/** The leaf hashes of the first entries of the log, read in pages. */
export async function leafHashes(db: Kysely<Database>, from: readonly Hash[] = [], pageSize = 5000) {
  const leaves = [...from]
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', leaves.length)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    if (rows.length === 0) return leaves
    for (const row of rows) {
      const entry = toEntry(row)
      // Entries are numbered from 1 without gaps (the chain checks it); a gap ends the tree here.
      if (entry.seq !== leaves.length + 1) return leaves
      leaves.push(entryLeafHash(canonicalEntry(entry.seq, entry)))
    }
  }
}

/**
 * The leaves of this process, grown as entries are appended (an entry never changes once written,
 * or the heads signed over it stop verifying).
 */
export function leafCache(db: Kysely<Database>): () => Promise<readonly Hash[]> {
  let leaves: Hash[] = []
  let pending: Promise<Hash[]> | null = null
  return async () => {
    pending ??= leafHashes(db, leaves).finally(() => {
      pending = null
    })
    leaves = await pending
    return leaves
  }
}

const toRow = (head: SignedTreeHead) => ({
  tree_size: head.treeSize,
  root_hash: head.rootHash,
  signed_at: head.signedAt,
  key_id: head.keyId,
  signature: head.signature,
})

export const fromRow = (row: Database['audit_tree_heads']): SignedTreeHead => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash,
  signedAt: row.signed_at,
  keyId: row.key_id,
  signature: row.signature,
})

export const WITNESS_FILE = 'audit-heads.jsonl'

/** Appends a head to the witness file (one JSON line; the operator ships the folder elsewhere). */
export function witnessHead(dir: string, head: SignedTreeHead): void {
  mkdirSync(dir, { recursive: true })
  appendFileSync(join(dir, WITNESS_FILE), `${JSON.stringify(head)}\n`, { mode: 0o640 })
}

export function readWitness(path: string): SignedTreeHead[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SignedTreeHead)
}

export async function latestHead(db: Kysely<Database>): Promise<SignedTreeHead | null> {
  const row = await db
    .selectFrom('audit_tree_heads')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? fromRow(row) : null
}

/**
 * Signs the head of the tree as it is now, unless the latest head already covers it; stores it
 * and witnesses it. Several instances may do so at once: one head per size is kept.
 */
export async function signTreeHead(
  db: Kysely<Database>,
  leaves: () => Promise<readonly Hash[]>,
  signer: AuditSigner,
  witnessDir: string | null,
  now: Date,
): Promise<SignedTreeHead | null> {
  const all = await leaves()
  const latest = await latestHead(db)
  if (all.length === 0 || (latest && latest.treeSize >= all.length)) return latest
  const head = signer.signHead({
    treeSize: all.length,
    rootHash: toHex(treeRoot(all)),
    signedAt: now.toISOString(),
  })
  const inserted = await db
    .insertInto('audit_tree_heads')
    .values(toRow(head))
    .onConflict((oc) => oc.column('tree_size').doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return latestHead(db)
  if (witnessDir) witnessHead(witnessDir, head)
  return head
}

export interface SigningContext {
  readonly db: Kysely<Database>
  readonly audit: {
    readonly signer: AuditSigner
    readonly witnessDir: string | null
    readonly leaves: () => Promise<readonly Hash[]>
  }
}

export interface InclusionProof {
  readonly seq: number
  readonly canonical: string
  readonly leafIndex: number
  readonly auditPath: string[]
  readonly head: SignedTreeHead
}

/** The proof that entry `seq` is in the latest signed head, or null when no head covers it yet. */
export async function proveEntry(
  db: Kysely<Database>,
  leaves: () => Promise<readonly Hash[]>,
  seq: number,
): Promise<InclusionProof | null> {
  const head = await latestHead(db)
  if (!head || seq < 1 || seq > head.treeSize) return null
  const all = await leaves()
  const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst()
  if (!row || all.length < head.treeSize) return null
  const entry = toEntry(row)
  return {
    seq,
    canonical: canonicalEntry(entry.seq, entry),
    leafIndex: seq - 1,
    auditPath: inclusionProof(all, seq - 1, head.treeSize).map(toHex),
    head,
  }
}

export type HeadProblem =
  | { readonly kind: 'signature'; readonly treeSize: number; readonly where: 'database' | 'witness' }
  | { readonly kind: 'root'; readonly treeSize: number; readonly where: 'database' | 'witness' }
  | { readonly kind: 'inconsistent'; readonly from: number; readonly to: number }
  /** A head witnessed outside the database is ahead of the log: entries were cut, or an older copy restored. */
  | { readonly kind: 'ahead'; readonly treeSize: number; readonly entries: number }

/**
 * Checks every signed head, in the database and witnessed, against the log as it is now: each
 * signature, each root recomputed from the entries, consistency proofs between consecutive heads,
 * and no witnessed head beyond the log's end.
 */
export async function verifyHeads(
  db: Kysely<Database>,
  publicKey: KeyObject,
  witnessed: readonly SignedTreeHead[],
): Promise<{ heads: number; problems: HeadProblem[] }> {
  const leaves = await leafHashes(db)
  const stored = (await db.selectFrom('audit_tree_heads').selectAll().orderBy('tree_size').execute()).map(
    fromRow,
  )
  const problems: HeadProblem[] = []
  const check = (head: SignedTreeHead, where: 'database' | 'witness') => {
    if (!verifyHeadSignature(head, publicKey))
      problems.push({ kind: 'signature', treeSize: head.treeSize, where })
    else if (head.treeSize > leaves.length)
      problems.push({ kind: 'ahead', treeSize: head.treeSize, entries: leaves.length })
    else if (toHex(treeRoot(leaves, 0, head.treeSize)) !== head.rootHash)
      problems.push({ kind: 'root', treeSize: head.treeSize, where })
  }
  for (const head of stored) check(head, 'database')
  for (const head of witnessed) check(head, 'witness')
  // Each signed head extends the one before it: proved as a client holding only the two heads would.
  const good = [...stored, ...witnessed]
    .filter((h) => h.treeSize <= leaves.length && verifyHeadSignature(h, publicKey))
    .sort((a, b) => a.treeSize - b.treeSize)
  for (let i = 1; i < good.length; i++) {
    const [a, b] = [good[i - 1]!, good[i]!]
    if (a.treeSize === b.treeSize) continue
    const proof = consistencyProof(leaves, a.treeSize, b.treeSize)
    if (!verifyConsistency(a.treeSize, b.treeSize, proof, fromHex(a.rootHash), fromHex(b.rootHash)))
      problems.push({ kind: 'inconsistent', from: a.treeSize, to: b.treeSize })
  }
  return { heads: stored.length + witnessed.length, problems }
}

/**
 * For a resident: the proof that an entry of their own trail (they are its subject) is in the
 * latest signed head, signing a new head first when none covers it yet. Another resident's entry,
 * or one that does not exist, is NOT_FOUND alike.
 */
export async function proveResidentEntry(
  ctx: SigningContext,
  residentId: string,
  seq: number,
  now: Date,
): Promise<InclusionProof> {
  const own = await ctx.db
    .selectFrom('audit_log')
    .select('seq')
    .where('seq', '=', seq)
    .where('subject_id', '=', residentId)
    .executeTakeFirst()
  if (!own) throw new AppError('NOT_FOUND')
  const proof =
    (await proveEntry(ctx.db, ctx.audit.leaves, seq)) ??
    (await signTreeHead(ctx.db, ctx.audit.leaves, ctx.audit.signer, ctx.audit.witnessDir, now),
    await proveEntry(ctx.db, ctx.audit.leaves, seq))
  if (!proof) throw new AppError('NOT_FOUND')
  return proof
}

/**
 * The head as printed on a receipt or the daily report: the latest signed head, signed first when
 * entries were added since, so a receipt's short hash covers what was just done. Null before any entry.
 */
export async function currentHead(
  ctx: SigningContext,
  now: Date,
): Promise<(SignedTreeHead & { shortHash: string }) | null> {
  const head = await signTreeHead(ctx.db, ctx.audit.leaves, ctx.audit.signer, ctx.audit.witnessDir, now)
  return head ? { ...head, shortHash: shortHeadHash(head) } : null
}
