/**
 * The buttons a spoken prompt tells the resident to press ("然后按确认预约", "then press Book it"),
 * so tests can check that each one is on the screen when the prompt is said.
 */
import type { Language } from '@bangban/core/i18n'

/** 按 + an optional place word + the button's words, up to the next pause; 按钮 / 按键 / 按字母 are not presses. */
const ZH_PRESS =
  /(?:^|[请再可以就然后并，。；：、\s])按(?!钮|鈕|键|鍵|字母|时|時|照|户号|戶號)(?:一次)?(?:下面的|下面嘅|下方的|屏幕上的|上面的)?[“"「]?([^，。；、：,.;！？!?“”"「」\s]+)/g
/** Press + the button's words: capitalised, up to a pause or a linking word. */
const EN_PRESS =
  /\b[Pp]ress (?:the )?[“"]?([A-Z][\w’'-]*(?: (?!to\b|and\b|below\b|on\b|again\b|or\b)[\w’'-]+)*)/g

export function mentionedControls(text: string, lang: Language): string[] {
  const pattern = lang === 'en' ? EN_PRESS : ZH_PRESS
  const names = Array.from(text.matchAll(pattern), (m) => (m[1] ?? '').trim())
  return [...new Set(names.filter((name) => name.length > 0))]
}

/** A control answers a mention when its name is the mention or starts with it (付款 ¥36.50). */
export function isNamedBy(mention: string, controlName: string): boolean {
  const name = controlName.replace(/\s+/g, ' ').trim()
  return name === mention || name.startsWith(mention)
}
