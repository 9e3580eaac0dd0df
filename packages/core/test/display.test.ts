import { displayDate, displayMoney, displayTimeRange } from '../src/format/display'
import { createI18n } from '../src/i18n'
import { grouped } from '../src/format/digits'

describe('what residents read on screen', () => {
  const zh = createI18n('zh-CN').t
  const en = createI18n('en').t
  const hk = createI18n('zh-HK').t

  it('writes dates with the weekday, and today / tomorrow', () => {
    expect(displayDate(zh, '2026-12-02')).toBe('12月2日 星期三')
    expect(displayDate(zh, '2026-12-02', '2026-12-02')).toBe('今天 12月2日 星期三')
    expect(displayDate(zh, '2026-12-03', '2026-12-02')).toBe('明天 12月3日 星期四')
    expect(displayDate(en, '2026-12-03', '2026-12-02')).toBe('Tomorrow, Thursday 3/12')
    expect(displayDate(hk, '2026-12-02', '2026-12-02')).toBe('今日 12月2日 星期三')
    expect(displayDate(zh, '2027-01-01', '2026-12-31')).toBe('明天 1月1日 星期五')
  })

  it('writes Shanghai time ranges with morning or afternoon', () => {
    expect(displayTimeRange(zh, '2026-12-02T00:00:00.000Z', '2026-12-02T00:30:00.000Z')).toBe(
      '上午 08:00–08:30',
    )
    expect(displayTimeRange(zh, '2026-12-02T06:00:00.000Z', '2026-12-02T06:30:00.000Z')).toBe(
      '下午 14:00–14:30',
    )
    expect(displayTimeRange(en, '2026-12-02T06:00:00.000Z', '2026-12-02T06:30:00.000Z')).toBe(
      'Afternoon 14:00–14:30',
    )
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
