/**
 * Associations (联想): after a character is chosen, the common words that begin with it, so the
 * next characters are one tap away. Data: words.json, made by scripts/build-data.ts from jieba's
 * word frequencies (traditional words converted with OpenCC).
 */
import type { Script } from './recognizer'

/** Per script: character → its words, most frequent first, separated by spaces. */
export interface WordData {
  simplified: Record<string, string>
  traditional: Record<string, string>
}

export interface Associations {
  /** Up to `n` words that begin with `char`, most common first (the word includes `char`). */
  words(char: string, n?: number): string[]
  /** The characters that most often follow `char`, for a row of next-character candidates. */
  next(char: string, n?: number): string[]
}

export function createAssociations(data: WordData, options: { script?: Script } = {}): Associations {
  const table = data[options.script ?? 'simplified']
  const words = (char: string, n = 8) => {
    const list = Object.prototype.hasOwnProperty.call(table, char) ? table[char]! : ''
    return list ? list.split(' ').slice(0, n) : []
  }
  return {
    words,
    next(char, n = 8) {
      const out: string[] = []
      for (const word of words(char, Infinity)) {
        const second = [...word][1]
        if (second && !out.includes(second)) out.push(second)
      }
      return out.slice(0, n)
    },
  }
}
