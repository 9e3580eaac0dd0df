/**
 * The audit Merkle tree (RFC 9162 hashing): SHA-256 agrees with node:crypto; every inclusion and
 * consistency proof the tree makes verifies, and none verifies against a changed entry, root or size.
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import {
  consistencyProof,
  entryLeafHash,
  inclusionProof,
  leafHash,
  nodeHash,
  sha256,
  toHex,
  treeRoot,
  utf8,
  verifyConsistency,
  verifyInclusion,
} from '@bangban/core/audit'

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(utf8(`entry ${i}`)))

describe('SHA-256 and UTF-8', () => {
  it('agree with node:crypto and Buffer on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(Buffer.from(utf8(text)).equals(Buffer.from(text, 'utf8'))).toBe(true)
        expect(toHex(sha256(utf8(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
      }),
    )
  })
})

describe('Merkle tree', () => {
  it('hashes leaves and nodes with the RFC 9162 prefixes and splits at the largest power of two', () => {
    const l = leaves(3)
    expect(toHex(leafHash(utf8('a')))).toBe(
      createHash('sha256')
        .update(Buffer.from([0, 0x61]))
        .digest('hex'),
    )
    expect(treeRoot(l)).toEqual(nodeHash(nodeHash(l[0]!, l[1]!), l[2]!))
    expect(toHex(treeRoot([]))).toBe(createHash('sha256').digest('hex'))
    expect(entryLeafHash('x')).toEqual(leafHash(utf8('x')))
  })

  it('proves every entry of every tree up to 33 entries, and nothing changed', () => {
    const all = leaves(33)
    for (let n = 1; n <= all.length; n++) {
      const root = treeRoot(all, 0, n)
      for (let m = 0; m < n; m++) {
        const path = inclusionProof(all, m, n)
        expect(verifyInclusion(all[m]!, m, n, path, root)).toBe(true)
        expect(verifyInclusion(leafHash(utf8('forged')), m, n, path, root)).toBe(false)
        if (n > 1) expect(verifyInclusion(all[m]!, (m + 1) % n, n, path, root)).toBe(false)
      }
    }
  })

  it('proves every earlier tree consistent with every later one, and refuses a rewritten one', () => {
    const all = leaves(21)
    const rewritten = [...all]
    rewritten[3] = leafHash(utf8('rewritten'))
    for (let n = 1; n <= all.length; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(all, m, n)
        const r1 = treeRoot(all, 0, m)
        const r2 = treeRoot(all, 0, n)
        expect(verifyConsistency(m, n, proof, r1, r2)).toBe(true)
        if (m > 3) expect(verifyConsistency(m, n, proof, treeRoot(rewritten, 0, m), r2)).toBe(false)
        if (m > 3 && m < n)
          expect(
            verifyConsistency(m, n, consistencyProof(rewritten, m, n), r1, treeRoot(rewritten, 0, n)),
          ).toBe(false)
      }
    }
  })
})
