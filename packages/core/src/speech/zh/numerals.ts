/**
 * Chinese numerals for speech. nzh reads cardinals correctly (十二 not 一十二 at the start,
 * 一百一十 inside, zeros collapsed: 一万零一十), but it writes 二千 where speech says 两千 and has
 * no digit-by-digit reading, so those rules are ours.
 */
import nzhCn from 'nzh/cn'
import nzhHk from 'nzh/hk'
import { type CountUnit, type ZhLang } from '../types'
import { checkInteger, cleanDigits, cleanPhone, parseTicket } from '../input'
import { charAt, zhLexicon } from './lexicons'

/** 12 → 十二, 110 → 一百一十, 2000 → 二千 (a number as such; counts use readCountZh). */
export function readCardinalZh(n: number, lang: ZhLang = 'zh-CN'): string {
  checkInteger(n, 'safe integer', Number.MIN_SAFE_INTEGER)
  const nzh = zhLexicon(lang).numerals === 'cn' ? nzhCn : nzhHk
  // nzh drops the 一 of 一十 after a 零 above 亿 (九千五百一十八亿零十五万 for …亿零一十五万…),
  // which a listener hears as a different number: after 零, ten is always 一十.
  return nzh.encodeS(n).replace(/零十/g, '零一十')
}

/** 两 for a lone 2 and for a leading 2 before 百/千/万/亿 (两个, 两千); 十二, 二十二 keep 二. */
function withTwo(reading: string, lang: ZhLang): string {
  const lex = zhLexicon(lang)
  const two = charAt(lex.digits, 2)
  if (reading === two) return lex.two
  if (reading.startsWith(two) && '百千万亿萬億'.includes(reading.charAt(1))) return lex.two + reading.slice(1)
  return reading
}

/** A quantity: 2 → 两, 2 + person → 两位, 12 + piece → 十二个. */
export function readCountZh(n: number, unit?: CountUnit, lang: ZhLang = 'zh-CN'): string {
  checkInteger(n, 'count')
  const lex = zhLexicon(lang)
  return withTwo(readCardinalZh(n, lang), lang) + (unit ? lex.units[unit] : '')
}

function spell(digits: string, chars: string): string {
  return Array.from(digits, (d) => charAt(chars, Number(d))).join('')
}

/** Account numbers and codes: digit by digit, 零 for 0 (0123 → 零一二三). */
export function readDigitsZh(digits: string, lang: ZhLang = 'zh-CN'): string {
  return spell(cleanDigits(digits), zhLexicon(lang).digits)
}

/** Telephone numbers: digit by digit, 幺 for 1 in Mandarin. */
export function readPhoneZh(digits: string, lang: ZhLang = 'zh-CN'): string {
  return spell(cleanPhone(digits), zhLexicon(lang).phoneDigits)
}

/** Years digit by digit: 2026 → 二零二六年. */
export function readYearZh(year: number, lang: ZhLang = 'zh-CN'): string {
  const lex = zhLexicon(lang)
  return spell(String(checkInteger(year, 'year')), lex.digits) + lex.date.year
}

/** The letter stays (voices and clip sets say it), the digits are read one by one: A012 → A零一二. */
export function readTicketZh(ticketNo: string, lang: ZhLang = 'zh-CN'): string {
  const { letter, digits } = parseTicket(ticketNo)
  return letter + spell(digits, zhLexicon(lang).digits)
}

/** 3.50 → 三点五零: the fraction digit by digit, as written. */
export function readDecimalZh(whole: number, fraction: string, lang: ZhLang = 'zh-CN'): string {
  const lex = zhLexicon(lang)
  return readCardinalZh(whole, lang) + (fraction ? lex.point + spell(cleanDigits(fraction), lex.digits) : '')
}

/** 百分之 goes before the number: 50% → 百分之五十. */
export function readPercentZh(reading: string, lang: ZhLang = 'zh-CN'): string {
  return zhLexicon(lang).percent + reading
}
