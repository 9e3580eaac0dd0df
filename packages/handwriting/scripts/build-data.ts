#!/usr/bin/env tsx
/**
 * `pnpm handwriting:data`: makes the recogniser's data from the npm packages (see sources.ts) into
 * assets/handwriting/ (git-ignored):
 * - strokes.bin — candidate characters with their stroke medians (format.ts): GB 2312's 6,763
 *   simplified characters and Big5 level 1's traditional ones (those Make Me a Hanzi has), most
 *   frequent first;
 * - words.json — associations: the common words that begin with each character, per script.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { big5Level1Characters, gb2312Characters } from '../../../scripts/voice/charsets'
import { encodeCharacters, SIMPLIFIED, TRADITIONAL, type StoredChar } from '../src/format'
import type { WordData } from '../src/associations'
import {
  characterFrequencies,
  jiebaWords,
  MMAH_TOP,
  mmahCharacters,
  readMmah,
  toSimplified,
  toTraditional,
} from './sources'

export const OUT_DIR = join(__dirname, '../../../assets/handwriting')

export interface BuildOptions {
  /** Keep only the most frequent this many simplified characters (default: all of GB 2312). */
  readonly simplified?: number
  /** Likewise for traditional (default: all of Big5 level 1 that Make Me a Hanzi has). */
  readonly traditional?: number
}

/** Candidate characters in order of frequency, each flagged with the scripts it serves. */
export function candidateCharacters(options: BuildOptions = {}): Array<{ char: string; flags: number }> {
  const frequency = characterFrequencies()
  const have = mmahCharacters()
  const freq = (c: string) => Math.max(frequency.get(c) ?? 0, frequency.get(toSimplified(c)) ?? 0)
  const byFrequency = (list: string[]) =>
    list
      .filter((c) => have.has(c))
      .map((c, i) => ({ c, i, f: freq(c) }))
      .sort((a, b) => b.f - a.f || a.i - b.i)
      .map((e) => e.c)
  const simplified = byFrequency(gb2312Characters()).slice(0, options.simplified)
  const traditional = byFrequency(big5Level1Characters()).slice(0, options.traditional)
  const flags = new Map<string, number>()
  for (const c of simplified) flags.set(c, SIMPLIFIED)
  for (const c of traditional) flags.set(c, (flags.get(c) ?? 0) | TRADITIONAL)
  return [...flags]
    .map(([char, f]) => ({ char, flags: f, frequency: freq(char) }))
    .sort((a, b) => b.frequency - a.frequency)
    .map(({ char, flags: f }) => ({ char, flags: f }))
}

/** Medians in our box: y down, divided by 4 to fit a byte, repeated points dropped. */
export function storedStrokes(char: string): StoredChar['strokes'] {
  const data = readMmah(char)
  if (!data) throw new Error(`no stroke data for ${char}`)
  return data.medians.map((median) => {
    const points: Array<[number, number]> = []
    for (const [x, y] of median) {
      const p: [number, number] = [Math.round(x / 4), Math.round((MMAH_TOP - y) / 4)]
      const last = points[points.length - 1]
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p)
    }
    return points
  })
}

export function buildStrokes(options: BuildOptions = {}): Uint8Array {
  return encodeCharacters(
    candidateCharacters(options).map(({ char, flags }) => ({ char, flags, strokes: storedStrokes(char) })),
  )
}

/** Words offered after a character: the most frequent of 2–4 characters that begin with it. */
export const WORDS_PER_CHARACTER = 6
const ASSOCIATED_CHARACTERS = 4000

export function buildWords(): WordData {
  const frequency = characterFrequencies()
  const common = new Set(
    [...frequency]
      .sort((a, b) => b[1] - a[1])
      .slice(0, ASSOCIATED_CHARACTERS)
      .map(([c]) => c),
  )
  const simplified = new Map<string, Array<{ word: string; frequency: number }>>()
  for (const entry of jiebaWords()) {
    const chars = [...entry.word]
    if (chars.length < 2 || chars.length > 4 || !chars.every((c) => common.has(c))) continue
    const list = simplified.get(chars[0]!) ?? []
    list.push(entry)
    simplified.set(chars[0]!, list)
  }
  const top = (list: Array<{ word: string; frequency: number }>) =>
    list
      .sort((a, b) => b.frequency - a.frequency)
      .slice(0, WORDS_PER_CHARACTER)
      .map((e) => e.word)
  const out: WordData = { simplified: {}, traditional: {} }
  const traditional = new Map<string, Array<{ word: string; frequency: number }>>()
  for (const [char, list] of simplified) {
    out.simplified[char] = top(list).join(' ')
    for (const entry of list) {
      const word = toTraditional(entry.word)
      const first = [...word][0]!
      const tlist = traditional.get(first) ?? []
      if (!tlist.some((e) => e.word === word)) tlist.push({ word, frequency: entry.frequency })
      traditional.set(first, tlist)
    }
  }
  for (const [char, list] of traditional) out.traditional[char] = top(list).join(' ')
  return out
}

if (require.main === module) {
  mkdirSync(OUT_DIR, { recursive: true })
  const started = Date.now()
  const strokes = buildStrokes()
  const words = new TextEncoder().encode(JSON.stringify(buildWords()))
  writeFileSync(join(OUT_DIR, 'strokes.bin'), strokes)
  writeFileSync(join(OUT_DIR, 'words.json'), words)
  const kb = (b: Uint8Array) =>
    `${(b.length / 1024).toFixed(0)} KB (${(gzipSync(b).length / 1024).toFixed(0)} KB gzipped)`
  console.log(`assets/handwriting/strokes.bin: ${kb(strokes)}`)
  console.log(`assets/handwriting/words.json: ${kb(words)}`)
  console.log(`made in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
