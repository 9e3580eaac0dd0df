import { splitFen } from '../../domain/money'
import { enLexicon as en } from './lexicon'
import { readCardinalEn } from './numerals'

/** ¥20.00 → "twenty yuan", ¥12.30 → "twelve yuan and thirty fen", ¥0.50 → "fifty fen". */
export function readAmountEn(fen: number): string {
  const { negative, yuan, jiao, fen: cents } = splitFen(fen)
  const sub = jiao * 10 + cents
  const parts: string[] = []
  if (negative) parts.push(en.minus)
  if (yuan > 0 || sub === 0) parts.push(readCardinalEn(yuan), en.money.yuan)
  if (yuan > 0 && sub > 0) parts.push(en.money.and)
  if (sub > 0) parts.push(readCardinalEn(sub), en.money.fen)
  return parts.join(' ')
}
