/**
 * The bench's labelled test set, made the same way on every run (fixed seeds): characters of
 * service requests and addresses (words.txt) and the most frequent characters overall, each written
 * by testset/writer.ts from stroke paths we take from Make Me a Hanzi's outlines (skeleton.ts).
 * Node only (reads the npm data).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Point } from '../src/geometry'
import type { Script } from '../src/recognizer'
import { candidateCharacters } from '../scripts/build-data'
import { MMAH_TOP, readMmah, toTraditional } from '../scripts/sources'
import { outlinePath, type Pt } from './skeleton'
import { random, seedOf, write, type Mistakes, type Style } from './writer'

export const SEED = 20261206

export interface Sample {
  readonly char: string
  readonly script: Script
  readonly style: Style
  readonly strokes: Point[][]
  readonly mistakes: Mistakes
}

/** The characters of words.txt, in order of first appearance. */
export function wordListCharacters(): string[] {
  const text = readFileSync(join(__dirname, 'words.txt'), 'utf8')
  const lines = text.split('\n').filter((l) => !l.startsWith('#'))
  return [...new Set([...lines.join('')].filter((c) => /\p{Script=Han}/u.test(c)))]
}

/**
 * The simplified test characters: words.txt's, then the most frequent others, `total` in all; and
 * the traditional (Hong Kong) forms of those that differ, for the zh-HK recogniser.
 */
export function testCharacters(total = 1000): Record<Script, string[]> {
  const simplified = wordListCharacters()
  const have = new Set(simplified)
  for (const { char, flags } of candidateCharacters()) {
    if (simplified.length >= total) break
    if (flags & 1 && !have.has(char)) {
      simplified.push(char)
      have.add(char)
    }
  }
  const traditional: string[] = []
  for (const c of simplified) {
    const t = toTraditional(c)
    if (t !== c && [...t].length === 1 && !traditional.includes(t) && readMmah(t)) traditional.push(t)
  }
  return { simplified, traditional }
}

const paths = new Map<string, Pt[][]>()

/** A character's stroke paths from its outlines, y down, in writing order. */
export function strokePaths(char: string): Pt[][] {
  let out = paths.get(char)
  if (!out) {
    const data = readMmah(char)
    if (!data) throw new Error(`no outlines for ${char}`)
    out = data.strokes.map((outline, i) =>
      outlinePath(outline, data.medians[i]![0]!).map(([x, y]) => [x, MMAH_TOP - y] as Pt),
    )
    paths.set(char, out)
  }
  return out
}

export function writeSample(char: string, script: Script, style: Style, seed = SEED): Sample {
  const rng = random(seedOf(char, seed + (style === 'clean' ? 0 : 1)))
  const { strokes, mistakes } = write(strokePaths(char), rng, style)
  return { char, script, style, strokes, mistakes }
}
