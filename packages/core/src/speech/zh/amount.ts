import { splitFen } from '../../domain/money'
import { type ZhLang } from '../types'
import { charAt, zhLexicon } from './lexicons'
import { readCountZh } from './numerals'

/**
 * Money in fen: 一千零二元零五分, 二十元整, 五角, 十二元三角, 十元零五分 (Cantonese: 元/毫/仙, 正).
 * The yuan count takes 两 like any quantity (两元整, 两千元整).
 */
export function readAmountZh(fen: number, lang: ZhLang = 'zh-CN'): string {
  const lex = zhLexicon(lang)
  const { money } = lex
  const { negative, yuan, jiao, fen: cents } = splitFen(fen)
  const sign = negative ? lex.minus : ''
  if (jiao === 0 && cents === 0) return sign + readCountZh(yuan, undefined, lang) + money.yuan + money.whole
  const subunit = (d: number) => (d === 2 ? money.subunitTwo : charAt(lex.digits, d))
  const head = yuan > 0 ? readCountZh(yuan, undefined, lang) + money.yuan : ''
  const jiaoPart = jiao > 0 ? subunit(jiao) + money.jiao : ''
  // A gap between 元 and 分 is spoken as 零 (十元零五分); with no yuan there is nothing to bridge.
  const bridge = jiao === 0 && yuan > 0 ? charAt(lex.digits, 0) : ''
  const fenPart = cents > 0 ? bridge + subunit(cents) + money.fen : ''
  return sign + head + jiaoPart + fenPart
}
