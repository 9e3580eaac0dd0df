/**
 * What the normaliser can say: readings of numbers, amounts, dates, times, counts, tickets and
 * phone numbers across their ranges. The generator makes sure every word of these has a clip, and
 * the tests check that each of them can be planned from clips.
 */
import type { Language } from '@bangban/core/i18n'
import { COUNT_UNITS, readerFor } from '@bangban/core/speech'

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** Sample readings spanning every rule of the language's reader. */
export function sampleReadings(lang: Language): string[] {
  const r = readerFor(lang)
  const out: string[] = []
  const numbers = [
    ...Array.from({ length: 121 }, (_, i) => i),
    ...[200, 202, 1000, 1002, 1010, 2000, 2050, 10000, 10010, 20000, 100500, 1234567, 100000000, 2000000000],
  ]
  for (const n of numbers) out.push(r.cardinal(n))
  for (const fen of [0, 1, 5, 10, 20, 200, 2000, 100205, 123456, 99999999]) out.push(r.amount(fen))
  for (let n = 0; n <= 12; n += 1) for (const unit of COUNT_UNITS) out.push(r.count(n, unit))
  for (let n = 0; n <= 12; n += 1) out.push(r.count(n))
  for (let month = 1; month <= 12; month += 1)
    for (let day = 1; day <= 31; day += 1) {
      const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      if (new Date(`${date}T00:00:00Z`).getUTCMonth() + 1 !== month) continue
      out.push(r.date(date), r.date(date, false), r.weekday(date))
    }
  for (let minutes = 0; minutes < 24 * 60; minutes += 1) {
    const h = String(Math.floor(minutes / 60)).padStart(2, '0')
    const m = String(minutes % 60).padStart(2, '0')
    out.push(r.time(`${h}:${m}`))
  }
  for (const year of [1949, 2000, 2024, 2026, 2030]) out.push(r.year(year))
  for (const letter of LETTERS) out.push(r.ticket(`${letter}012`))
  out.push(r.digits('0123456789'), r.phone('13800138000'), r.phone('01012345678'))
  out.push(r.decimal(0, '25'), r.percent(r.decimal(12, '5')), r.rangeJoiner)
  return out
}
