/**
 * Dates, times and amounts as a resident reads them on screen, in their language. Spoken forms
 * come from the voice normaliser; these are the written ones.
 */
import type { TFunction } from 'i18next'
import { formatFen } from '../domain/money'
import { inShanghai, weekday, type LocalDate } from '../domain/time'

export function displayDate(t: TFunction, date: LocalDate, today?: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const text = t('format.date', {
    year,
    month,
    monthName: t(`format.months.${month}`),
    day,
    weekday: t(`format.weekdays.${weekday(date)}`),
  })
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

/** The part of the day a Chinese screen writes before a 12-hour time (下午4:30). */
function periodOf(hour: number): 'morning' | 'noon' | 'afternoon' | 'evening' {
  return hour < 12 ? 'morning' : hour === 12 ? 'noon' : hour < 18 ? 'afternoon' : 'evening'
}

/** 16:30 → 4:30 (the period word says which half of the day). */
function clock12(instant: string): string {
  const time = inShanghai(instant)
  return `${time.hour() % 12 === 0 ? 12 : time.hour() % 12}:${time.format('mm')}`
}

/**
 * As people write a slot: 下午4:00–4:30, 4:00–4:30 p.m.; a slot across two periods names both
 * (上午11:30–中午12:30). The period is written once, so it is read once.
 */
export function displayTimeRange(t: TFunction, startsAt: string, endsAt: string): string {
  const period = t(`format.${periodOf(inShanghai(startsAt).hour())}`)
  const endPeriod = t(`format.${periodOf(inShanghai(endsAt).hour())}`)
  const values = { period, endPeriod, start: clock12(startsAt), end: clock12(endsAt) }
  return t(period === endPeriod ? 'format.timeRange' : 'format.timeRangeAcross', values)
}

export function displayMoney(fen: number): string {
  return formatFen(fen)
}
