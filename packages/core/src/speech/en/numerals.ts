/** English numbers for speech: cardinals without "and" (one hundred two), digits one by one. */
import { type CountUnit } from '../types'
import { checkInteger, cleanDigits, cleanPhone, parseTicket } from '../input'
import { enLexicon as en } from './lexicon'

function word(list: readonly string[], index: number): string {
  const w = list[index]
  if (w === undefined) throw new RangeError(`no English word for ${index}`)
  return w
}

/** 0–999. */
function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  const parts: string[] = []
  if (hundreds > 0) parts.push(`${word(en.ones, hundreds)} ${en.hundred}`)
  if (rest >= 20)
    parts.push(word(en.tens, Math.floor(rest / 10)) + (rest % 10 ? `-${word(en.ones, rest % 10)}` : ''))
  else if (rest > 0 || hundreds === 0) parts.push(word(en.ones, rest))
  return parts.join(' ')
}

/** 1002 → "one thousand two", 29 → "twenty-nine". */
export function readCardinalEn(n: number): string {
  checkInteger(n, 'safe integer', Number.MIN_SAFE_INTEGER)
  if (n < 0) return `${en.minus} ${readCardinalEn(-n)}`
  if (n < 1000) return underThousand(n)
  const parts: string[] = []
  let rest = n
  for (const [size, name] of en.scales) {
    const count = Math.floor(rest / size)
    if (count > 0) parts.push(`${readCardinalEn(count)} ${name}`)
    rest %= size
  }
  if (rest > 0) parts.push(underThousand(rest))
  return parts.join(' ')
}

/** 29 → "twenty-ninth", 1 → "first". */
export function readOrdinalEn(n: number): string {
  const cardinal = readCardinalEn(checkInteger(n, 'ordinal', 1))
  const match = /^(.*?)([a-z]+)$/.exec(cardinal)
  const [, head = '', last = ''] = match ?? []
  const ordinal = en.ordinals[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`)
  return head + ordinal
}

/** 2 + person → "two people", 1 + place → "one place". */
export function readCountEn(n: number, unit?: CountUnit): string {
  const cardinal = readCardinalEn(checkInteger(n, 'count'))
  if (!unit) return cardinal
  const [one, other] = en.units[unit]
  return `${cardinal} ${n === 1 ? one : other}`
}

function spell(digits: string): string {
  return Array.from(digits, (d) => word(en.ones, Number(d))).join(' ')
}

/** Codes and account numbers, one digit at a time ("zero one two three"). */
export function readDigitsEn(digits: string): string {
  return spell(cleanDigits(digits))
}

export function readPhoneEn(digits: string): string {
  return spell(cleanPhone(digits))
}

/** Years in pairs: 2026 → "twenty twenty-six", 2005 → "two thousand five", 1905 → "nineteen oh five". */
export function readYearEn(year: number): string {
  checkInteger(year, 'year')
  const high = Math.floor(year / 100)
  const low = year % 100
  if (year < 1000 || (high % 10 === 0 && low < 10)) return readCardinalEn(year)
  if (low === 0) return `${readCardinalEn(high)} ${en.hundred}`
  return `${readCardinalEn(high)} ${low < 10 ? `${en.oh} ${readCardinalEn(low)}` : readCardinalEn(low)}`
}

/** A012 → "A zero one two". */
export function readTicketEn(ticketNo: string): string {
  const { letter, digits } = parseTicket(ticketNo)
  return `${letter} ${spell(digits)}`
}

/** 3.50 → "three point five zero". */
export function readDecimalEn(whole: number, fraction: string): string {
  return readCardinalEn(whole) + (fraction ? ` ${en.point} ${spell(cleanDigits(fraction))}` : '')
}

export function readPercentEn(reading: string): string {
  return `${reading} ${en.percent}`
}
