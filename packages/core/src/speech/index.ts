/**
 * Speech text normaliser: every prompt passes through here before any speech engine, so numbers
 * are read by rule rather than by each engine's guess ("012" is 零一二, not 十二).
 * Pure TypeScript: runs in the service, the kiosk renderer and the mini-program.
 */
export {
  COUNT_UNITS,
  type CountUnit,
  type Speakable,
  type SpeechLang,
  type SpeechSegment,
  type ZhLang,
} from './types'
export { toSpeechText, readSegment } from './speak'
export { normalizeFreeText } from './freeText'
export { readerFor, type SpeechReader } from './reader'

export {
  readCardinalZh,
  readCountZh,
  readDecimalZh,
  readDigitsZh,
  readPercentZh,
  readPhoneZh,
  readTicketZh,
  readYearZh,
} from './zh/numerals'
export { readAmountZh } from './zh/amount'
export { readDateZh, readMonthDayZh, readWeekdayZh } from './zh/date'
export { readTimeZh } from './zh/time'
export { type ZhLexicon } from './zh/types'
export { zhCNLexicon } from './zh-CN/lexicon'
export { zhHKLexicon } from './zh-HK/lexicon'

export {
  readCardinalEn,
  readCountEn,
  readDecimalEn,
  readDigitsEn,
  readOrdinalEn,
  readPercentEn,
  readPhoneEn,
  readTicketEn,
  readYearEn,
} from './en/numerals'
export { readAmountEn } from './en/amount'
export { readDateEn, readMonthDayEn, readWeekdayEn } from './en/date'
export { readTimeEn } from './en/time'
export { enLexicon } from './en/lexicon'
