/**
 * Checks and splits the typed values of segments. Readers throw RangeError on bad input so a
 * screen bug shows up in tests instead of as a misread number at the counter.
 */
import { isLocalDate, isLocalTime, weekday } from '../domain/time'
import { TICKET_PATTERN } from '../domain/ticket'
import { normalizeMobile } from '../domain/phone'

export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}

export function parseDate(date: string): DateParts {
  if (!isLocalDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`)
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

/** A month and day that exist in some year (29 February included). */
export function checkMonthDay(month: number, day: number): void {
  const probe = `2000-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  if (!isLocalDate(probe)) throw new RangeError(`not a month and day: ${month}/${day}`)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  parseDate(date)
  return weekday(date)
}

export function parseTime(time: string): { hour: number; minute: number } {
  if (!isLocalTime(time)) throw new RangeError(`not a time (HH:mm): ${time}`)
  const [hour, minute] = time.split(':').map(Number) as [number, number]
  return { hour, minute }
}

export function parseTicket(ticketNo: string): { letter: string; digits: string } {
  const text = ticketNo.trim().toUpperCase()
  if (!TICKET_PATTERN.test(text)) throw new RangeError(`not a ticket number: ${ticketNo}`)
  return { letter: text.slice(0, 1), digits: text.slice(1) }
}

/** Digits of an account number or code; spaces and dashes people type are dropped. */
export function cleanDigits(digits: string): string {
  const compact = digits.replace(/[\s-]/g, '')
  if (!/^\d+$/.test(compact)) throw new RangeError(`not a digit string: ${digits}`)
  return compact
}

/** A phone number's digits; a mainland mobile loses its +86 prefix. */
export function cleanPhone(digits: string): string {
  return normalizeMobile(digits) ?? cleanDigits(digits.replace(/[()]/g, ''))
}

export function checkInteger(n: number, what: string, min = 0): number {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`not a ${what}: ${String(n)}`)
  return n
}
