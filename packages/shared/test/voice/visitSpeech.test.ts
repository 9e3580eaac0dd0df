/**
 * Issue 16: volume and speed per visit, reset to the kiosk's defaults after every visit; personal data
 * said in its "请看屏幕" form unless a handset is fitted (EN 301 549 §5.1.3.9).
 */
import { createI18n, resources, SUPPORTED_LANGUAGES } from '@bangban/core/i18n'
import { displayMoney } from '@bangban/core/format/display'
import { normalizeFreeText, readAmountEn, readAmountZh } from '@bangban/core/speech'
import { createAppStore } from '../../src/state/appStore'
import { hasKey, spokenKey } from '../../src/voice/spokenKey'
import { isVisitDefault, setPrivateListening, setSpeechDefaults, visitSpeech } from '../../src/voice/settings'
import { volumeOf } from '../../src/voice/volume'

afterEach(() => {
  setSpeechDefaults({ volume: 1, slow: false })
  setPrivateListening(false)
})

describe('a visit’s voice', () => {
  it('starts at the kiosk’s defaults and goes back to them at the wipe', () => {
    setSpeechDefaults({ volume: volumeOf('medium'), slow: false })
    const store = createAppStore()
    store.update({ speech: { muted: true, slow: true, volume: volumeOf('high'), commands: true } })
    expect(isVisitDefault(store.get().speech)).toBe(false)
    store.reset()
    expect(store.get().speech).toEqual({
      muted: false,
      slow: false,
      volume: volumeOf('medium'),
      commands: false,
    })
    expect(isVisitDefault(store.get().speech)).toBe(true)
  })

  it('follows a kiosk configured slower', () => {
    setSpeechDefaults({ volume: volumeOf('low'), slow: true })
    expect(visitSpeech()).toEqual({ muted: false, slow: true, volume: volumeOf('low'), commands: false })
  })
})

const PERSONAL = [
  'voice.pay.scan',
  'voice.pay.sheet',
  'voice.pay.success',
  'voice.pay.chosen',
  'voice.request.confirm',
]

describe('private listening', () => {
  it('every personal prompt has its 请看屏幕 form in every language', () => {
    for (const key of [...PERSONAL, 'helper.spoken.waiting'])
      expect([key, hasKey(`${key}Public`)]).toEqual([key, true])
  })

  it.each(SUPPORTED_LANGUAGES)(
    '%s: no amount, phone or code aloud without a handset; all of them with one',
    (lang) => {
      const t = createI18n(lang).t
      const values = {
        amount: displayMoney(3650),
        count: 1,
        phone: '13912345678',
        description: '灯不亮',
        place: '幸福里小区 3 号楼',
        category: '维修报修',
        code: '759 054',
      }
      const amount = lang === 'en' ? readAmountEn(3650) : readAmountZh(3650, lang)
      for (const key of PERSONAL) {
        const said = normalizeFreeText(t(spokenKey(key), values), lang)
        expect(said).not.toContain(amount)
        expect(said).not.toMatch(/幺三九|一三九|one three nine|灯不亮|幸福里小区/)
      }
      expect(normalizeFreeText(t(spokenKey('helper.spoken.waiting'), values), lang)).not.toMatch(
        /七五九|seven five nine/,
      )
      setPrivateListening(true)
      expect(normalizeFreeText(t(spokenKey('voice.pay.scan'), values), lang)).toContain(amount)
      expect(spokenKey('voice.request.confirm')).toBe('voice.request.confirm')
    },
  )

  it('leaves prompts without personal data as they are', () => {
    expect(spokenKey('voice.home')).toBe('voice.home')
    expect(Object.keys(resources)).toEqual(expect.arrayContaining(['zh-CN', 'zh-HK', 'en']))
  })
})
