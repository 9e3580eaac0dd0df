/**
 * The speakable model: screens say what to read as typed segments, never as pre-formatted strings,
 * so every number is read by rule (money in fen, dates and times as local values).
 */

/** Mandarin (Simplified), Cantonese (Traditional, spoken Hong Kong forms) and English. */
export type SpeechLang = 'zh-CN' | 'zh-HK' | 'en'

/** The two Chinese readings; they share the numeral rules and differ in words. */
export type ZhLang = Exclude<SpeechLang, 'en'>

/** Measure words for counts, as keys; each lexicon maps them to its own word (个/位, 個/位, people). */
export const COUNT_UNITS = [
  'piece',
  'person',
  'place',
  'bill',
  'item',
  'time',
  'minute',
  'hour',
  'day',
] as const
export type CountUnit = (typeof COUNT_UNITS)[number]

export type SpeechSegment =
  /** Prose; any numbers inside are normalised like free text. */
  | { readonly kind: 'text'; readonly text: string }
  /** Money in integer fen. */
  | { readonly kind: 'amount'; readonly fen: number }
  /** A local calendar day, YYYY-MM-DD; `withYear: false` reads month and day only. */
  | { readonly kind: 'date'; readonly date: string; readonly withYear?: boolean }
  /** A local wall-clock time, HH:mm. */
  | { readonly kind: 'time'; readonly time: string }
  /** A quantity (两 for 2 in Chinese); without a unit a measure word is expected in the next text. */
  | { readonly kind: 'count'; readonly n: number; readonly unit?: CountUnit }
  /** Queue ticket, letter + 3 digits (A012). */
  | { readonly kind: 'ticket'; readonly ticketNo: string }
  /** Telephone number, digit by digit (幺 for 1 in Mandarin). */
  | { readonly kind: 'phone'; readonly digits: string }
  /** Account numbers and codes, digit by digit. */
  | { readonly kind: 'digits'; readonly digits: string }
  | { readonly kind: 'year'; readonly year: number }
  /** The day of the week of a local date, YYYY-MM-DD. */
  | { readonly kind: 'weekday'; readonly date: string }

export type Speakable = readonly SpeechSegment[]
