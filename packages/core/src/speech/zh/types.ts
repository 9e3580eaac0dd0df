import { type CountUnit } from '../types'

/** A period of the day that starts at `from` o'clock (24 h) and lasts until the next one. */
export interface DayPeriod {
  readonly from: number
  readonly word: string
}

/** The words one Chinese reading needs; the rules that use them live in zh/. */
export interface ZhLexicon {
  /** Which nzh numeral set reads cardinals: 万/亿 (cn) or 萬/億 (hk). */
  readonly numerals: 'cn' | 'hk'
  /** 0–9 for codes, tickets, years and decimals. */
  readonly digits: string
  /** 0–9 for telephone numbers. */
  readonly phoneDigits: string
  /** 2 before a measure word or 千/万/亿 (两个, 两千). */
  readonly two: string
  readonly minus: string
  /** Decimal point (三点五). */
  readonly point: string
  /** Percent is said first (百分之五十). */
  readonly percent: string
  readonly money: {
    readonly yuan: string
    readonly jiao: string
    readonly fen: string
    /** Said after whole amounts (二十元整). */
    readonly whole: string
    /** How a lone 2 of 角/分 is said. */
    readonly subunitTwo: string
  }
  readonly date: { readonly year: string; readonly month: string; readonly day: string }
  /** Sunday first, as Date#getDay counts. */
  readonly weekdays: readonly string[]
  readonly clock: {
    readonly hour: string
    readonly half: string
    readonly minute: string
    /** Sorted by `from`, the first starting at 0. */
    readonly periods: readonly DayPeriod[]
  }
  readonly units: Readonly<Record<CountUnit, string>>
  /** Characters that, after a number in free text, make it a count (2个 → 两个). */
  readonly measureWords: string
  /** Between the two ends of a range (14:00-15:00). */
  readonly rangeJoiner: string
  /** Said before the visible end of a masked number (尾号五六七八 for 138****5678). */
  readonly tail: string
}
