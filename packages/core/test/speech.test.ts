import fc from 'fast-check'
import nzhCn from 'nzh/cn'
import nzhHk from 'nzh/hk'
import {
  normalizeFreeText,
  readAmountEn,
  readAmountZh,
  readCardinalEn,
  readCountZh,
  readDateEn,
  readDateZh,
  readDigitsZh,
  readOrdinalEn,
  readPhoneZh,
  readTicketZh,
  readTimeEn,
  readTimeZh,
  readYearEn,
  readYearZh,
  toSpeechText,
  type SpeechLang,
  type SpeechSegment,
} from '../src/speech'

type Case = readonly [SpeechSegment, string]

function table(lang: SpeechLang, cases: readonly Case[]): void {
  it.each(cases)(`${lang}: %j → %s`, (segment, expected) => {
    expect(toSpeechText([segment], lang)).toBe(expected)
  })
}

const amount = (fen: number): SpeechSegment => ({ kind: 'amount', fen })
const date = (d: string, withYear?: boolean): SpeechSegment =>
  withYear === undefined ? { kind: 'date', date: d } : { kind: 'date', date: d, withYear }
const time = (t: string): SpeechSegment => ({ kind: 'time', time: t })
const count = (
  n: number,
  unit?: 'piece' | 'person' | 'place' | 'bill' | 'day' | 'minute' | 'hour',
): SpeechSegment => (unit ? { kind: 'count', n, unit } : { kind: 'count', n })
const year = (y: number): SpeechSegment => ({ kind: 'year', year: y })
const ticket = (t: string): SpeechSegment => ({ kind: 'ticket', ticketNo: t })
const phone = (p: string): SpeechSegment => ({ kind: 'phone', digits: p })
const digits = (d: string): SpeechSegment => ({ kind: 'digits', digits: d })
const weekday = (d: string): SpeechSegment => ({ kind: 'weekday', date: d })
const text = (t: string): SpeechSegment => ({ kind: 'text', text: t })

describe('zh-CN readings', () => {
  table('zh-CN', [
    // amounts
    [amount(100205), '一千零二元零五分'],
    [amount(2000), '二十元整'],
    [amount(50), '五角'],
    [amount(1230), '十二元三角'],
    [amount(1005), '十元零五分'],
    [amount(0), '零元整'],
    [amount(1), '一分'],
    [amount(10), '一角'],
    [amount(55), '五角五分'],
    [amount(100), '一元整'],
    [amount(200), '两元整'],
    [amount(1000), '十元整'],
    [amount(1200), '十二元整'],
    [amount(2200), '二十二元整'],
    [amount(11000), '一百一十元整'],
    [amount(10100), '一百零一元整'],
    [amount(20000), '两百元整'],
    [amount(200000), '两千元整'],
    [amount(100001), '一千元零一分'],
    [amount(123456), '一千二百三十四元五角六分'],
    [amount(99999), '九百九十九元九角九分'],
    [amount(1000005), '一万元零五分'],
    [amount(10000010), '十万元一角'],
    [amount(1000000000), '一千万元整'],
    [amount(1020), '十元二角'],
    [amount(-500), '负五元整'],
    // dates
    [date('2026-11-29'), '二零二六年十一月二十九日'],
    [date('2026-11-29', false), '十一月二十九日'],
    [date('2026-02-02'), '二零二六年二月二日'],
    [date('2000-01-01'), '二零零零年一月一日'],
    [date('2026-12-22'), '二零二六年十二月二十二日'],
    [date('2024-02-29'), '二零二四年二月二十九日'],
    [date('2026-10-10', false), '十月十日'],
    // times
    [time('14:30'), '下午两点半'],
    [time('08:00'), '上午八点'],
    [time('12:15'), '中午十二点十五分'],
    [time('09:05'), '上午九点零五分'],
    [time('19:00'), '晚上七点'],
    [time('00:00'), '凌晨零点'],
    [time('02:00'), '凌晨两点'],
    [time('06:45'), '早上六点四十五分'],
    [time('12:30'), '中午十二点半'],
    [time('13:10'), '下午一点十分'],
    [time('17:59'), '下午五点五十九分'],
    [time('23:02'), '晚上十一点零二分'],
    [time('10:20'), '上午十点二十分'],
    [time('22:22'), '晚上十点二十二分'],
    // counts
    [count(2, 'piece'), '两个'],
    [count(2, 'person'), '两位'],
    [count(12, 'piece'), '十二个'],
    [count(22, 'piece'), '二十二个'],
    [count(2000), '两千'],
    [count(1, 'person'), '一位'],
    [count(10, 'place'), '十个'],
    [count(110, 'person'), '一百一十位'],
    [count(0, 'place'), '零个'],
    [count(20, 'bill'), '二十笔'],
    [count(200, 'piece'), '两百个'],
    [count(20000, 'piece'), '两万个'],
    [count(102, 'piece'), '一百零二个'],
    [count(10010), '一万零一十'],
    [count(2, 'day'), '两天'],
    [count(3, 'minute'), '三分钟'],
    [count(2, 'hour'), '两小时'],
    // years
    [year(2026), '二零二六年'],
    [year(2000), '二零零零年'],
    [year(1949), '一九四九年'],
    [year(2010), '二零一零年'],
    // tickets
    [ticket('A012'), 'A零一二'],
    [ticket('B100'), 'B一零零'],
    [ticket('Z999'), 'Z九九九'],
    [ticket('c001'), 'C零零一'],
    // phones: 幺 for 1
    [phone('13812345678'), '幺三八幺二三四五六七八'],
    [phone('138 1234 5678'), '幺三八幺二三四五六七八'],
    [phone('+86 13812345678'), '幺三八幺二三四五六七八'],
    [phone('010-12345678'), '零幺零幺二三四五六七八'],
    // account numbers and codes: 一 for 1, 零 for 0
    [digits('012'), '零一二'],
    [digits('6222 0210 0112'), '六二二二零二一零零一一二'],
    [digits('1000'), '一零零零'],
    // weekdays
    [weekday('2026-11-29'), '星期日'],
    [weekday('2026-11-30'), '星期一'],
    [weekday('2026-12-05'), '星期六'],
    // text is normalised too
    [text('请到3号窗口'), '请到三号窗口'],
  ])
})

describe('zh-HK (Cantonese) readings', () => {
  table('zh-HK', [
    [amount(2000), '二十元正'],
    [amount(1230), '十二元三毫'],
    [amount(1005), '十元零五仙'],
    [amount(100205), '一千零二元零五仙'],
    [amount(50), '五毫'],
    [amount(200), '兩元正'],
    [amount(20), '兩毫'],
    [amount(2000000), '兩萬元正'],
    [time('14:30'), '下晝兩點半'],
    [time('08:00'), '朝早八點'],
    [time('19:00'), '夜晚七點'],
    [time('09:05'), '朝早九點零五分'],
    [time('12:15'), '中午十二點十五分'],
    [count(2, 'piece'), '兩個'],
    [count(2, 'person'), '兩位'],
    [count(12, 'piece'), '十二個'],
    [count(22, 'piece'), '二十二個'],
    [count(2000), '兩千'],
    [count(10010), '一萬零一十'],
    [year(2026), '二零二六年'],
    [date('2026-11-29'), '二零二六年十一月二十九號'],
    [date('2026-11-29', false), '十一月二十九號'],
    [phone('13812345678'), '一三八一二三四五六七八'],
    [ticket('A012'), 'A零一二'],
    [digits('0123'), '零一二三'],
    [weekday('2026-11-29'), '星期日'],
  ])
})

describe('English readings', () => {
  table('en', [
    [amount(2000), 'twenty yuan'],
    [amount(1230), 'twelve yuan and thirty fen'],
    [amount(1005), 'ten yuan and five fen'],
    [amount(50), 'fifty fen'],
    [amount(100205), 'one thousand two yuan and five fen'],
    [amount(100), 'one yuan'],
    [amount(1), 'one fen'],
    [amount(0), 'zero yuan'],
    [date('2026-11-29'), 'the twenty-ninth of November, twenty twenty-six'],
    [date('2026-11-29', false), 'the twenty-ninth of November'],
    [date('2026-03-01'), 'the first of March, twenty twenty-six'],
    [date('2026-01-21'), 'the twenty-first of January, twenty twenty-six'],
    [date('2000-12-03'), 'the third of December, two thousand'],
    [time('14:30'), 'two thirty p.m.'],
    [time('08:00'), 'eight a.m.'],
    [time('09:05'), 'nine oh five a.m.'],
    [time('12:15'), 'twelve fifteen p.m.'],
    [time('19:00'), 'seven p.m.'],
    [time('00:00'), 'midnight'],
    [time('12:00'), 'noon'],
    [time('00:30'), 'twelve thirty a.m.'],
    [count(2, 'person'), 'two people'],
    [count(1, 'person'), 'one person'],
    [count(3, 'place'), 'three places'],
    [count(115), 'one hundred fifteen'],
    [count(1000000), 'one million'],
    [year(2026), 'twenty twenty-six'],
    [year(2005), 'two thousand five'],
    [year(1998), 'nineteen ninety-eight'],
    [year(1905), 'nineteen oh five'],
    [ticket('A012'), 'A zero one two'],
    [phone('13812345678'), 'one three eight one two three four five six seven eight'],
    [digits('012'), 'zero one two'],
    [weekday('2026-11-29'), 'Sunday'],
  ])
})

describe('whole prompts', () => {
  it('joins Chinese segments without spaces', () => {
    const prompt: SpeechSegment[] = [
      text('请'),
      ticket('A012'),
      text('号于'),
      date('2026-11-29', false),
      time('14:30'),
      text('到3号窗口，应付'),
      amount(2000),
      text('。'),
    ]
    expect(toSpeechText(prompt, 'zh-CN')).toBe(
      '请A零一二号于十一月二十九日下午两点半到三号窗口，应付二十元整。',
    )
    expect(toSpeechText(prompt, 'zh-HK')).toBe(
      '请A零一二号于十一月二十九號下晝兩點半到三号窗口，应付二十元正。',
    )
  })

  it('spaces English words and keeps punctuation tight', () => {
    const prompt: SpeechSegment[] = [
      text('Ticket'),
      ticket('A012'),
      text(', please come at'),
      time('14:30'),
      text('on'),
      weekday('2026-11-29'),
      text(','),
      date('2026-11-29'),
      text('. You pay'),
      amount(1230),
      text('.'),
    ]
    expect(toSpeechText(prompt, 'en')).toBe(
      'Ticket A zero one two, please come at two thirty p.m. on Sunday, the twenty-ninth of November, twenty twenty-six. You pay twelve yuan and thirty fen.',
    )
  })

  it('refuses values that are not what the segment says', () => {
    expect(() => toSpeechText([date('2026-02-30')], 'zh-CN')).toThrow(RangeError)
    expect(() => toSpeechText([time('24:00')], 'zh-CN')).toThrow(RangeError)
    expect(() => toSpeechText([ticket('A12')], 'en')).toThrow(RangeError)
    expect(() => toSpeechText([count(-1)], 'zh-HK')).toThrow(RangeError)
    expect(() => toSpeechText([count(1.5)], 'zh-CN')).toThrow(RangeError)
    expect(() => toSpeechText([digits('12a')], 'zh-CN')).toThrow(RangeError)
    expect(() => toSpeechText([amount(12.5)], 'zh-CN')).toThrow(TypeError)
  })
})

describe('the per-language pieces', () => {
  it('reads with the exported functions', () => {
    expect(readAmountZh(100205)).toBe('一千零二元零五分')
    expect(readAmountZh(1230, 'zh-HK')).toBe('十二元三毫')
    expect(readTimeZh('14:30')).toBe('下午两点半')
    expect(readTimeZh('14:30', 'zh-HK')).toBe('下晝兩點半')
    expect(readDateZh('2026-11-29', 'zh-CN', { withYear: false })).toBe('十一月二十九日')
    expect(readYearZh(2026, 'zh-HK')).toBe('二零二六年')
    expect(readCountZh(2, 'person')).toBe('两位')
    expect(readPhoneZh('13812345678')).toBe('幺三八幺二三四五六七八')
    expect(readDigitsZh('10086')).toBe('一零零八六')
    expect(readTicketZh('A012')).toBe('A零一二')
    expect(readAmountEn(1230)).toBe('twelve yuan and thirty fen')
    expect(readTimeEn('09:05')).toBe('nine oh five a.m.')
    expect(readDateEn('2026-11-29')).toBe('the twenty-ninth of November, twenty twenty-six')
    expect(readYearEn(2010)).toBe('twenty ten')
    expect(readOrdinalEn(12)).toBe('twelfth')
    expect(readOrdinalEn(100)).toBe('one hundredth')
    expect(readCardinalEn(1002)).toBe('one thousand two')
    expect(readCardinalEn(2_345_678)).toBe(
      'two million three hundred forty-five thousand six hundred seventy-eight',
    )
  })
})

describe('normalizeFreeText', () => {
  it.each([
    [
      '2026年11月29日 14:30 ¥20.00 A012 13812345678',
      '二零二六年十一月二十九日 下午两点半 二十元整 A零一二 幺三八 幺二三四 五六七八',
    ],
    ['应付￥1,002.05', '应付一千零二元零五分'],
    ['应付 ¥0.50，找零¥12.30', '应付 五角，找零十二元三角'],
    ['合计20.50元', '合计二十元五角'],
    ['共2个，剩余12个', '共两个，剩余十二个'],
    ['第2个窗口', '第二个窗口'],
    ['请到2号窗口', '请到二号窗口'],
    ['2026年', '二零二六年'],
    ['2026年3月', '二零二六年三月'],
    ['2026-11-29', '二零二六年十一月二十九日'],
    ['11月2号', '十一月二日'],
    ['12:15前', '中午十二点十五分前'],
    ['9:00-11:30', '上午九点到十一点半'],
    ['下午 16:00–16:30', '下午四点到四点半'],
    ['下午4:00–4:30', '下午四点到四点半'],
    ['上午11:30–中午12:30', '上午十一点半到中午十二点半'],
    ['中午12:00–12:30', '中午十二点到十二点半'],
    ['上午11:00–13:00', '上午十一点到下午一点'],
    ['下午2:30前', '下午两点半前'],
    ['工号 H1001', '工号 H 一 零 零 一'],
    ['编号 R20261206001', '编号 R 二零二六 一二零六 零零一'],
    ['授权码 759 054', '授权码 七五九 零五四'],
    ['王*明，您好', '王明，您好'],
    ['1*********0，您好', '尾号零，您好'],
    ['139 **** 5678', '尾号五六七八'],
    ['请A012号', '请A零一二号'],
    ['户号 0012345', '户号 零零一二 三四五'],
    ['验证码 123456', '验证码 一二三 四五六'],
    ['编号 012', '编号 零一二'],
    ['电话 138****5678', '电话 尾号五六七八'],
    ['110***********1234', '尾号一二三四'],
    ['138 1234 5678', '幺三八 幺二三四 五六七八'],
    ['3.5公里', '三点五公里'],
    ['50%', '百分之五十'],
    ['１２个', '十二个'],
    ['1,234人', '一千二百三十四人'],
    ['BA012', 'BA零一二'],
    ['13月45日', '十三月四十五日'],
  ])('zh-CN: %s → %s', (input, expected) => {
    expect(normalizeFreeText(input, 'zh-CN')).toBe(expected)
  })

  it.each([
    [
      '2026年11月29日 14:30 ¥20.00 A012 13812345678',
      '二零二六年十一月二十九號 下晝兩點半 二十元正 A零一二 一三八 一二三四 五六七八',
    ],
    ['剩餘2個', '剩餘兩個'],
    ['上午 8:00–8:30', '朝早八點至八點半'],
    ['下午4:00–4:30', '下晝四點至四點半'],
    ['電話 138****5678', '電話 尾號五六七八'],
    ['¥12.30', '十二元三毫'],
  ])('zh-HK: %s → %s', (input, expected) => {
    expect(normalizeFreeText(input, 'zh-HK')).toBe(expected)
  })

  it.each([
    ['Ticket A012 at 14:30, pay ¥20.00.', 'Ticket A zero one two at two thirty p.m., pay twenty yuan.'],
    ['Call 13812345678', 'Call one three eight, one two three four, five six seven eight'],
    ['at 4:00–4:30 p.m.', 'at four to four thirty p.m.'],
    ['at 8:30 a.m.', 'at eight thirty a.m.'],
    ['11:30 a.m.–12:30 p.m.', 'eleven thirty a.m. to twelve thirty p.m.'],
    ['Tomorrow, Monday 7 December', 'Tomorrow, Monday the seventh of December'],
    ['staff number H1001', 'staff number H one zero zero one'],
    ['phone 138****5678', 'phone ending in five six seven eight'],
    ['Helper 张*办, staff number H1001.', 'Helper Zhang, staff number H one zero zero one.'],
    ['Code 759 054', 'Code seven five nine, zero five four'],
    ['Room12, 3 people', 'Room twelve, three people'],
    ['Code 0123', 'Code zero one two three'],
    ['2026-11-29', 'the twenty-ninth of November, twenty twenty-six'],
  ])('en: %s → %s', (input, expected) => {
    expect(normalizeFreeText(input, 'en')).toBe(expected)
  })
})

/** Our small decoder of a Chinese amount: the yuan part through nzh (which knows 二 but not 两). */
function decodeAmount(reading: string, lang: 'zh-CN' | 'zh-HK'): number | null {
  const [yuanWord, jiaoWord, fenWord, whole, two, nzh] =
    lang === 'zh-CN' ? ['元', '角', '分', '整', '两', nzhCn] : ['元', '毫', '仙', '正', '兩', nzhHk]
  const m = new RegExp(`^(?:(.+)${yuanWord})?(?:${whole}|(?:(.)${jiaoWord})?(?:零?(.)${fenWord})?)$`).exec(
    reading,
  )
  if (!m) return null
  const digit = (ch: string | undefined) =>
    ch === undefined ? 0 : ch === two ? 2 : '零一二三四五六七八九'.indexOf(ch)
  const yuan = m[1] === undefined ? 0 : Number(nzh.decodeS(m[1].split(two).join('二')))
  return yuan * 100 + digit(m[2]) * 10 + digit(m[3])
}

describe('properties', () => {
  const ASCII_DIGIT = /[0-9]/

  it('zh-CN amounts: no digits, a proper ending, and they decode to the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (fen) => {
        const reading = readAmountZh(fen)
        expect(reading).not.toMatch(ASCII_DIGIT)
        expect(reading).toMatch(/(元整|分|角)$/)
        expect(decodeAmount(reading, 'zh-CN')).toBe(fen)
      }),
      { numRuns: 2000 },
    )
  })

  it('zh-HK amounts decode to the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (fen) => {
        const reading = readAmountZh(fen, 'zh-HK')
        expect(reading).toMatch(/(元正|仙|毫)$/)
        expect(decodeAmount(reading, 'zh-HK')).toBe(fen)
      }),
    )
  })

  it('English amounts are words only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (fen) => {
        expect(readAmountEn(fen)).toMatch(/^[a-z -]+ (yuan|fen)$/)
      }),
    )
  })

  it('says the 一 of 一十 after 零, also above 亿', () => {
    expect(readCountZh(951800159315)).toBe('九千五百一十八亿零一十五万九千三百一十五')
    expect(readCountZh(10010)).toBe('一万零一十')
  })

  it('counts decode back (两 is 二 to a reader)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const reading = readCountZh(n)
        expect(Number(nzhCn.decodeS(reading.split('两').join('二')))).toBe(n)
        expect(reading).not.toMatch(/^一十/)
      }),
    )
  })

  it('any 11-digit mobile reads as 11 digits in groups of 3, 4 and 4', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
        for (const lang of ['zh-CN', 'zh-HK'] as const) {
          expect(Array.from(readPhoneZh(mobile, lang))).toHaveLength(11)
          expect(
            normalizeFreeText(mobile, lang)
              .split(' ')
              .map((g) => Array.from(g).length),
          ).toEqual([3, 4, 4])
        }
        expect(readPhoneZh(mobile)).toMatch(/^[零幺二三四五六七八九]{11}$/)
      }),
    )
  })

  it('every time of day reads without digits, with its period first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const t = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
        expect(readTimeZh(t)).toMatch(
          /^(凌晨|早上|上午|中午|下午|晚上)[零一二两三四五六七八九十]+点(半|([零一二三四五六七八九十]+分))?$/,
        )
        expect(readTimeZh(t, 'zh-HK')).toMatch(/^(凌晨|朝早|中午|下晝|夜晚)[^0-9]+點/)
        expect(readTimeEn(t)).toMatch(/^(midnight|noon|[a-z -]+ [ap]\.m\.)$/)
      }),
    )
  })

  it('every date reads its year digit by digit', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10)
          expect(readDateZh(iso)).toMatch(
            /^[零一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日$/,
          )
          expect(readDateEn(iso)).not.toMatch(ASCII_DIGIT)
        },
      ),
    )
  })

  it('a time range says its period of the day once (zh) and a.m./p.m. once (en)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 1, max: 60 }), (from, length) => {
        const hm = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`
        const to = Math.min(from + length, 23 * 60 + 59)
        const zh = normalizeFreeText(`${hm(from)}–${hm(to)}`, 'zh-CN')
        const periods = zh.match(/凌晨|早上|上午|中午|下午|晚上/g) ?? []
        expect(new Set(periods).size).toBe(periods.length)
        const en = normalizeFreeText(`${hm(from)}–${hm(to)}`, 'en')
        expect((en.match(/a\.m\./g) ?? []).length).toBeLessThanOrEqual(1)
        expect((en.match(/p\.m\./g) ?? []).length).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('a mask sign is never spoken', () => {
    const unit = fc.constantFrom(...'0123456789*＊王明 '.split(''))
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 24 }),
        fc.constantFrom<SpeechLang>('zh-CN', 'zh-HK', 'en'),
        (input, lang) => {
          expect(normalizeFreeText(input, lang)).not.toMatch(/[*＊]/)
        },
      ),
    )
  })

  it('free text never keeps an ASCII digit, in any language', () => {
    const unit = fc.constantFrom(...'0123456789¥￥.,:：-/年月日号%*A个 x第'.split(''))
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 40 }),
        fc.constantFrom<SpeechLang>('zh-CN', 'zh-HK', 'en'),
        (input, lang) => {
          expect(normalizeFreeText(input, lang)).not.toMatch(ASCII_DIGIT)
        },
      ),
      { numRuns: 3000 },
    )
  })
})
