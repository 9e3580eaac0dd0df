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
  const hour12 = hour % 12 === 0 ? 12 : hour % 12
  const minutes =
    minute === 0 ? '' : minute < 10 ? ` ${en.oh} ${readCardinalEn(minute)}` : ` ${readCardinalEn(minute)}`
  return `${readCardinalEn(hour12)}${minutes} ${hour < 12 ? en.clock.am : en.clock.pm}`
}
