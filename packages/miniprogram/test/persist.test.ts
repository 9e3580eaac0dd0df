/** What the mini-program keeps on the phone: the session and language, never a delegated or family token. */
import { startActing } from '@bangban/shared/visit/familyActing'
import { createAppStore } from '@bangban/shared/state/appStore'
import {
  persistVisit,
  restoreVisit,
  STORAGE_KEY,
  textSizeForWechatFont,
  type KeyValueStorage,
} from '../src/platform/persist'

const NOW = Date.parse('2026-12-01T00:00:00.000Z')
const session = (expiresAt: string) => ({
  token: 'tok_0123456789abcdefghij',
  expiresAt,
  resident: { id: 'res_1', maskedName: '王*明', maskedIdNumber: null, maskedPhone: null },
})

function memoryStorage(): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return {
    data,
    get: (key) => data.get(key) ?? '',
    set: (key, value) => void data.set(key, JSON.parse(JSON.stringify(value))),
    remove: (key) => void data.delete(key),
  }
}

it('keeps the session and language, and restores them on the next launch', () => {
  const storage = memoryStorage()
  const store = createAppStore()
  persistVisit(store, storage)
  store.update({ session: session('2026-12-31T00:00:00.000Z'), language: 'zh-HK' })
  const next = createAppStore()
  restoreVisit(next, storage, NOW)
  expect(next.get().session?.token).toBe('tok_0123456789abcdefghij')
  expect(next.get().language).toBe('zh-HK')
})

it('drops an expired session and wipes storage on sign-out', () => {
  const storage = memoryStorage()
  storage.set(STORAGE_KEY, { session: session('2026-11-30T00:00:00.000Z'), language: 'en' })
  const store = createAppStore()
  restoreVisit(store, storage, NOW)
  expect(store.get().session).toBeNull()
  expect(store.get().language).toBe('en')
  persistVisit(store, storage)
  store.reset()
  expect(storage.data.has(STORAGE_KEY)).toBe(false)
})

it('never keeps a delegated token', () => {
  const storage = memoryStorage()
  const store = createAppStore()
  persistVisit(store, storage)
  store.update({
    session: session('2026-12-31T00:00:00.000Z'),
    delegation: {
      consentId: 'c1',
      resident: session('x').resident,
      expiresAt: '2026-12-01T00:30:00.000Z',
      scopes: ['booking'],
      helperName: '张*',
      staffNo: 'H1001',
    },
    language: 'en',
  })
  expect(storage.data.get(STORAGE_KEY)).toEqual({ session: null, language: 'en' })
})

it('keeps the family member’s own session, never the family token they act with', () => {
  const storage = memoryStorage()
  const store = createAppStore()
  const own = session('2026-12-31T00:00:00.000Z')
  store.update({ session: own })
  persistVisit(store, storage)
  startActing(store, {
    token: 'family-token-0123456789',
    expiresAt: '2026-12-01T00:30:00.000Z',
    familyGrantId: 'fam_1',
    scopes: ['booking'],
    resident: { id: 'res_2', maskedName: '赵*', maskedIdNumber: null, maskedPhone: null },
  })
  expect(store.get().session?.token).toBe('family-token-0123456789')
  expect(storage.data.get(STORAGE_KEY)).toEqual({ session: own, language: 'zh-CN' })
})

it('ignores what it cannot read', () => {
  const storage = memoryStorage()
  storage.set(STORAGE_KEY, { session: { token: 5 }, language: 'fr' })
  const store = createAppStore()
  restoreVisit(store, storage, NOW)
  expect(store.get().session).toBeNull()
  expect(store.get().language).toBe('zh-CN')
})

it.each([
  [undefined, 'large'],
  [17, 'large'],
  [21, 'large'],
  [22, 'extraLarge'],
  [23.8, 'extraLarge'],
])('WeChat font %s px → %s text', (px, size) => {
  expect(textSizeForWechatFont(px)).toBe(size)
})
