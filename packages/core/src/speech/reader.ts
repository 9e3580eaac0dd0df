/**
 * One reader per language with the same shape, so the segment renderer and the free-text scanner
 * stay language-blind.
 */
import { type CountUnit, type SpeechLang, type ZhLang } from './types'
import { zhLexicon } from './zh/lexicons'
import {
  readCardinalZh,
  readCountZh,
  readDecimalZh,
  readDigitsZh,
  readPercentZh,
  readPhoneZh,
  readTicketZh,
  readYearZh,
} from './zh/numerals'
import { readAmountZh } from './zh/amount'
import { readDateZh, readMonthDayZh, readWeekdayZh } from './zh/date'
import { readTimeRangeZh, readTimeZh } from './zh/time'
import { enLexicon } from './en/lexicon'
import {
  readCardinalEn,
  readCountEn,
  readDecimalEn,
  readDigitsEn,
  readPercentEn,
  readPhoneEn,
  readTicketEn,
  readYearEn,
} from './en/numerals'
import { readAmountEn } from './en/amount'
import { readDateEn, readMonthDayEn, readWeekdayEn } from './en/date'
import { readTimeEn, readTimeRangeEn } from './en/time'

export interface SpeechReader {
  readonly lang: SpeechLang
  /** English words need spaces between them; Chinese runs together. */
  readonly spaced: boolean
  /** Characters after a number that make it a count (Chinese only). */
  readonly measureWords: string
  readonly rangeJoiner: string
  cardinal(n: number): string
  count(n: number, unit?: CountUnit): string
  decimal(whole: number, fraction: string): string
  percent(reading: string): string
  digits(digits: string): string
  phone(digits: string): string
  ticket(ticketNo: string): string
  amount(fen: number): string
  year(year: number): string
  date(date: string, withYear?: boolean): string
  monthDay(month: number, day: number): string
  time(time: string): string
  /** Two local times, HH:mm, with the period of the day said once when both share it. */
  timeRange(start: string, end: string): string
  weekday(date: string): string
  /** Long digit runs in groups a listener can hold (0012345 → 零零一二 三四五). */
  groupedDigits(digits: string): string
  /** A mobile number in its 3-4-4 groups; other numbers digit by digit. */
  groupedPhone(digits: string): string
  /** Letters and digits (staff number H1001, request number R20261206001): one by one, in groups. */
  code(letters: string, digits: string): string
  /** What a masked number means: only its end is known (尾号五六七八, "ending in five six seven eight"). */
  maskedTail(digits: string): string
}

/** 4 or fewer digits stay one group; 5–6 go in threes; longer in fours (a lone last digit joins the one before). */
export function digitGroups(digits: string): string[] {
  if (digits.length <= 4) return [digits]
  const size = digits.length <= 6 ? 3 : 4
  const groups: string[] = []
  for (let i = 0; i < digits.length; i += size) groups.push(digits.slice(i, i + size))
  const last = groups[groups.length - 1] ?? ''
  if (groups.length > 1 && last.length === 1) groups.splice(-2, 2, (groups[groups.length - 2] ?? '') + last)
  return groups
}

function mobileGroups(digits: string): string[] {
  return /^1\d{10}$/.test(digits) ? [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)] : [digits]
}

function letterList(letters: string): string[] {
  return Array.from(letters)
}

function zhReader(lang: ZhLang): SpeechReader {
  const lex = zhLexicon(lang)
  return {
    lang,
    spaced: false,
    measureWords: lex.measureWords,
    rangeJoiner: lex.rangeJoiner,
    cardinal: (n) => readCardinalZh(n, lang),
    count: (n, unit) => readCountZh(n, unit, lang),
    decimal: (whole, fraction) => readDecimalZh(whole, fraction, lang),
    percent: (reading) => readPercentZh(reading, lang),
    digits: (digits) => readDigitsZh(digits, lang),
    phone: (digits) => readPhoneZh(digits, lang),
    ticket: (ticketNo) => readTicketZh(ticketNo, lang),
    amount: (fen) => readAmountZh(fen, lang),
    year: (year) => readYearZh(year, lang),
    date: (date, withYear) => readDateZh(date, lang, { withYear }),
    monthDay: (month, day) => readMonthDayZh(month, day, lang),
    time: (time) => readTimeZh(time, lang),
    timeRange: (start, end) => readTimeRangeZh(start, end, lang),
    weekday: (date) => readWeekdayZh(date, lang),
    groupedDigits: (digits) =>
      digitGroups(digits)
        .map((g) => readDigitsZh(g, lang))
        .join(' '),
    groupedPhone: (digits) =>
      mobileGroups(digits)
        .map((g) => readPhoneZh(g, lang))
        .join(' '),
    code: (letters, digits) => {
      const spoken =
        digits.length <= 4
          ? Array.from(digits, (d) => readDigitsZh(d, lang))
          : digitGroups(digits).map((g) => readDigitsZh(g, lang))
      return [...letterList(letters), ...spoken].join(' ')
    },
    maskedTail: (digits) => lex.tail + readDigitsZh(digits, lang),
  }
}

const enReader: SpeechReader = {
  lang: 'en',
  spaced: true,
  measureWords: '',
  rangeJoiner: enLexicon.rangeJoiner,
  cardinal: readCardinalEn,
  count: readCountEn,
  decimal: readDecimalEn,
  percent: readPercentEn,
  digits: readDigitsEn,
  phone: readPhoneEn,
  ticket: readTicketEn,
  amount: readAmountEn,
  year: readYearEn,
  date: (date, withYear) => readDateEn(date, { withYear }),
  monthDay: readMonthDayEn,
  time: readTimeEn,
  timeRange: readTimeRangeEn,
  weekday: readWeekdayEn,
  groupedDigits: (digits) =>
    digitGroups(digits)
      .map((g) => readDigitsEn(g))
      .join(', '),
  groupedPhone: (digits) =>
    mobileGroups(digits)
      .map((g) => readPhoneEn(g))
      .join(', '),
  code: (letters, digits) => {
    const head = letterList(letters).join(' ')
    return digits.length <= 4
      ? `${head} ${readDigitsEn(digits)}`
      : `${head}, ${digitGroups(digits)
          .map((g) => readDigitsEn(g))
          .join(', ')}`
  },
  maskedTail: (digits) => `${enLexicon.tail} ${readDigitsEn(digits)}`,
}

const READERS: Readonly<Record<SpeechLang, SpeechReader>> = {
  'zh-CN': zhReader('zh-CN'),
  'zh-HK': zhReader('zh-HK'),
  en: enReader,
}

export function readerFor(lang: SpeechLang): SpeechReader {
  const reader = READERS[lang]
  if (!reader) throw new RangeError(`no speech reader for ${String(lang)}`)
  return reader
}
