/**
 * i18next set-up shared by every door. Resources are bundled (no network, no async loading) so
 * the first screen renders in the right language at once.
 */
import i18next, { type i18n as I18n } from 'i18next'
import zhCN, { type Resource } from './resources/zh-CN'
import zhHK from './resources/zh-HK'
import en from './resources/en'

export const SUPPORTED_LANGUAGES = ['zh-CN', 'zh-HK', 'en'] as const
export type Language = (typeof SUPPORTED_LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'zh-CN'

export const resources: Record<Language, Resource> = { 'zh-CN': zhCN, 'zh-HK': zhHK, en }

export type { Resource }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value)
}

/**
 * Picks our language for a BCP 47 tag or an Accept-Language header: Traditional/Hong Kong/Macau
 * Chinese and Cantonese → zh-HK, any other Chinese → zh-CN, English → en, else the default.
 */
export function resolveLanguage(header: string | null | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE
  const tags = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';')
      const q = rest.find((p) => p.trim().startsWith('q='))
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 }
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q)
  for (const { tag } of tags) {
    if (/^(zh-(hk|mo|tw|hant)|yue)/.test(tag)) return 'zh-HK'
    if (tag.startsWith('zh') || tag.startsWith('cmn')) return 'zh-CN'
    if (tag.startsWith('en')) return 'en'
  }
  return DEFAULT_LANGUAGE
}

/** A fresh, initialised i18next instance (synchronous: resources are in memory). */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance()
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    resources: Object.fromEntries(SUPPORTED_LANGUAGES.map((lng) => [lng, { translation: resources[lng] }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  })
  return instance
}
