/**
 * Pinyin input (拼音): letters typed on the kiosk's on-screen keyboard become syllables, and the
 * syllables become candidate words and characters from a real dictionary — jieba's word list with
 * its frequencies, read by pinyin-pro at data-build time (scripts/build-data.ts → pinyin.txt).
 * Platform-free, like the recogniser.
 *
 * Typing follows what phone input methods do: letters without spaces are cut into syllables
 * ("ludeng" → lu deng); a syllable still being typed, or only its initial ("ld"), matches every
 * syllable it begins; choosing a word consumes the syllables it covers and leaves the rest.
 */
import type { Script } from './recognizer'

/** One dictionary entry: the word (or character) in each script and its syllables. */
export interface PinyinEntry {
  readonly simplified: string
  readonly traditional: string
  readonly syllables: readonly string[]
}

export interface PinyinCandidate {
  readonly text: string
  /** How many of the typed syllables (tokens) the candidate covers. */
  readonly covers: number
}

/** The typed letters cut into tokens: full syllables, or the beginning of one. */
export interface Segmentation {
  readonly tokens: readonly string[]
  /** Whether each token is a whole syllable (false: the beginning of one, e.g. an initial). */
  readonly whole: readonly boolean[]
}

export interface PinyinIndex {
  /** Cuts letters (a–z, v for ü, ' to force a cut) into syllables; null when they cannot be. */
  segment(letters: string): Segmentation | null
  /** Candidates for the typed letters, best first: words that cover all syllables, then fewer. */
  candidates(letters: string, n?: number): PinyinCandidate[]
  /** The letters left after choosing a candidate that covers `covers` tokens. */
  rest(letters: string, covers: number): string
  readonly size: number
}

/**
 * The data file: one entry a line, most frequent first, as `simplified<TAB>syllables` or
 * `simplified<TAB>syllables<TAB>traditional` when the Hong Kong form differs; syllables are
 * joined by `'`.
 */
export function encodePinyin(entries: readonly PinyinEntry[]): string {
  return entries
    .map((e) =>
      e.traditional === e.simplified
        ? `${e.simplified}\t${e.syllables.join("'")}`
        : `${e.simplified}\t${e.syllables.join("'")}\t${e.traditional}`,
    )
    .join('\n')
}

export function decodePinyin(text: string): PinyinEntry[] {
  const out: PinyinEntry[] = []
  for (const line of text.split('\n')) {
    const [simplified, syllables, traditional] = line.split('\t')
    if (!simplified || !syllables) continue
    out.push({ simplified, traditional: traditional ?? simplified, syllables: syllables.split("'") })
  }
  return out
}

interface Indexed {
  readonly text: string
  readonly syllables: readonly string[]
  readonly rank: number
}

/** An index over the entries (in frequency order) for one script. */
export function createPinyinIndex(
  data: string | readonly PinyinEntry[],
  options: { script?: Script } = {},
): PinyinIndex {
  const script = options.script ?? 'simplified'
  const entries = typeof data === 'string' ? decodePinyin(data) : data
  const syllables = new Set<string>()
  const prefixes = new Set<string>()
  /** Entries by their first syllable, in frequency order. */
  const byFirst = new Map<string, Indexed[]>()
  const seen = new Set<string>()
  entries.forEach((e, rank) => {
    const text = script === 'traditional' ? e.traditional : e.simplified
    const key = `${text}\t${e.syllables.join("'")}`
    if (seen.has(key)) return
    seen.add(key)
    for (const s of e.syllables) {
      if (syllables.has(s)) continue
      syllables.add(s)
      for (let i = 1; i < s.length; i += 1) prefixes.add(s.slice(0, i))
    }
    const first = e.syllables[0]!
    const list = byFirst.get(first) ?? []
    list.push({ text, syllables: e.syllables, rank })
    byFirst.set(first, list)
  })
  const allSyllables = [...syllables]

  const segment = (letters: string): Segmentation | null => segmentWith(letters, syllables, prefixes)

  const matches = (typed: string, isWhole: boolean, exactOnly: boolean, syllable: string) =>
    isWhole && exactOnly ? syllable === typed : syllable.startsWith(typed)

  return {
    size: entries.length,
    segment,
    rest(letters, covers) {
      const seg = segment(letters)
      if (!seg) return ''
      return seg.tokens.slice(covers).join('')
    },
    candidates(letters, n = 16) {
      const seg = segment(letters)
      if (!seg || seg.tokens.length === 0) return []
      const { tokens, whole } = seg
      const last = tokens.length - 1
      // Syllables the first token may be (a whole one is itself; the last token typed may grow).
      const firsts = allSyllables.filter((s) => matches(tokens[0]!, whole[0]!, last > 0, s))
      const scored: Array<{ text: string; covers: number; exact: boolean; rank: number }> = []
      for (const first of firsts) {
        for (const e of byFirst.get(first) ?? []) {
          const k = e.syllables.length
          if (k > tokens.length) continue
          let ok = true
          for (let i = 0; i < k && ok; i += 1) ok = matches(tokens[i]!, whole[i]!, i < last, e.syllables[i]!)
          if (!ok) continue
          // Exact: every whole token typed is the syllable itself (not a longer one it begins).
          let exact = true
          for (let i = 0; i < k && exact; i += 1) exact = !whole[i] || e.syllables[i] === tokens[i]
          scored.push({ text: e.text, covers: k, exact, rank: e.rank })
        }
      }
      // All the syllables first (the longest words), then exact before continued, then frequency.
      scored.sort((a, b) => b.covers - a.covers || Number(b.exact) - Number(a.exact) || a.rank - b.rank)
      const out: PinyinCandidate[] = []
      const taken = new Set<string>()
      for (const c of scored) {
        if (taken.has(c.text)) continue
        taken.add(c.text)
        out.push({ text: c.text, covers: c.covers })
        if (out.length >= n) break
      }
      return out
    },
  }
}

/**
 * The cut with the fewest tokens, whole syllables preferred to beginnings at equal count; `'`
 * forces a cut. Null when some letters can begin no syllable.
 */
export function segmentWith(
  letters: string,
  syllables: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
): Segmentation | null {
  const parts = letters.toLowerCase().split("'").filter(Boolean)
  const tokens: string[] = []
  const whole: boolean[] = []
  for (const part of parts) {
    const cut = segmentPart(part, syllables, prefixes)
    if (!cut) return null
    tokens.push(...cut.tokens)
    whole.push(...cut.whole)
  }
  return { tokens, whole }
}

function segmentPart(
  text: string,
  syllables: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
): Segmentation | null {
  const n = text.length
  // best[i]: the cheapest cut of text[i..]: [tokens, beginnings] compared in that order.
  const best: Array<{ cost: [number, number]; next: number; whole: boolean } | null> = new Array(n + 1).fill(
    null,
  )
  best[n] = { cost: [0, 0], next: n, whole: true }
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = Math.min(n, i + 6); j > i; j -= 1) {
      const piece = text.slice(i, j)
      const isWhole = syllables.has(piece)
      if (!isWhole && !prefixes.has(piece)) continue
      const after = best[j]
      if (!after) continue
      const cost: [number, number] = [after.cost[0] + 1, after.cost[1] + (isWhole ? 0 : 1)]
      const current = best[i]
      if (!current || cost[0] < current.cost[0] || (cost[0] === current.cost[0] && cost[1] < current.cost[1]))
        best[i] = { cost, next: j, whole: isWhole }
    }
  }
  if (!best[0]) return null
  const tokens: string[] = []
  const whole: boolean[] = []
  for (let i = 0; i < n;) {
    const step = best[i]!
    tokens.push(text.slice(i, step.next))
    whole.push(step.whole)
    i = step.next
  }
  return { tokens, whole }
}
