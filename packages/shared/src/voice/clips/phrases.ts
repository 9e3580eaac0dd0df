/**
 * The prompt table: which i18n strings are ever spoken, and the fixed phrases inside them. The clip
 * generator records one clip per phrase; the planner prefers these whole phrases over syllables,
 * because a phrase read in one breath sounds like speech and a chain of syllables does not.
 */
import type { Language, Resource } from '@bangban/core/i18n'
import { normalizeFreeText } from '@bangban/core/speech'

/**
 * Resource subtrees the screens pass to the voice: the prompts, the error messages they say, the
 * idle warning, what 我的记录 confirms aloud, the common problems a description is built from,
 * and the words inside spoken dates and times.
 */
export const SPOKEN_PATHS = [
  'voice',
  'errors',
  'idle.spoken',
  'records.cancelled',
  'records.rated',
  'records.reopened',
  'book.printed',
  'book.printFailed',
  'pay.receiptPrinted',
  'pay.printFailed',
  'request.phrases',
  'textEntry.spoken',
  'billKinds',
  'format.weekdays',
  'format.morning',
  'format.noon',
  'format.afternoon',
  'format.evening',
  'format.today',
  'format.tomorrow',
  'format.date',
  'format.timeRange',
  'format.timeRangeAcross',
  'format.months',
] as const

type Tree = { readonly [key: string]: string | Tree }

function leaves(node: string | Tree, path: string): Array<{ key: string; text: string }> {
  if (typeof node === 'string') return [{ key: path, text: node }]
  return Object.entries(node).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
}

function at(resource: Resource, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = resource as unknown as Tree
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return node
}

/** Every spoken template of a language, by key (e.g. `voice.book.day`). */
export function spokenTemplates(resource: Resource): Array<{ key: string; text: string }> {
  return SPOKEN_PATHS.flatMap((path) => {
    const node = at(resource, path)
    return node === undefined ? [] : leaves(node, path)
  })
}

/** Where speech pauses: punctuation of both scripts (an apostrophe is part of an English word). */
export const PAUSE_CHARS =
  /[\s,.!?;:()"\u2013\u2014\u2026\u3001\u3002\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f\u201c\u201d\u2018*·/~-]+/

/** In English a space joins words within a phrase; only punctuation ends one. */
const EN_PAUSE_CHARS = new RegExp(PAUSE_CHARS.source.replace('\\s', ''))

/** English phrases are matched as lower-case words; Chinese ones as written. */
export function phraseKey(text: string, lang: Language): string {
  return lang === 'en' ? text.toLowerCase().replace(/\s+/g, ' ').trim() : text
}

/**
 * The fixed phrases of a template: the text between interpolations, normalised as it will be at
 * run time, cut at every pause. One-character pieces are left to the syllable clips.
 */
export function templatePhrases(template: string, lang: Language): string[] {
  return template
    .split(/\{\{[^}]*\}\}/)
    .flatMap((piece) => normalizeFreeText(piece, lang).split(lang === 'en' ? EN_PAUSE_CHARS : PAUSE_CHARS))
    .map((piece) => phraseKey(piece, lang))
    .filter((piece) => (lang === 'en' ? /[a-z]/.test(piece) : [...piece].length >= 2))
}

/** All phrases of a language's spoken resources, each once, in a stable order. */
export function phraseTable(resource: Resource, lang: Language): string[] {
  const seen = new Set<string>()
  for (const { text } of spokenTemplates(resource)) for (const p of templatePhrases(text, lang)) seen.add(p)
  return [...seen].sort()
}
