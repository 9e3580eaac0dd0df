/**
 * Builds each language's clip inventory from the prompt table (the i18n resources) and the
 * normaliser's vocabulary: phrases, the toned syllables of every common character, English words.
 */
import { pinyin } from 'pinyin-pro'
import { resources, SUPPORTED_LANGUAGES, type Language } from '../../packages/core/src/i18n'
import { phraseId, wordId, type ClipInventory } from '../../packages/shared/src/voice/clips/inventory'
import { phraseTable, spokenTemplates } from '../../packages/shared/src/voice/clips/phrases'
import { sampleReadings } from '../../packages/shared/src/voice/clips/vocabulary'
import { normalizeFreeText } from '../../packages/core/src/speech'
import { commonCharacters } from './charsets'
import { jyutpingOf } from './espeak'

export const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** Mandarin syllables as pinyin-pro writes them with tone numbers (0 = neutral tone). */
const PINYIN = /^[a-z]+[0-4]$/

function group(readings: Iterable<[string, string]>): Record<string, string> {
  const bySyllable: Record<string, string> = {}
  for (const [ch, syllable] of readings) bySyllable[syllable] = (bySyllable[syllable] ?? '') + ch
  return Object.fromEntries(Object.entries(bySyllable).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Every spoken text of every language, normalised, plus the normaliser's sample readings. */
function allSpokenText(): string {
  return SUPPORTED_LANGUAGES.flatMap((lang) => [
    ...spokenTemplates(resources[lang]).map((t) =>
      normalizeFreeText(t.text.replace(/\{\{[^}]*\}\}/g, ' '), lang),
    ),
    ...sampleReadings(lang),
  ]).join('\n')
}

function characters(): string[] {
  const extra = [...allSpokenText()].filter((ch) => /\p{Script=Han}/u.test(ch))
  return [...new Set([...commonCharacters(), ...extra])]
}

function englishWords(): Record<string, string> {
  const texts = [
    ...phraseTable(resources.en, 'en'),
    ...sampleReadings('en'),
    ...spokenTemplates(resources.en).map((t) =>
      normalizeFreeText(t.text.replace(/\{\{[^}]*\}\}/g, ' '), 'en'),
    ),
  ]
  const words = new Set<string>()
  for (const text of texts)
    for (const m of text
      .toLowerCase()
      .replace(/\u2019/g, "'")
      .matchAll(/[a-z][a-z']*/g))
      words.add(m[0])
  return Object.fromEntries([...words].sort().map((w) => [w, wordId(w)]))
}

function phrases(lang: Language): Record<string, string> {
  return Object.fromEntries(phraseTable(resources[lang], lang).map((p) => [p, phraseId(p)]))
}

export function buildInventories(): Record<Language, ClipInventory> {
  const chars = characters()
  const mandarin = chars.flatMap((ch): Array<[string, string]> => {
    const reading = pinyin(ch, { toneType: 'num', v: true })
    return PINYIN.test(reading) ? [[ch, reading]] : []
  })
  const cantonese = jyutpingOf(chars)
  return {
    'zh-CN': {
      version: 1,
      lang: 'zh-CN',
      phrases: phrases('zh-CN'),
      syllables: group(mandarin),
      words: {},
      letters: LETTERS,
      hanFrom: 'zh-CN',
    },
    'zh-HK': {
      version: 1,
      lang: 'zh-HK',
      phrases: phrases('zh-HK'),
      syllables: group(cantonese),
      words: {},
      letters: LETTERS,
      hanFrom: 'zh-HK',
    },
    en: {
      version: 1,
      lang: 'en',
      phrases: phrases('en'),
      syllables: {},
      words: englishWords(),
      letters: LETTERS,
      hanFrom: 'zh-CN',
    },
  }
}

/** Tone-numbered pinyin for espeak-ng's cmn-latn-pinyin voice, which writes the neutral tone as 5. */
export function pinyinForEspeak(text: string): string {
  return pinyin(text, { toneType: 'num', v: true, type: 'array', nonZh: 'consecutive' })
    .map((s) => s.replace(/^([a-z]+)0$/, '$15'))
    .join(' ')
}
