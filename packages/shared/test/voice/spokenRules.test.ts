/**
 * What the kiosk says, checked over every spoken template of every language, filled with the demo's
 * real data the way the screens fill it (masked names and numbers as the service sends them, slots as
 * the booking screens write them): no mask sign, no digit left for an engine to guess, a period of the
 * day said once per time range, staff numbers one by one, no Chinese inside English speech.
 */
import { createI18n, resources, SUPPORTED_LANGUAGES, type Language } from '@bangban/core/i18n'
import { displayDate, displayMoney, displayTimeRange } from '@bangban/core/format/display'
import { normalizeFreeText } from '@bangban/core/speech'
import { spokenTemplates } from '../../src/voice/clips/phrases'

/** The demo's half-hour slots (packages/server/src/seed/demo.ts), as UTC instants of one day. */
const SLOT_TIMES = [
  '08:00-08:30',
  '08:30-09:00',
  '11:00-11:30',
  '14:00-14:30',
  '15:30-16:00',
  '16:00-16:30',
].map((range) => {
  const [start = '', end = ''] = range.split('-')
  const utc = (hm: string) => {
    const [h = 0, m = 0] = hm.split(':').map(Number)
    return new Date(Date.UTC(2026, 11, 6, h - 8, m)).toISOString()
  }
  return [utc(start), utc(end)] as const
})

/** Names as the service sends them in each language (English and Traditional from the data's translations). */
const NAMES: Record<Language, Record<string, string>> = {
  'zh-CN': {
    place: '幸福里社区卫生服务中心',
    service: '全科',
    category: '维修报修',
    grid: '幸福里第一网格',
    description: '灯不亮，3号楼东侧路灯',
    score: '满意',
  },
  'zh-HK': {
    place: '幸福里社區衞生服務中心',
    service: '全科',
    category: '維修報修',
    grid: '幸福里第一網格',
    description: '燈不亮，3號樓東側路燈',
    score: '滿意',
  },
  en: {
    place: 'Xingfuli Community Health Centre',
    service: 'General practice',
    category: 'Repairs',
    grid: 'Xingfuli Grid 1',
    description: 'Light not working, street light east of building 3',
    score: 'Satisfied',
  },
}

function values(lang: Language, slot: readonly [string, string]): Record<string, string | number> {
  const t = createI18n(lang).t
  const day = displayDate(t, '2026-12-06', '2026-12-06')
  return {
    ...NAMES[lang],
    day,
    date: displayDate(t, '2026-11-29'),
    time: displayTimeRange(t, slot[0], slot[1]),
    ticket: 'A001',
    amount: displayMoney(3650),
    change: displayMoney(7160),
    count: 2,
    phone: '139****5678',
    requestNo: 'R20261206001',
    assignee: '李*格',
    name: '王*明',
    helper: '张*办',
    staffNo: 'H1001',
    member: '王*红',
    code: '759 054',
    seconds: 30,
    kind: t('billKinds.water'),
    period: t('format.afternoon'),
    endPeriod: t('format.afternoon'),
    start: '4:00',
    end: '4:30',
    month: 11,
    monthName: t('format.months.11'),
    weekday: t('format.weekdays.0'),
    year: 2026,
    jobs: t('helper.scopes.booking'),
    minutes: 30,
    asks: t('helper.asks', {
      helper: '张*办',
      staffNo: 'H1001',
      jobs: t('helper.scopes.booking'),
      minutes: 30,
    }),
    text: { 'zh-CN': '灯不亮', 'zh-HK': '燈不亮', en: 'Light not working' }[lang],
    letters: 'deng',
  }
}

function leavesOf(path: string): Array<{ key: string }> {
  let node: unknown = resources['zh-CN']
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part]
  return typeof node === 'string'
    ? [{ key: path }]
    : Object.keys(node as object).map((k) => ({ key: `${path}.${k}` }))
}

const PERIODS = /凌晨|早上|上午|中午|下午|晚上|朝早|下晝|夜晚/g

describe.each(SUPPORTED_LANGUAGES)('what the kiosk says in %s', (lang) => {
  const t = createI18n(lang).t
  // The helper's counter speaks these too; they are not in the clip table (said from syllables).
  const counter = ['helper.spoken', 'staff.spokenSignIn'].flatMap((path) =>
    spokenTemplates(resources[lang]).length ? leavesOf(path) : [],
  )
  const templates = [...spokenTemplates(resources[lang]), ...counter]
  const spoken = (key: string, slot: readonly [string, string]) =>
    normalizeFreeText(t(key, values(lang, slot)), lang)

  it.each(templates.map((e) => [e.key]))('%s follows the spoken rules', (key) => {
    for (const slot of SLOT_TIMES) {
      const text = spoken(key, slot)
      expect(text).not.toMatch(/[*＊]/)
      expect(text).not.toMatch(/[0-9]/)
      if (lang === 'en') {
        expect(text).not.toMatch(/\p{Script=Han}/u)
        expect(text).not.toMatch(/\.\.|\s[,.]/)
      } else {
        // A time range never repeats its period of the day (下午四点到四点半).
        const periods = text.match(PERIODS) ?? []
        expect(new Set(periods).size).toBe(periods.length)
      }
    }
  })

  it('reads a slot with its period once', () => {
    const slot = SLOT_TIMES[SLOT_TIMES.length - 1]!
    const expected = {
      'zh-CN': '下午四点到四点半',
      'zh-HK': '下晝四點至四點半',
      en: 'four to four thirty p.m.',
    }[lang]
    expect(spoken('voice.book.confirm', slot)).toContain(expected)
    expect(spoken('voice.book.success', slot)).toContain(expected)
  })

  it('reads staff numbers letter by letter and digit by digit, request numbers in groups', () => {
    const slot = SLOT_TIMES[0]!
    const staff = { 'zh-CN': 'H 一 零 零 一', 'zh-HK': 'H 一 零 零 一', en: 'H one zero zero one' }[lang]
    expect(
      normalizeFreeText(t('voice.scanConsent.ask', { ...values(lang, slot), ticket: 'H1001' }), lang),
    ).toContain(staff)
    const request = {
      'zh-CN': 'R 二零二六 一二零六 零零一',
      'zh-HK': 'R 二零二六 一二零六 零零一',
      en: 'R, two zero two six, one two zero six, zero zero one',
    }[lang]
    expect(spoken('voice.request.success', slot)).toContain(request)
  })

  it('says a masked phone as the end that is known', () => {
    const tail = { 'zh-CN': '尾号五六七八', 'zh-HK': '尾號五六七八', en: 'ending in five six seven eight' }[
      lang
    ]
    expect(spoken('voice.request.confirm', SLOT_TIMES[0]!)).toContain(tail)
  })
})
