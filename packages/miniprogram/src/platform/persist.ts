/**
 * What the mini-program keeps on the resident's own phone between visits: their session (so a
 * linked WeChat does not sign in every time) and their language. The kiosk keeps nothing; this
 * is the phone's private storage, cleared on sign-out. Text size follows WeChat's font setting.
 */
import { isLanguage } from '@bangban/core/i18n'
import type { AppStore, SessionState } from '@bangban/shared/state/appStore'
import type { TextSize } from '@bangban/core/theme/tokens'

/** Taro.getStorageSync / setStorageSync / removeStorageSync. */
export interface KeyValueStorage {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}

export const STORAGE_KEY = 'bangban.visit.v1'

interface Saved {
  readonly session: SessionState | null
  readonly language: string
}

function isSession(value: unknown): value is SessionState {
  const s = value as Partial<SessionState> | null
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.token === 'string' &&
    typeof s.expiresAt === 'string' &&
    typeof s.resident === 'object' &&
    s.resident !== null
  )
}

/** Puts the saved session (if still valid) and language into the store. */
export function restoreVisit(store: AppStore, storage: KeyValueStorage, now: number): void {
  const saved = storage.get(STORAGE_KEY) as Partial<Saved> | null | undefined
  if (!saved || typeof saved !== 'object') return
  const session = isSession(saved.session) && Date.parse(saved.session.expiresAt) > now ? saved.session : null
  store.update({
    session,
    ...(isLanguage(saved.language) ? { language: saved.language } : {}),
  })
}

/** Saves the session and language whenever they change; returns the unsubscribe function. */
export function persistVisit(store: AppStore, storage: KeyValueStorage): () => void {
  let last = ''
  const save = () => {
    const { session, language, delegation, family } = store.get()
    // A delegated token is a helper's, at a kiosk: never kept on a phone. Acting for a family
    // member, the phone keeps its owner's own session, never the family token.
    const saved: Saved = { session: family ? family.own : delegation ? null : session, language }
    const text = JSON.stringify(saved)
    if (text === last) return
    last = text
    if (!saved.session && saved.language === 'zh-CN') storage.remove(STORAGE_KEY)
    else storage.set(STORAGE_KEY, saved)
  }
  save()
  return store.subscribe(save)
}

/**
 * WeChat's font setting (wx.getAppBaseInfo().fontSizeSetting, px): from about 22 px up — the top
 * steps and 关怀模式 (23.8 px on phones) — the resident asked for big text everywhere.
 */
export function textSizeForWechatFont(fontSizeSetting: number | undefined): TextSize {
  return typeof fontSizeSetting === 'number' && fontSizeSetting >= 22 ? 'extraLarge' : 'large'
}
