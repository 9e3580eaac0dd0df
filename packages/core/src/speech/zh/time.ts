import { type ZhLang } from '../types'
import { parseTime } from '../input'
import { charAt, zhLexicon } from './lexicons'
import { readCardinalZh, readCountZh } from './numerals'

/**
 * Twelve-hour speech with the period of the day, the way people say times:
 * 14:30 → 下午两点半, 08:00 → 上午八点, 12:15 → 中午十二点十五分, 09:05 → 上午九点零五分.
 */
export function readTimeZh(time: string, lang: ZhLang = 'zh-CN'): string {
  const { period, clock } = timePartsZh(time, lang)
  return period + clock
}

/** The period of the day (下午) and the clock reading after it (四点半). */
function timePartsZh(time: string, lang: ZhLang): { period: string; clock: string } {
  const { hour, minute } = parseTime(time)
  const { clock } = zhLexicon(lang)
  // The last period that has started (no Array#at: older mini-program engines lack it).
  const period = clock.periods.reduce((word, p) => (p.from <= hour ? p.word : word), '')
  const hour12 = hour > 12 ? hour - 12 : hour
  // The hour is a count of 点: 两点, but 十二点.
  const hourPart = readCountZh(hour12, undefined, lang) + clock.hour
  return { period, clock: hourPart + readMinutesZh(minute, lang) }
}

/**
 * A range says its period once when both ends share it, as people do:
 * 16:00–16:30 → 下午四点到四点半; 11:30–13:00 → 上午十一点半到下午一点.
 */
export function readTimeRangeZh(start: string, end: string, lang: ZhLang = 'zh-CN'): string {
  const from = timePartsZh(start, lang)
  const to = timePartsZh(end, lang)
  const tail = from.period === to.period ? to.clock : to.period + to.clock
  return from.period + from.clock + zhLexicon(lang).rangeJoiner + tail
}

function readMinutesZh(minute: number, lang: ZhLang): string {
  const { clock, digits } = zhLexicon(lang)
  if (minute === 0) return ''
  if (minute === 30) return clock.half
  // Minutes under ten are said with 零 (九点零五分), as the clock face reads 09:05.
  const zero = minute < 10 ? charAt(digits, 0) : ''
  return zero + readCardinalZh(minute, lang) + clock.minute
}
