/**
 * Missing clips fail here, not at the kiosk: every spoken i18n key of every language, filled with
 * realistic data the way the screens fill it, can be said from clip files that exist.
 */
import { createI18n, resources, SUPPORTED_LANGUAGES, type Language } from '@bangban/core/i18n'
import { displayDate, displayMoney, displayTimeRange } from '@bangban/core/format/display'
import { phraseTable, spokenTemplates } from '../../src/voice/clips/phrases'
import { planClips } from '../../src/voice/clips/plan'
import { sampleReadings } from '../../src/voice/clips/vocabulary'
import { normalizeFreeText } from '@bangban/core/speech'
import { clipExists, loadInventory, planSources } from './support/clipFiles'

/** Interpolation values as the screens build them; the names are the service's (Chinese) data. */
function values(lang: Language): Record<string, string | number> {
  const t = createI18n(lang).t
  return {
    service: '全科门诊',
    place: '幸福里社区卫生服务中心',
    day: displayDate(t, '2026-12-01', '2026-11-30'),
    time: displayTimeRange(t, '2026-12-01T06:30:00Z', '2026-12-01T07:00:00Z'),
    ticket: 'A012',
    amount: displayMoney(100205),
    count: 2,
    category: '维修报修',
    description: '水管漏水，厨房，急',
    phone: '13800138000',
    requestNo: 'R20261129007',
    assignee: '李网格',
    seconds: 30,
    name: '王*明',
    score: '满意',
    date: displayDate(t, '2026-11-29'),
    grid: '幸福里第一网格',
    kind: t('billKinds.water'),
    period: t('format.morning'),
    start: '08:00',
    end: '08:30',
    month: 11,
    weekday: t('format.weekdays.6'),
    year: 2026,
  }
}

describe.each(SUPPORTED_LANGUAGES)('clips for %s', (lang) => {
  const sources = planSources(lang)
  const t = createI18n(lang).t

  it('the inventory holds exactly the phrases of the prompt table (else run pnpm voice:clips)', () => {
    expect(Object.keys(loadInventory(lang).phrases).sort()).toEqual(phraseTable(resources[lang], lang))
  })

  const templates = spokenTemplates(resources[lang])
  it('covers the voice prompts of every screen', () => {
    expect(templates.filter((e) => e.key.startsWith('voice.')).length).toBeGreaterThanOrEqual(20)
  })

  it.each(templates.map((e) => [e.key]))('%s is said from existing clips', (key) => {
    const text = normalizeFreeText(t(key, values(lang)), lang)
    const plan = planClips(text, lang, sources)
    expect(plan.missing).toEqual([])
    expect(plan.items.some((item) => 'clip' in item)).toBe(true)
    const absent = plan.items.flatMap((item) => ('clip' in item && !clipExists(item.clip) ? [item.clip] : []))
    expect(absent).toEqual([])
  })

  it('says the fixed text of prompts with phrase clips, not syllable by syllable', () => {
    const text = normalizeFreeText(t('voice.book.service'), lang)
    const clips = planClips(text, lang, sources).items.flatMap((item) => ('clip' in item ? [item.clip] : []))
    expect(clips.every((ref) => ref.startsWith(`${lang}/p/`))).toBe(true)
  })

  it('says every reading of the normaliser (numbers, amounts, dates, times, tickets, phones)', () => {
    const failures = sampleReadings(lang).flatMap((reading) => {
      const plan = planClips(reading, lang, sources)
      const absent = plan.items.filter((item) => 'clip' in item && !clipExists(item.clip))
      return plan.missing.length > 0 || absent.length > 0 ? [{ reading, missing: plan.missing, absent }] : []
    })
    expect(failures).toEqual([])
  })

  it('has a clip for every syllable, word and letter in the inventory', () => {
    const inv = loadInventory(lang)
    const refs = [
      ...Object.values(inv.phrases),
      ...Object.keys(inv.syllables).map((s) => `s/${s}`),
      ...Object.values(inv.words),
      ...[...inv.letters].map((l) => `l/${l}`),
    ].map((id) => `${lang}/${id}` as const)
    expect(refs.filter((ref) => !clipExists(ref))).toEqual([])
  })
})

describe('names and typed text', () => {
  it('reads any common character, simplified or traditional, through syllable clips', () => {
    const zhCN = planClips('欧阳娜娜在龍華路', 'zh-CN', planSources('zh-CN'))
    expect(zhCN.missing).toEqual([])
    expect(zhCN.items.filter((i) => 'clip' in i).length).toBe(8)
    const zhHK = planClips('欧阳娜娜在龍華路', 'zh-HK', planSources('zh-HK'))
    expect(zhHK.missing).toEqual([])
  })

  it('reads Chinese names inside English prompts with Mandarin syllables', () => {
    const plan = planClips('Choose the day for 全科门诊.', 'en', planSources('en'))
    expect(plan.missing).toEqual([])
    const refs = plan.items.flatMap((i) => ('clip' in i ? [i.clip] : []))
    expect(refs.slice(-4)).toEqual(['zh-CN/s/quan2', 'zh-CN/s/ke1', 'zh-CN/s/men2', 'zh-CN/s/zhen3'])
  })

  it('reports what no clip can say instead of dropping it silently', () => {
    expect(planClips('\u{2A6D6}', 'zh-CN', planSources('zh-CN')).missing).toEqual(['\u{2A6D6}'])
  })
})
