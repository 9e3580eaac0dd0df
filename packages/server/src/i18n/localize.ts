/**
 * The service's names (places, services, categories, grids, bill lines, addresses) are held in
 * zh-CN. A reader in zh-HK gets them in Traditional characters (opencc-js, Hong Kong standard, with
 * proper names kept as the override table writes them); a reader in English gets the translation
 * held with the data (name_translations, set by the operator CLI), or the name as it is.
 */
import * as OpenCC from 'opencc-js'
import type { Kysely } from 'kysely'
import type { Language } from '@bangban/core/i18n'
import type { Database } from '../db/schema'

/** Fields of API answers that carry names from the data (never codes, never what a resident wrote). */
export const NAME_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'address',
  'community',
  'area',
  'providerName',
  'serviceName',
  'categoryName',
  'gridName',
  'label',
  'maskedName',
  'holderMaskedName',
  'assigneeMaskedName',
])

/**
 * Proper names whose characters are not converted word by word: opencc writes 幸福里 as 幸福裏, but a
 * place's name is written as the place writes it.
 */
export const PROPER_NAMES_HK: Readonly<Record<string, string>> = {
  // i18n-exempt: proper names, data not UI text
  幸福里: '幸福里',
}

const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' })

/** Simplified to Hong Kong Traditional, keeping the proper names of the override table. */
export function toTraditional(
  text: string,
  overrides: Readonly<Record<string, string>> = PROPER_NAMES_HK,
): string {
  const names = Object.keys(overrides).sort((a, b) => b.length - a.length)
  if (names.length === 0) return toHongKong(text)
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const parts = text.split(new RegExp(`(${escaped.join('|')})`))
  return parts.map((part, i) => (i % 2 === 1 ? (overrides[part] ?? part) : toHongKong(part))).join('')
}

interface Pattern {
  readonly regex: RegExp
  readonly text: string
}

export interface Translations {
  readonly exact: ReadonlyMap<string, string>
  readonly patterns: readonly Pattern[]
}

/** "用水 {n} 吨" matches 用水 10 吨; the numbers go into the translation's {n} in order, or its {1}, {2} … */
function compile(source: string, text: string): Pattern {
  const body = source
    .split('{n}')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(\\d+(?:\\.\\d+)?)')
  return { regex: new RegExp(`^${body}$`), text }
}

export function translationsOf(rows: ReadonlyArray<{ source: string; text: string }>): Translations {
  const exact = new Map<string, string>()
  const patterns: Pattern[] = []
  for (const row of rows) {
    if (row.source.includes('{n}')) patterns.push(compile(row.source, row.text))
    else exact.set(row.source, row.text)
  }
  return { exact, patterns }
}

function translate(text: string, translations: Translations): string | null {
  const exact = translations.exact.get(text)
  if (exact !== undefined) return exact
  for (const { regex, text: target } of translations.patterns) {
    const m = regex.exec(text)
    if (!m) continue
    let i = 1
    // {n} takes the numbers in order; {1}, {2} … name one (the order may differ between languages).
    return target.replace(
      /\{(n|\d)\}/g,
      (_, which: string) => (which === 'n' ? m[i++] : m[Number(which)]) ?? '',
    )
  }
  return null
}

const HAN = /[\u3400-\u9fff]/

/** One name in the reader's language. */
export function localizeName(text: string, lang: Language, translations: Translations): string {
  if (lang === 'zh-CN' || !HAN.test(text)) return text
  const held = translate(text, translations)
  if (held !== null) return held
  return lang === 'zh-HK' ? toTraditional(text) : text
}

/** A copy of an API answer with every name field in the reader's language. */
export function localizePayload(
  payload: unknown,
  lang: Language,
  byLang: (lang: Language) => Translations,
): unknown {
  if (lang === 'zh-CN') return payload
  const translations = byLang(lang)
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string')
      return key !== null && NAME_FIELDS.has(key) ? localizeName(value, lang, translations) : value
    if (Array.isArray(value)) return value.map((item) => walk(item, key))
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]))
    return value
  }
  return walk(payload, null)
}

/** The held translations, read again at most every few seconds (the operator may change them). */
export function translationStore(db: Kysely<Database>, maxAgeMs = 10_000) {
  let loaded: { at: number; byLang: Map<string, Translations> } | null = null
  const load = async () => {
    const rows = await db.selectFrom('name_translations').select(['source', 'lang', 'text']).execute()
    const byLang = new Map<string, Translations>()
    for (const lang of new Set(rows.map((r) => r.lang)))
      byLang.set(lang, translationsOf(rows.filter((r) => r.lang === lang)))
    loaded = { at: Date.now(), byLang }
    return byLang
  }
  const empty = translationsOf([])
  return {
    async current(): Promise<(lang: Language) => Translations> {
      const byLang = loaded && Date.now() - loaded.at < maxAgeMs ? loaded.byLang : await load()
      return (lang) => byLang.get(lang) ?? empty
    },
    forget(): void {
      loaded = null
    },
  }
}
