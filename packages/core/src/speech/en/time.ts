import { parseTime } from '../input'
import { enLexicon as en } from './lexicon'
import { readCardinalEn } from './numerals'

/**
 * Clock style, always the same shape: 14:30 → "two thirty p.m.", 09:05 → "nine oh five a.m.",
 * 08:00 → "eight a.m."; 00:00 and 12:00 are "midnight" and "noon" (12 a.m./p.m. confuse people).
 */
export function readTimeEn(time: string): string {
  const { hour, minute } = parseTime(time)
  if (minute === 0 && hour === 0) return en.clock.midnight
  if (minute === 0 && hour === 12) return en.clock.noon
  return `${clockEn(hour, minute)} ${hour < 12 ? en.clock.am : en.clock.pm}`
}

function clockEn(hour: number, minute: number): string {
  const hour12 = hour % 12 === 0 ? 12 : hour % 12
  const minutes =
    minute === 0 ? '' : minute < 10 ? ` ${en.oh} ${readCardinalEn(minute)}` : ` ${readCardinalEn(minute)}`
  return `${readCardinalEn(hour12)}${minutes}`
}

/** "four to four thirty p.m." when both ends share a.m. or p.m.; else each end says its own. */
export function readTimeRangeEn(start: string, end: string): string {
  const from = parseTime(start)
  const to = parseTime(end)
  const plain = (t: { hour: number; minute: number }) => !(t.minute === 0 && t.hour % 12 === 0)
  if (plain(from) && plain(to) && from.hour < 12 === to.hour < 12)
    return `${clockEn(from.hour, from.minute)} ${en.rangeJoiner} ${readTimeEn(end)}`
  return `${readTimeEn(start)} ${en.rangeJoiner} ${readTimeEn(end)}`
}
