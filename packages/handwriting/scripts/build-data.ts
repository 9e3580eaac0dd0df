#!/usr/bin/env tsx
/**
 * `pnpm handwriting:data`: makes the recogniser's data from the npm packages (see sources.ts) into
 * assets/handwriting/ (git-ignored):
 * - strokes.bin — candidate characters with their stroke medians (format.ts): GB 2312's 6,763
 *   simplified characters and Big5 level 1's traditional ones (those Make Me a Hanzi has), most
 *   frequent first;
 * - words.json — associations: the common words that begin with each character, per script;
 * - pinyin.txt — the pinyin keyboard's dictionary (src/pinyin.ts): common words and every
 *   candidate character with their syllables (pinyin-pro), most frequent first.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { big5Level1Characters, gb2312Characters } from '../../../scripts/voice/charsets'
import { pinyin } from 'pinyin-pro'
import { encodeCharacters, SIMPLIFIED, TRADITIONAL, type StoredChar } from '../src/format'
import type { WordData } from '../src/associations'
import { encodePinyin, type PinyinEntry } from '../src/pinyin'
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

/** Words of 2–4 characters the pinyin keyboard offers, the most frequent of jieba's. */
export const PINYIN_WORDS = 60000

/** How much less often a character is meant by a reading other than its usual one. */
const SECONDARY_READING = 0.001

/** Toneless syllables with v for ü (what the keyboard types); null when one is not pinyin. */
function syllablesOf(text: string, multiple = false): string[] | null {
  const out = pinyin(text, { toneType: 'none', type: 'array', v: true, multiple })
  return out.every((s) => /^[a-z]+$/.test(s)) ? out : null
}

/**
 * The pinyin keyboard's dictionary: every candidate character under each of its readings, and
 * the most frequent words whose characters are all candidates, in order of frequency; the Hong
 * Kong form beside each (OpenCC).
 */
export function buildPinyin(options: { words?: number } = {}): PinyinEntry[] {
  const frequency = characterFrequencies()
  const chars = candidateCharacters()
  const simplifiedSet = new Set(gb2312Characters())
  const entries: Array<PinyinEntry & { frequency: number }> = []
  for (const { char, flags } of chars) {
    // A traditional character is typed by the readings of its simplified form.
    const simplified = flags & SIMPLIFIED ? char : toSimplified(char)
    if (!(flags & SIMPLIFIED) && simplifiedSet.has(simplified)) continue
    const readings = syllablesOf(simplified, true)
    if (!readings) continue
    const f = Math.max(frequency.get(simplified) ?? 0, frequency.get(char) ?? 0)
    // pinyin-pro lists the usual reading first: the others (说 as shui, 六 as lu) come far later.
    readings.forEach((reading, i) =>
      entries.push({
        simplified,
        traditional: flags & SIMPLIFIED ? toTraditional(char) : char,
        syllables: [reading],
        frequency: i === 0 ? f : f * SECONDARY_READING,
      }),
    )
  }
  const words = jiebaWords()
    .filter(({ word }) => {
      const n = [...word].length
      return n >= 2 && n <= 4 && [...word].every((c) => simplifiedSet.has(c))
    })
    .sort((a, b) => b.frequency - a.frequency)
    .slice(0, options.words ?? PINYIN_WORDS)
  for (const { word, frequency: f } of words) {
    const syllables = syllablesOf(word)
    if (syllables && syllables.length === [...word].length)
      entries.push({ simplified: word, traditional: toTraditional(word), syllables, frequency: f })
  }
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.frequency - a.e.frequency || a.i - b.i)
    .map(({ e }) => ({ simplified: e.simplified, traditional: e.traditional, syllables: e.syllables }))
}

if (require.main === module) {
  mkdirSync(OUT_DIR, { recursive: true })
  const started = Date.now()
  const strokes = buildStrokes()
  const words = new TextEncoder().encode(JSON.stringify(buildWords()))
  writeFileSync(join(OUT_DIR, 'strokes.bin'), strokes)
  writeFileSync(join(OUT_DIR, 'words.json'), words)
  const pinyinText = new TextEncoder().encode(encodePinyin(buildPinyin()))
  writeFileSync(join(OUT_DIR, 'pinyin.txt'), pinyinText)
  const kb = (b: Uint8Array) =>
    `${(b.length / 1024).toFixed(0)} KB (${(gzipSync(b).length / 1024).toFixed(0)} KB gzipped)`
  console.log(`assets/handwriting/strokes.bin: ${kb(strokes)}`)
  console.log(`assets/handwriting/words.json: ${kb(words)}`)
  console.log(`assets/handwriting/pinyin.txt: ${kb(pinyinText)}`)
  console.log(`made in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
