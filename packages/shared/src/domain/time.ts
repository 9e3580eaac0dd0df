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

/** The Shanghai calendar day of an instant (default: now). */
export function shanghaiDate(instant: Date | string | number = Date.now()): LocalDate {
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
