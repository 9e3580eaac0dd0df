/**
 * The clip inventory of one language: what the prerecorded clips say. Phrases cover the fixed text
 * of every prompt; syllables (one clip per toned syllable, with the characters read that way) and
 * words cover everything dynamic — names, amounts, dates, typed descriptions. Written by
 * `pnpm voice:clips` to assets/voice/inventory/<lang>.json.
 */
import type { Language } from '@bangban/core/i18n'
import { utf8Bytes } from '../utf8'

export interface ClipInventory {
  readonly version: 1
  readonly lang: Language
  /** Phrase (as `phraseKey`) → clip id (`p/<hash>`). */
  readonly phrases: Readonly<Record<string, string>>
  /** Toned syllable (qing3, cing2) → every character this language reads that way; clip `s/<syllable>`. */
  readonly syllables: Readonly<Record<string, string>>
  /** English words → clip id (`w/<word>`); empty for Chinese. */
  readonly words: Readonly<Record<string, string>>
  /** Latin letters a–z have clips `l/<letter>` (ticket letters, spelled-out words). */
  readonly letters: string
  /** Whose syllables read Chinese characters in this language's text: English borrows Mandarin. */
  readonly hanFrom: Language
}

/** A clip across languages: `<lang>/<id>`, which is also its path without `.wav`. */
export type ClipRef = `${Language}/${string}`

export function clipRef(lang: Language, id: string): ClipRef {
  return `${lang}/${id}`
}

/** FNV-1a: a short stable file name for a phrase, the same in the generator and at run time. */
export function phraseId(text: string): string {
  let hash = 0x811c9dc5
  for (const unit of utf8Bytes(text)) {
    hash ^= unit
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `p/${hash.toString(16).padStart(8, '0')}`
}

/** File-safe id of an English word (apostrophes become underscores). */
export function wordId(word: string): string {
  return `w/${word.toLowerCase().replace(/[^a-z0-9]/g, '_')}`
}

/** Lookups built once per inventory. */
export interface InventoryIndex {
  readonly inventory: ClipInventory
  /** Character → syllable clip id. */
  readonly syllableOf: ReadonlyMap<string, string>
  /** First token of a phrase → phrases starting with it, as token lists, longest first. */
  readonly phrasesByFirst: ReadonlyMap<string, ReadonlyArray<{ tokens: readonly string[]; id: string }>>
}

export function indexInventory(inventory: ClipInventory): InventoryIndex {
  const syllableOf = new Map<string, string>()
  for (const [syllable, chars] of Object.entries(inventory.syllables))
    for (const ch of chars) if (!syllableOf.has(ch)) syllableOf.set(ch, `s/${syllable}`)
  const phrasesByFirst = new Map<string, Array<{ tokens: string[]; id: string }>>()
  for (const [text, id] of Object.entries(inventory.phrases)) {
    const tokens = inventory.lang === 'en' ? text.split(' ') : [...text]
    const first = tokens[0]
    if (first === undefined) continue
    const list = phrasesByFirst.get(first) ?? []
    list.push({ tokens, id })
    phrasesByFirst.set(first, list)
  }
  for (const list of phrasesByFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length)
  return { inventory, syllableOf, phrasesByFirst }
}
