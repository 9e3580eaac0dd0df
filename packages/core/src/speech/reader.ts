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
import { readTimeZh } from './zh/time'
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
import { readTimeEn } from './en/time'

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
  weekday(date: string): string
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
    weekday: (date) => readWeekdayZh(date, lang),
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
  weekday: readWeekdayEn,
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
