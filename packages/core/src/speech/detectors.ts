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

function joinWords(reader: SpeechReader, parts: string[]): string {
  return parts.join(reader.spaced ? ' ' : '')
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
  if ((!raw.includes(',') && isCode(digits, scan)) || !Number.isSafeInteger(n)) return reader.digits(digits)
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
    name: 'time range',
    pattern: new RegExp(String.raw`${TIME}\s*[-–—~～]\s*${TIME}(?!\d)`, 'y'),
    read: (m, { reader }) =>
      joinWords(reader, [
        reader.time(`${pad2(group(m, 1))}:${group(m, 2)}`),
        reader.rangeJoiner,
        reader.time(`${pad2(group(m, 3))}:${group(m, 4)}`),
      ]),
  },
  {
    name: 'time',
    pattern: new RegExp(String.raw`${TIME}(?!\d)`, 'y'),
    read: (m, { reader }) => reader.time(`${pad2(group(m, 1))}:${group(m, 2)}`),
  },
  {
    name: 'ticket',
    pattern: /[A-Z]\d{3}(?!\d)/y,
    // Only a free-standing ticket: not the tail of a word or code (BA012, X1A012).
    read: (m, { reader, text, start }) =>
      /[A-Za-z0-9_]/.test(text.charAt(start - 1)) ? null : reader.ticket(group(m, 0)),
  },
  {
    name: 'mobile',
    pattern: /1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/y,
    read: (m, { reader }) => reader.phone(group(m, 0)),
  },
  {
    // A masked mobile (138****5678) keeps its mask and reads the visible digits as a phone number.
    name: 'masked mobile',
    pattern: /(1[3-9]\d)(\*{4})(\d{4})(?!\d)/y,
    read: (m, { reader }) =>
      joinWords(reader, [reader.phone(group(m, 1)), group(m, 2), reader.phone(group(m, 3))]),
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
