/**
 * Instants are stored in UTC (ISO 8601 with Z); people see and reason in Asia/Shanghai.
 * Everything that turns an instant into a local day or time goes through here.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import customParseFormat from 'dayjs/plugin/customParseFormat'

dayjs.extend(utc)
dayjs.extend(timezone)
dayjs.extend(customParseFormat)

export const SERVICE_TIME_ZONE = 'Asia/Shanghai'

/** A calendar day in Asia/Shanghai, YYYY-MM-DD. */
export type LocalDate = string
/** A wall-clock time in Asia/Shanghai, HH:mm. */
export type LocalTime = string

export function isLocalDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text, 'YYYY-MM-DD', true).isValid()
}

export function isLocalTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text)
}

export function inShanghai(instant: Date | string | number): Dayjs {
  return dayjs(instant).tz(SERVICE_TIME_ZONE)
}

// Made once: dayjs's tz() builds a new Intl formatter on every call, and screens ask for today on
// every render (≈2 ms each with the CPU throttled 4×, inside a tap).
let dayFormat: Intl.DateTimeFormat | null = null
/** Instants dayjs writes as a plain four-digit year (1970 up to the end of 9999). */
const LAST_PLAIN_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/** The Shanghai calendar day of an instant (default: now). */
export function shanghaiDate(instant: Date | string | number = Date.now()): LocalDate {
  // Numbers and Dates are instants already; strings keep dayjs's parsing.
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : NaN
  if (ms >= 0 && ms <= LAST_PLAIN_INSTANT) {
    dayFormat ??= new Intl.DateTimeFormat('en-US', {
      timeZone: SERVICE_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
    for (const { type, value } of dayFormat.formatToParts(ms)) part[type] = value
    return `${part.year?.padStart(4, '0')}-${part.month}-${part.day}`
  }
  return inShanghai(instant).format('YYYY-MM-DD')
}

/** The Shanghai wall-clock time of an instant, HH:mm. */
export function shanghaiTime(instant: Date | string | number): LocalTime {
  return inShanghai(instant).format('HH:mm')
}

/** The UTC instant (ISO string) of a Shanghai day and wall-clock time. */
export function shanghaiToInstant(date: LocalDate, time: LocalTime): string {
  if (!isLocalDate(date) || !isLocalTime(time))
    throw new RangeError(`not a local date and time: ${date} ${time}`)
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', SERVICE_TIME_ZONE).toISOString()
}

/** The day `days` after `date` (both Shanghai calendar days). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return dayjs(date, 'YYYY-MM-DD', true).add(days, 'day').format('YYYY-MM-DD')
}

/** The next `count` Shanghai days starting with the day of `from`. */
export function nextDays(count: number, from: Date | string | number = Date.now()): LocalDate[] {
  const first = shanghaiDate(from)
  return Array.from({ length: count }, (_, i) => addDays(first, i))
}

/** 0 = Sunday … 6 = Saturday, of a Shanghai calendar day. */
export function weekday(date: LocalDate): number {
  return dayjs(date, 'YYYY-MM-DD', true).day()
}
