/**
 * The number shapes free text can hold, most specific first. Each pattern is sticky and tried
 * at one position; the last one (any digit run) always matches, so no digit survives.
 */
import { isLocalDate } from '../domain/time'
import { type SpeechReader } from './reader'

export interface Scan {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly reader: SpeechReader
}

export interface Detector {
  readonly name: string
  readonly pattern: RegExp
  /** null: not this shape after all, try the next detector. */
  readonly read: (m: RegExpExecArray, scan: Scan) => string | null
}

// No lookbehind anywhere: older mini-program JavaScript engines reject it at parse time.
const INT = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)`
const TIME = String.raw`([01]?\d|2[0-3])[:：]([0-5]\d)`
/** a.m. / p.m. after a time on an English screen (4:00–4:30 p.m.). */
const AMPM = String.raw`([AaPp])\.?[Mm]\b\.?`
/** The periods of the day a Chinese screen writes before a time (下午4:00). */
const PERIOD = '(凌晨|早上|早晨|上午|朝早|中午|下午|晚上|下晝|夜晚|夜間)'
const PERIOD_KIND: Readonly<Record<string, 'am' | 'noon' | 'pm'>> = {
  凌晨: 'am',
  早上: 'am',
  早晨: 'am',
  上午: 'am',
  朝早: 'am',
  中午: 'noon',
  下午: 'pm',
  晚上: 'pm',
  下晝: 'pm',
  夜晚: 'pm',
  夜間: 'pm',
}
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Characters a number shape can start with (digits, money signs, tickets, masks, periods of the day). */
export const SHAPE_START = /[0-9¥￥A-Z*＊凌早上朝中下晚夜]/

/** A written 12-hour time (下午4:30, 4:30 p.m.) as HH:mm; a 24-hour one (下午 16:30) stays. */
function clock24(hour: string, minute: string, kind: 'am' | 'noon' | 'pm' | undefined): string {
  let h = Number(hour)
  if (kind === 'am' && h === 12) h = 0
  else if (kind === 'pm' && h < 12) h += 12
  else if (kind === 'noon' && h < 6) h += 12
  return `${pad2(String(h))}:${minute}`
}

function ampm(letter: string | undefined): 'am' | 'pm' | undefined {
  if (!letter) return undefined
  return letter.toLowerCase() === 'a' ? 'am' : 'pm'
}

function group(m: RegExpExecArray, index: number): string {
  return m[index] ?? ''
}

function pad2(text: string): string {
  return text.padStart(2, '0')
}

/** "1,002.05" → 100205, or null past the safe integers. */
function toFen(text: string): number | null {
  const [yuan = '', cents = ''] = text.replace(/,/g, '').split('.')
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0'))
  return Number.isSafeInteger(fen) ? fen : null
}

function amount(m: RegExpExecArray, { reader }: Scan): string | null {
  const fen = toFen(group(m, 1))
  return fen === null ? null : reader.amount(fen)
}

/** Digit runs people read one by one: codes (≥ 5 digits), leading zeros, the visible ends of masked numbers (110***1234). */
function isCode(digits: string, { text, start, end }: Scan): boolean {
  return (
    digits.length >= 5 ||
    (digits.length > 1 && digits.startsWith('0')) ||
    text[start - 1] === '*' ||
    text[end] === '*'
  )
}

function integer(m: RegExpExecArray, scan: Scan): string {
  const { reader, text, start, end } = scan
  const raw = group(m, 0)
  const digits = raw.replace(/,/g, '')
  const n = Number(digits)
  if ((!raw.includes(',') && isCode(digits, scan)) || !Number.isSafeInteger(n))
    return reader.groupedDigits(digits)
  // Before a measure word a number is a count (2个 → 两个), except an ordinal (第2个 → 第二个).
  const next = text.charAt(end)
  if (next && reader.measureWords.includes(next) && text[start - 1] !== '第') return reader.count(n)
  return reader.cardinal(n)
}

function decimal(whole: string, fraction: string, reader: SpeechReader): string | null {
  const n = Number(whole)
  return Number.isSafeInteger(n) ? reader.decimal(n, fraction) : null
}

export const DETECTORS: readonly Detector[] = [
  {
    name: 'amount',
    pattern: new RegExp(String.raw`[¥￥]\s*(${INT}(?:\.\d{1,2})?)(?!\d|\.\d)元?`, 'y'),
    read: amount,
  },
  { name: 'decimal yuan', pattern: new RegExp(String.raw`(${INT}\.\d{1,2})元`, 'y'), read: amount },
  {
    name: 'date',
    pattern: /(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})(?!\d|\.\d)|年(\d{1,2})月(\d{1,2})[日号號])/y,
    read: (m, { reader }) => {
      const date = `${group(m, 1)}-${pad2(m[3] ?? group(m, 5))}-${pad2(m[4] ?? group(m, 6))}`
      return isLocalDate(date) ? reader.date(date) : null
    },
  },
  {
    name: 'month and day',
    pattern: /(\d{1,2})月(\d{1,2})[日号號]/y,
    read: (m, { reader }) => reader.monthDay(Number(group(m, 1)), Number(group(m, 2))),
  },
  { name: 'year', pattern: /(\d{4})年/y, read: (m, { reader }) => reader.year(Number(group(m, 1))) },
  {
    name: 'period and time range',
    pattern: new RegExp(String.raw`${PERIOD}\s*${TIME}\s*[-–—~～至到]\s*(?:${PERIOD}\s*)?${TIME}(?!\d)`, 'y'),
    read: (m, { reader }) => {
      const first = PERIOD_KIND[group(m, 1)]
      const second = m[4] === undefined ? first : PERIOD_KIND[group(m, 4)]
      return reader.timeRange(
        clock24(group(m, 2), group(m, 3), first),
        clock24(group(m, 5), group(m, 6), second),
      )
    },
  },
  {
    name: 'period and time',
    pattern: new RegExp(String.raw`${PERIOD}\s*${TIME}(?!\d)`, 'y'),
    read: (m, { reader }) => reader.time(clock24(group(m, 2), group(m, 3), PERIOD_KIND[group(m, 1)])),
  },
  {
    name: 'time range',
    pattern: new RegExp(String.raw`${TIME}(?:\s*${AMPM})?\s*[-–—~～]\s*${TIME}(?:\s*${AMPM})?(?!\d)`, 'y'),
    read: (m, { reader }) => {
      const second = ampm(m[6])
      const first = ampm(m[3]) ?? second
      return reader.timeRange(
        clock24(group(m, 1), group(m, 2), first),
        clock24(group(m, 4), group(m, 5), second),
      )
    },
  },
  {
    name: 'time',
    pattern: new RegExp(String.raw`${TIME}(?:\s*${AMPM})?(?!\d)`, 'y'),
    read: (m, { reader }) => reader.time(clock24(group(m, 1), group(m, 2), ampm(m[3]))),
  },
  {
    name: 'day and month',
    pattern: new RegExp(String.raw`(\d{1,2}) (${MONTHS.join('|')})\b`, 'y'),
    read: (m, { reader }) => reader.monthDay(MONTHS.indexOf(group(m, 2)) + 1, Number(group(m, 1))),
  },
  {
    name: 'ticket',
    pattern: /[A-Z]\d{3}(?!\d)/y,
    // Only a free-standing ticket: not the tail of a word or code (BA012, X1A012).
    read: (m, { reader, text, start }) =>
      /[A-Za-z0-9_]/.test(text.charAt(start - 1)) ? null : reader.ticket(group(m, 0)),
  },
  {
    // Staff and request numbers (H1001, R20261206001): letters one by one, digits in groups.
    name: 'code',
    pattern: /([A-Z]{1,3})(\d{4,})(?!\d)/y,
    read: (m, { reader, text, start }) =>
      /[A-Za-z0-9_]/.test(text.charAt(start - 1)) ? null : reader.code(group(m, 1), group(m, 2)),
  },
  {
    // A masked number (138****5678, 110***********1234) is said as what is known: its end.
    name: 'masked number',
    pattern: /\d{0,6}\s?[*＊]{2,}\s?(\d{1,4})(?!\d)/y,
    read: (m, { reader }) => reader.maskedTail(group(m, 1)),
  },
  {
    name: 'mobile',
    pattern: /1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/y,
    read: (m, { reader }) => reader.groupedPhone(group(m, 0).replace(/[ -]/g, '')),
  },
  {
    // A code shown in groups (授权码 759 054): each group as digits, with a pause between.
    name: 'digit groups',
    pattern: /\d{2,4}(?: \d{2,4})+(?!\d)/y,
    read: (m, { reader }) => {
      const groups = group(m, 0).split(' ')
      if (!groups.some((g) => g.length >= 3)) return null
      return groups.map((g) => reader.digits(g)).join(reader.spaced ? ', ' : ' ')
    },
  },
  {
    name: 'percent',
    pattern: /(\d+)(?:\.(\d+))?[%％]/y,
    read: (m, { reader }) => {
      const reading = decimal(group(m, 1), group(m, 2), reader)
      return reading === null ? null : reader.percent(reading)
    },
  },
  {
    name: 'decimal',
    pattern: /(\d+)\.(\d+)/y,
    read: (m, { reader }) => decimal(group(m, 1), group(m, 2), reader),
  },
  { name: 'integer', pattern: new RegExp(String.raw`${INT}(?!\d)|\d+`, 'y'), read: integer },
]
