/**
 * The npm data the recogniser and its test set are made from (read at build time, never committed):
 * - hanzi-writer-data: Make Me a Hanzi's strokes per character (outlines and medians, 1024 box,
 *   y up from a baseline at 900), Arphic Public License;
 * - @node-rs/jieba's dict.txt: jieba's word list with frequencies (MIT);
 * - opencc-js: simplified ↔ traditional (Hong Kong) conversion (MIT, Apache-2.0 data).
 * Node only.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import OpenCC from 'opencc-js'

export interface MmahChar {
  /** SVG outline path of each stroke. */
  readonly strokes: readonly string[]
  /** Median of each stroke: [x, y] points, y up. */
  readonly medians: ReadonlyArray<ReadonlyArray<readonly [number, number]>>
}

const mmahDir = dirname(require.resolve('hanzi-writer-data/package.json'))

export function mmahCharacters(): Set<string> {
  return new Set(
    readdirSync(mmahDir)
      .filter((f) => f.endsWith('.json') && f !== 'package.json')
      .map((f) => f.slice(0, -5))
      .filter((c) => [...c].length === 1),
  )
}

export function readMmah(char: string): MmahChar | null {
  const file = join(mmahDir, `${char}.json`)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MmahChar) : null
}

/** Make Me a Hanzi's y axis points up from a baseline; ours points down from the top. */
export const MMAH_TOP = 900

export interface Word {
  readonly word: string
  readonly frequency: number
}

let words: Word[] | null = null

/** jieba's dictionary: every word with its frequency (about 349,000). */
export function jiebaWords(): Word[] {
  if (!words) {
    const text = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8')
    words = []
    for (const line of text.split('\n')) {
      const [word, frequency] = line.split(' ')
      if (word && frequency) words.push({ word, frequency: Number(frequency) })
    }
  }
  return words
}

/** How often each character occurs in jieba's words, weighted by their frequency. */
export function characterFrequencies(): Map<string, number> {
  const out = new Map<string, number>()
  for (const { word, frequency } of jiebaWords())
    for (const ch of word) if (/\p{Script=Han}/u.test(ch)) out.set(ch, (out.get(ch) ?? 0) + frequency)
  return out
}

export const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' })
export const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })
