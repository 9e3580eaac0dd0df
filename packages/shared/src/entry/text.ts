/**
 * Writing without a keyboard, without React: which inputs a field offers, in which order, and how
 * each key changes the text. Lengths count characters as people see them (code points), so a
 * character is never cut in half.
 */
import type { Language } from '@bangban/core/i18n'

/**
 * What a field holds, which decides its inputs: prose (what is wrong), an address, a staff number
 * (letters and digits), a password (letters, digits and a few symbols, masked).
 */
export type EntryKind = 'prose' | 'address' | 'staffNo' | 'password'

/** The ways to write on screen, each a tab of the entry. */
export type InputMethod = 'phrases' | 'handwriting' | 'pinyin' | 'english' | 'tiles' | 'keys'

/** The inputs a field offers on a door that draws its own, first shown first. */
export function methodsFor(kind: EntryKind, language: Language, hasPhrases: boolean): InputMethod[] {
  switch (kind) {
    case 'staffNo':
    case 'password':
      return ['keys']
    case 'address':
      // Building, unit and room from tiles first: most of an address is numbers.
      return language === 'en'
        ? ['tiles', 'english', 'handwriting', 'pinyin']
        : ['tiles', 'handwriting', 'pinyin']
    case 'prose': {
      // Phrases stay first where a screen has them; then what most older people use: 手写.
      const writing: InputMethod[] =
        language === 'en' ? ['english', 'handwriting', 'pinyin'] : ['handwriting', 'pinyin']
      return hasPhrases ? ['phrases', ...writing] : writing
    }
  }
}

export const characters = (text: string): string[] => [...text]

export const lengthOf = (text: string): number => characters(text).length

/** Appends what was chosen, cut to what still fits. */
export function insertText(value: string, text: string, maxLength: number): string {
  const room = maxLength - lengthOf(value)
  if (room <= 0) return value
  return value + characters(text).slice(0, room).join('')
}

/**
 * 删除: the last tile as a whole when the text ends with one (号楼, 单元 …), else the last
 * character.
 */
export function deleteLast(value: string, units: readonly string[] = []): string {
  const unit = [...units]
    .filter((u) => u.length > 1)
    .sort((a, b) => b.length - a.length)
    .find((u) => value.endsWith(u))
  if (unit) return value.slice(0, value.length - unit.length)
  return characters(value).slice(0, -1).join('')
}

/** The keys of the letter keyboards, row by row (QWERTY, as on a phone). */
export const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'] as const
export const DIGITS = '1234567890'
/** Symbols a password may hold (a generated one is base64url: letters, digits, - and _). */
export const PASSWORD_SYMBOLS = '-_.@!#$%&*+=?'

/** Letters the pinyin keyboard holds before they are chosen: longer than any sensible word. */
export const MAX_PINYIN_LETTERS = 24

/** Adds a letter (or the ' that separates syllables) to what is being spelled. */
export function spell(letters: string, key: string): string {
  if (letters.length >= MAX_PINYIN_LETTERS) return letters
  if (key === "'") return letters === '' || letters.endsWith("'") ? letters : `${letters}'`
  return /^[a-z]$/.test(key) ? letters + key : letters
}

/** The letters left once a candidate covering `covers` of the syllables is chosen. */
export function afterChoice(tokens: readonly string[], covers: number): string {
  return tokens.slice(covers).join("'")
}

/** What a staff number may hold: capital letters and digits (H1001). */
export function staffNoKey(key: string): string {
  return /^[a-z]$/i.test(key) ? key.toUpperCase() : /^[0-9]$/.test(key) ? key : ''
}

/** A page of candidates: `size` of them from `page` (0-based), and whether more follow. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; more: boolean } {
  const start = page * size
  return { items: items.slice(start, start + size), more: items.length > start + size }
}
