/**
 * Dates, times and amounts as a resident reads them on screen, in their language. Spoken forms
 * come from the voice normaliser; these are the written ones.
 */
import type { TFunction } from 'i18next'
import { formatFen } from '../domain/money'
import { inShanghai, weekday, type LocalDate } from '../domain/time'

export function displayDate(t: TFunction, date: LocalDate, today?: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const text = t('format.date', { year, month, day, weekday: t(`format.weekdays.${weekday(date)}`) })
  if (today === undefined) return text
  const offset = Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000)
  return offset === 0
    ? t('format.today', { date: text })
    : offset === 1
      ? t('format.tomorrow', { date: text })
      : text
}

export function displayTime(instant: string): string {
  return inShanghai(instant).format('HH:mm')
}

export function displayTimeRange(t: TFunction, startsAt: string, endsAt: string): string {
  const hour = inShanghai(startsAt).hour()
  const period = hour < 12 ? t('format.morning') : t('format.afternoon')
  return t('format.timeRange', { period, start: displayTime(startsAt), end: displayTime(endsAt) })
}

export function displayMoney(fen: number): string {
  return formatFen(fen)
}
