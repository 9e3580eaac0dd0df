/**
 * Dates, times and amounts as a resident reads them on screen, in their language. Spoken forms
 * come from the voice normaliser; these are the written ones.
 */
import type { TFunction } from 'i18next'
import { formatFen } from '../domain/money'
import { inShanghai, weekday, type LocalDate } from '../domain/time'
import type { Language } from '../i18n'
import { SURNAMES } from '../speech/en/surnames'

/** A date with its year, for paper that is read later (receipts, slips): no 今天, no 明天. */
export function displayDateWithYear(t: TFunction, date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return t('format.dateWithYear', {
    year,
    monthName: t(`format.months.${month}`),
    day,
    weekday: t(`format.weekdays.${weekday(date)}`),
  })
}

/** What a bill is for, as people write it: 2026年11月水费; a medical bill by its day, 2026年11月22日医疗费用. */
export function displayBillTitle(t: TFunction, kind: string, period: string): string {
  const [year, month, day] = period.split('-').map(Number)
  const values = { kind: t(`billKinds.${kind}`), year, monthName: t(`format.months.${month}`), day }
  if (!year || !month) return `${values.kind} ${period}`
  return t(day ? 'format.billDay' : 'format.billMonth', values)
}

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

/**
 * 王女士，您好: the surname from the masked name and the title from the ID number's sex digit (the 17th,
 * odd for men), which the masked number still shows; without a name or an ID number just 您好.
 */
export function displayGreeting(
  t: TFunction,
  lang: Language,
  resident: { readonly maskedName: string; readonly maskedIdNumber?: string | null },
): string {
  const id = (resident.maskedIdNumber ?? '').replace(/\s/g, '')
  const sexDigit = id.length === 18 ? id.charAt(16) : ''
  const first = /^[\u3400-\u9fff]/.test(resident.maskedName) ? resident.maskedName.charAt(0) : ''
  // In English the surname in pinyin (Wang); an unknown one gets the plain greeting.
  const surname = lang === 'en' ? (SURNAMES[first] ?? '') : first
  if (!surname || !/\d/.test(sexDigit)) return t('common.hello')
  const title = t(Number(sexDigit) % 2 === 1 ? 'common.titles.male' : 'common.titles.female')
  return t('common.greeting', { surname, title })
}

export function displayMoney(fen: number): string {
  return formatFen(fen)
}
