import { type ZhLang } from '../types'
import { checkMonthDay, parseDate, weekdayOf } from '../input'
import { zhLexicon } from './lexicons'
import { readCardinalZh, readYearZh } from './numerals'

/** Months and days are ordinal-like and keep 二: 二月二十二日 (Cantonese 二十二號). */
export function readMonthDayZh(month: number, day: number, lang: ZhLang = 'zh-CN'): string {
  checkMonthDay(month, day)
  const { date } = zhLexicon(lang)
  return readCardinalZh(month, lang) + date.month + readCardinalZh(day, lang) + date.day
}

/** 2026-11-29 → 二零二六年十一月二十九日; without the year → 十一月二十九日. */
export function readDateZh(
  date: string,
  lang: ZhLang = 'zh-CN',
  options: { withYear?: boolean } = {},
): string {
  const { year, month, day } = parseDate(date)
  const yearPart = options.withYear === false ? '' : readYearZh(year, lang)
  return yearPart + readMonthDayZh(month, day, lang)
}

/** 2026-11-29 → 星期日. */
export function readWeekdayZh(date: string, lang: ZhLang = 'zh-CN'): string {
  const name = zhLexicon(lang).weekdays[weekdayOf(date)]
  if (name === undefined) throw new RangeError(`no weekday name for ${date}`)
  return name
}
