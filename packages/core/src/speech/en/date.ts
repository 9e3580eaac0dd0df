import { checkMonthDay, parseDate, weekdayOf } from '../input'
import { enLexicon as en } from './lexicon'
import { readOrdinalEn, readYearEn } from './numerals'

/** 11, 29 → "the twenty-ninth of November". */
export function readMonthDayEn(month: number, day: number): string {
  checkMonthDay(month, day)
  return `${en.date.the} ${readOrdinalEn(day)} ${en.date.of} ${en.months[month - 1] ?? ''}`
}

/** 2026-11-29 → "the twenty-ninth of November, twenty twenty-six". */
export function readDateEn(date: string, options: { withYear?: boolean } = {}): string {
  const { year, month, day } = parseDate(date)
  const monthDay = readMonthDayEn(month, day)
  return options.withYear === false ? monthDay : `${monthDay}, ${readYearEn(year)}`
}

export function readWeekdayEn(date: string): string {
  return en.weekdays[weekdayOf(date)] ?? ''
}
