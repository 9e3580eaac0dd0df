/**
 * Turns normalised text into the clips that say it, in order, with pauses: the longest known phrase
 * first, then one syllable clip per Chinese character, word clips for English, letter clips for
 * anything spelled. What no clip can say is reported, never silently dropped.
 */
import type { Language } from '@bangban/core/i18n'
import { clipRef, type ClipRef, type InventoryIndex } from './inventory'

export type PlanItem = { readonly clip: ClipRef; readonly text: string } | { readonly pause: number }

export interface ClipPlan {
  readonly items: readonly PlanItem[]
  /** Characters or words no clip can say. */
  readonly missing: readonly string[]
}

/** Pause lengths in ms at normal speed; the player stretches them for slow speech. */
export const PAUSES = { join: 40, space: 120, minor: 220, major: 420 } as const

const MAJOR = /[.!?\u3002\uff01\uff1f\u2026]/
const HAN = /\p{Script=Han}/u
const LATIN = /[A-Za-z]/

type Token =
  | { kind: 'word'; text: string; han: boolean }
  | { kind: 'pause'; ms: number }
  | { kind: 'letters'; text: string }

function tokenize(text: string, lang: Language): Token[] {
  const tokens: Token[] = []
  const chars = [...text]
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!
    if (HAN.test(ch)) {
      tokens.push({ kind: 'word', text: ch, han: true })
      i += 1
    } else if (LATIN.test(ch)) {
      let j = i + 1
      while (j < chars.length && /[A-Za-z'\u2019]/.test(chars[j]!)) j += 1
      const word = chars
        .slice(i, j)
        .join('')
        .replace(/\u2019/g, "'")
      tokens.push(
        lang === 'en'
          ? { kind: 'word', text: word.toLowerCase(), han: false }
          : { kind: 'letters', text: word },
      )
      i = j
    } else if (/[0-9]/.test(ch)) {
      // The normaliser writes every number out; a digit here has no clip and is reported.
      tokens.push({ kind: 'letters', text: ch })
      i += 1
    } else if (/\s/.test(ch)) {
      // Between English words a space is only a separator; in Chinese it is a breath.
      if (lang !== 'en') tokens.push({ kind: 'pause', ms: PAUSES.space })
      i += 1
    } else {
      tokens.push({ kind: 'pause', ms: MAJOR.test(ch) ? PAUSES.major : PAUSES.minor })
      i += 1
    }
  }
  return tokens
}

/** The longest phrase starting at token i, with no pause inside it. */
function matchPhrase(
  tokens: Token[],
  i: number,
  index: InventoryIndex,
): { id: string; length: number } | null {
  const first = tokens[i]
  if (first?.kind !== 'word') return null
  for (const phrase of index.phrasesByFirst.get(first.text) ?? []) {
    const fits = phrase.tokens.every((t, k) => {
      const token = tokens[i + k]
      return token?.kind === 'word' && token.text === t
    })
    if (fits) return { id: phrase.id, length: phrase.tokens.length }
  }
  return null
}

export interface PlanSources {
  /** The language's own inventory. */
  readonly own: InventoryIndex
  /** The inventory whose syllables read Chinese characters (itself for Chinese, Mandarin for English). */
  readonly han: InventoryIndex
}

export function planClips(text: string, lang: Language, sources: PlanSources): ClipPlan {
  const { own, han } = sources
  const items: PlanItem[] = []
  const missing: string[] = []
  const clip = (ref: ClipRef, said: string) => {
    const last = items[items.length - 1]
    if (last && 'clip' in last) items.push({ pause: PAUSES.join })
    items.push({ clip: ref, text: said })
  }
  const pause = (ms: number) => {
    const last = items[items.length - 1]
    if (!last) return // silence before the first word only delays it
    if ('pause' in last) items[items.length - 1] = { pause: Math.max(last.pause, ms) }
    else items.push({ pause: ms })
  }
  const spell = (word: string) => {
    for (const letter of word.toLowerCase())
      if (own.inventory.letters.includes(letter)) clip(clipRef(lang, `l/${letter}`), letter)
      else missing.push(letter)
  }

  const tokens = tokenize(text, lang)
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!
    const phrase = matchPhrase(tokens, i, own)
    if (phrase) {
      const said = tokens
        .slice(i, i + phrase.length)
        .map((t) => (t.kind === 'pause' ? '' : t.text))
        .join(lang === 'en' ? ' ' : '')
      clip(clipRef(lang, phrase.id), said)
      i += phrase.length
      continue
    }
    i += 1
    if (token.kind === 'pause') pause(token.ms)
    else if (token.kind === 'letters') spell(token.text)
    else if (token.han) {
      const syllable = han.syllableOf.get(token.text)
      if (syllable) clip(clipRef(han.inventory.lang, syllable), token.text)
      else missing.push(token.text)
    } else {
      const word = own.inventory.words[token.text]
      // An English word without a clip (a name) is spelled rather than skipped.
      if (word) clip(clipRef(lang, word), token.text)
      else spell(token.text.replace(/'/g, ''))
    }
  }
  const last = items[items.length - 1]
  if (last && 'pause' in last) items.pop()
  return { items, missing }
}
