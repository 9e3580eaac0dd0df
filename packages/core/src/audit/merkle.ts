/**
 * The audit log as a Merkle tree, hashed as Certificate Transparency does (RFC 9162 §2.1): a leaf
 * is SHA-256(0x00 ‖ entry), a node SHA-256(0x01 ‖ left ‖ right), and a tree of n entries splits at
 * the largest power of two below n. A signed tree head commits to every entry up to its size; an
 * inclusion proof shows one entry is in it, a consistency proof that a later head only added
 * entries to an earlier one. Platform-free: the service makes proofs, the resident's audit view
 * and audit:verify check them with this same code.
 */
import { fromHex, sha256, toHex, utf8 } from './sha256'

export type Hash = Uint8Array

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

export const leafHash = (entry: Uint8Array): Hash => sha256(concat(Uint8Array.of(0), entry))
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(concat(Uint8Array.of(1), left, right))
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0))

/** The leaf hash of an audit entry's canonical text. */
export const entryLeafHash = (canonical: string): Hash => leafHash(utf8(canonical))

/** Largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/** MTH(D[n]) over leaf hashes. */
export function treeRoot(leaves: readonly Hash[], from = 0, to = leaves.length): Hash {
  const n = to - from
  if (n === 0) return EMPTY_ROOT
  if (n === 1) return leaves[from]!
  const k = split(n)
  return nodeHash(treeRoot(leaves, from, from + k), treeRoot(leaves, from + k, to))
}

/** PATH(m, D[n]): the audit path of leaf m in the tree of the first n leaves. */
export function inclusionProof(leaves: readonly Hash[], m: number, n = leaves.length): Hash[] {
  if (m < 0 || m >= n || n > leaves.length) throw new Error('no such leaf in that tree')
  const path = (m: number, from: number, to: number): Hash[] => {
    const size = to - from
    if (size <= 1) return []
    const k = split(size)
    return m < k
      ? [...path(m, from, from + k), treeRoot(leaves, from + k, to)]
      : [...path(m - k, from + k, to), treeRoot(leaves, from, from + k)]
  }
  return path(m, 0, n)
}

/** PROOF(m, D[n]): that the tree of the first m leaves is the start of the tree of n. */
export function consistencyProof(leaves: readonly Hash[], m: number, n = leaves.length): Hash[] {
  if (m < 0 || m > n || n > leaves.length) throw new Error('no such trees')
  if (m === 0 || m === n) return []
  const sub = (m: number, from: number, to: number, complete: boolean): Hash[] => {
    const size = to - from
    if (m === size) return complete ? [] : [treeRoot(leaves, from, to)]
    const k = split(size)
    return m <= k
      ? [...sub(m, from, from + k, complete), treeRoot(leaves, from + k, to)]
      : [...sub(m - k, from + k, to, false), treeRoot(leaves, from, from + k)]
  }
  return sub(m, 0, n, true)
}

const equal = (a: Hash, b: Hash) => a.length === b.length && a.every((x, i) => x === b[i])

/** RFC 9162 §2.1.3.2: does this path prove leaf `index` in the tree of `size` with this root? */
export function verifyInclusion(
  leaf: Hash,
  index: number,
  size: number,
  path: readonly Hash[],
  root: Hash,
): boolean {
  if (index < 0 || index >= size) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of path) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && equal(r, root)
}

/** RFC 9162 §2.1.4.2: does this proof show the tree (size1, root1) is the start of (size2, root2)? */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Hash[],
  root1: Hash,
  root2: Hash,
): boolean {
  if (size1 > size2) return false
  if (size1 === size2) return proof.length === 0 && equal(root1, root2)
  if (size1 === 0) return proof.length === 0
  let path = [...proof]
  if ((size1 & (size1 - 1)) === 0) path = [root1, ...path]
  if (path.length === 0) return false
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let fr = path[0]!
  let sr = path[0]!
  for (const c of path.slice(1)) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr)
      sr = nodeHash(c, sr)
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      sr = nodeHash(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && equal(fr, root1) && equal(sr, root2)
}

/** A tree head as it is signed and witnessed: one text, the same bytes everywhere. */
export interface TreeHead {
  readonly treeSize: number
  /** Hex of the root hash. */
  readonly rootHash: string
  readonly signedAt: string
}

export const TREE_HEAD_ORIGIN = 'bangban-audit/v1'

/** The signed text of a head (C2SP checkpoint style: origin, size, root, time, each on a line). */
export function treeHeadText(head: TreeHead): string {
  return `${TREE_HEAD_ORIGIN}\n${head.treeSize}\n${head.rootHash}\n${head.signedAt}\n`
}

/** The short form printed on receipts and the operator's daily report: the first 8 hex of the root, with the size. */
export function shortHeadHash(head: Pick<TreeHead, 'treeSize' | 'rootHash'>): string {
  return `${head.treeSize}:${head.rootHash.slice(0, 8)}`
}

export { fromHex, toHex }
