/**
 * The spoken commands: a short fixed grammar built from the words on screen (the four tiles,
 * 确认, 返回, 回到首页, 再听一遍) and digits, so saying what a button says presses it. The UI never
 * depends on them: every command is also a button.
 */
import type { TFunction } from 'i18next'
import type { Language } from '@bangban/core/i18n'
import { readerFor } from '@bangban/core/speech'

export type CommandId = 'book' | 'pay' | 'request' | 'records' | 'confirm' | 'back' | 'home' | 'repeat'

export interface VoiceCommand {
  readonly id: CommandId
  readonly phrases: readonly string[]
}

export type CommandMatch = { readonly id: CommandId } | { readonly id: 'digits'; readonly digits: string }

const KEYS: Readonly<Record<CommandId, readonly string[]>> = {
  book: ['home.book'],
  pay: ['home.pay'],
  request: ['home.request'],
  records: ['home.records'],
  confirm: ['signIn.confirm', 'book.confirm', 'request.submit'],
  back: ['nav.back'],
  home: ['nav.home'],
  repeat: ['nav.repeat'],
}

export function commandGrammar(t: TFunction): VoiceCommand[] {
  return (Object.keys(KEYS) as CommandId[]).map((id) => ({ id, phrases: KEYS[id].map((key) => t(key)) }))
}

/** Lower case, no spaces or punctuation: recognisers differ in both. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** Each digit as the language says it (and as the phone reading says 1: 幺), plus the digit itself. */
function digitWords(lang: Language): Map<string, string> {
  const reader = readerFor(lang)
  const words = new Map<string, string>()
  for (let d = 0; d <= 9; d += 1) {
    words.set(String(d), String(d))
    words.set(squash(reader.digits(String(d))), String(d))
    words.set(squash(reader.phone(String(d))), String(d))
    words.set(squash(reader.cardinal(d)), String(d))
  }
  return words
}

function readDigits(text: string, lang: Language): string | null {
  const words = [...digitWords(lang).entries()].sort((a, b) => b[0].length - a[0].length)
  let rest = text
  let digits = ''
  while (rest) {
    const hit = words.find(([word]) => word && rest.startsWith(word))
    if (!hit) return null
    digits += hit[1]
    rest = rest.slice(hit[0].length)
  }
  return digits || null
}

/**
 * The command a transcript says: the whole transcript is a command phrase, or contains exactly one
 * (the longest wins: 确认预约 over 确认); or it is nothing but digits.
 */
export function matchCommand(
  transcript: string,
  grammar: readonly VoiceCommand[],
  lang: Language,
): CommandMatch | null {
  const heard = squash(transcript)
  if (!heard) return null
  const digits = readDigits(heard, lang)
  if (digits) return { id: 'digits', digits }
  const hits = grammar.flatMap((command) =>
    command.phrases
      .map((phrase) => ({ id: command.id, phrase: squash(phrase) }))
      .filter((h) => h.phrase && heard.includes(h.phrase)),
  )
  if (hits.length === 0) return null
  hits.sort((a, b) => b.phrase.length - a.phrase.length)
  const best = hits[0]!
  // Two different commands of the same length ("返回 确认") are not one command.
  if (hits.some((h) => h.id !== best.id && h.phrase.length === best.phrase.length)) return null
  return { id: best.id }
}
