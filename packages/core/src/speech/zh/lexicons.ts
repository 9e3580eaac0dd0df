import { type ZhLang } from '../types'
import { zhCNLexicon } from '../zh-CN/lexicon'
import { zhHKLexicon } from '../zh-HK/lexicon'
import { type ZhLexicon } from './types'

const LEXICONS: Readonly<Record<ZhLang, ZhLexicon>> = { 'zh-CN': zhCNLexicon, 'zh-HK': zhHKLexicon }

export function zhLexicon(lang: ZhLang): ZhLexicon {
  return LEXICONS[lang]
}

/** The i-th character of a lexicon string (digits, phone digits). */
export function charAt(chars: string, index: number): string {
  const ch = chars[index]
  if (ch === undefined) throw new RangeError(`no character ${index} in ${chars}`)
  return ch
}
