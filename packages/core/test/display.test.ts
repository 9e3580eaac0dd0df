import {
  displayBillTitle,
  displayDate,
  displayDateWithYear,
  displayGreeting,
  displayMoney,
  displayTimeRange,
} from '../src/format/display'
import { createI18n } from '../src/i18n'
import { grouped } from '../src/format/digits'
import { normalizeFreeText } from '../src/speech'

describe('what residents read on screen', () => {
  const zh = createI18n('zh-CN').t
  const en = createI18n('en').t
  const hk = createI18n('zh-HK').t

  it('writes dates with the weekday, and today / tomorrow', () => {
    expect(displayDate(zh, '2026-12-02')).toBe('12月2日 星期三')
    expect(displayDate(zh, '2026-12-02', '2026-12-02')).toBe('今天 12月2日 星期三')
    expect(displayDate(zh, '2026-12-03', '2026-12-02')).toBe('明天 12月3日 星期四')
    expect(displayDate(en, '2026-12-03', '2026-12-02')).toBe('Tomorrow, Thursday 3 December')
    expect(displayDate(hk, '2026-12-02', '2026-12-02')).toBe('今日 12月2日 星期三')
    expect(displayDate(zh, '2027-01-01', '2026-12-31')).toBe('明天 1月1日 星期五')
  })

  it('writes Shanghai time ranges in twelve-hour time with the period once', () => {
    expect(displayTimeRange(zh, '2026-12-02T00:00:00.000Z', '2026-12-02T00:30:00.000Z')).toBe('上午8:00–8:30')
    expect(displayTimeRange(zh, '2026-12-02T08:00:00.000Z', '2026-12-02T08:30:00.000Z')).toBe('下午4:00–4:30')
    expect(displayTimeRange(zh, '2026-12-02T03:30:00.000Z', '2026-12-02T04:30:00.000Z')).toBe(
      '上午11:30–中午12:30',
    )
    expect(displayTimeRange(hk, '2026-12-02T08:00:00.000Z', '2026-12-02T08:30:00.000Z')).toBe('下午4:00–4:30')
    expect(displayTimeRange(en, '2026-12-02T06:00:00.000Z', '2026-12-02T06:30:00.000Z')).toBe(
      '2:00–2:30 p.m.',
    )
    expect(displayTimeRange(en, '2026-12-02T03:30:00.000Z', '2026-12-02T04:30:00.000Z')).toBe(
      '11:30 a.m.–12:30 p.m.',
    )
  })

  it('is read aloud with the period once', () => {
    const slot = ['2026-12-06T08:00:00.000Z', '2026-12-06T08:30:00.000Z'] as const
    expect(normalizeFreeText(displayTimeRange(zh, ...slot), 'zh-CN')).toBe('下午四点到四点半')
    expect(normalizeFreeText(displayTimeRange(hk, ...slot), 'zh-HK')).toBe('下晝四點至四點半')
    expect(normalizeFreeText(displayTimeRange(en, ...slot), 'en')).toBe('four to four thirty p.m.')
    expect(normalizeFreeText(displayDate(en, '2026-12-07', '2026-12-06'), 'en')).toBe(
      'Tomorrow, Monday the seventh of December',
    )
  })

  it('writes bills, receipts and greetings as people write them', () => {
    expect(displayBillTitle(zh, 'water', '2026-11')).toBe('2026年11月水费')
    expect(displayBillTitle(zh, 'medical', '2026-11-22')).toBe('2026年11月22日医疗费用')
    expect(displayBillTitle(hk, 'water', '2026-11')).toBe('2026年11月水費')
    expect(displayBillTitle(en, 'water', '2026-11')).toBe('Water, November 2026')
    expect(displayDateWithYear(zh, '2026-12-06')).toBe('2026年12月6日 星期日')
    expect(displayDateWithYear(en, '2026-12-06')).toBe('Sunday 6 December 2026')
    const wang = { maskedName: '王*明', maskedIdNumber: '110***********002X' }
    expect(displayGreeting(zh, 'zh-CN', wang)).toBe('王女士，您好')
    expect(displayGreeting(zh, 'zh-CN', { ...wang, maskedIdNumber: '110***********0011' })).toBe(
      '王先生，您好',
    )
    expect(displayGreeting(en, 'en', wang)).toBe('Hello, Ms Wang')
    expect(displayGreeting(zh, 'zh-CN', { maskedName: '1*********0', maskedIdNumber: null })).toBe('您好')
    expect(displayGreeting(zh, 'zh-CN', { maskedName: '王*明', maskedIdNumber: null })).toBe('您好')
  })

  it('writes money from fen', () => {
    expect(displayMoney(3650)).toBe('¥36.50')
  })

  it('groups keypad digits for reading', () => {
    expect(grouped('13812345678', [3, 4, 4])).toBe('138 1234 5678')
    expect(grouped('1381', [3, 4, 4])).toBe('138 1')
    expect(grouped('123456', undefined)).toBe('123456')
  })
})
