/**
 * Free text with numbers in it ("2026年11月29日 14:30 ¥20.00 A012"): a left-to-right scan that
 * rewrites each number shape with the language's reader and copies everything else.
 */
import { DETECTORS, SHAPE_START, type Scan } from './detectors'
import { readerFor, type SpeechReader } from './reader'
import { type SpeechLang } from './types'
import { maskedNameEn } from './en/surnames'

/** Full-width digits (１２) are the same numbers; turn them into ASCII so one set of patterns sees them. */
function halfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
}

function detectAt(
  text: string,
  start: number,
  reader: SpeechReader,
): { reading: string; end: number } | null {
  if (!SHAPE_START.test(text.charAt(start))) return null
  for (const detector of DETECTORS) {
    detector.pattern.lastIndex = start
    const m = detector.pattern.exec(text)
    if (!m) continue
    const scan: Scan = { text, start, end: start + m[0].length, reader }
    try {
      const reading = detector.read(m, scan)
      if (reading !== null) return { reading, end: scan.end }
    } catch (error) {
      // A shape that holds impossible values (13月45日) is not that shape: try the next one.
      if (!(error instanceof RangeError)) throw error
    }
  }
  return null
}

/** English readings need a space from neighbouring words ("Room12" → "Room twelve"). */
function append(out: string, reading: string, next: string, reader: SpeechReader): string {
  if (!reader.spaced) return out + reading
  const before = /[A-Za-z0-9.,]$/.test(out) ? ' ' : ''
  const after = /[A-Za-z]/.test(next) ? ' ' : ''
  return out + before + reading + after
}

export function normalizeFreeText(text: string, lang: SpeechLang): string {
  const reader = readerFor(lang)
  // English speech says a masked Chinese name (王*明) by its surname in pinyin (Wang).
  const named =
    lang === 'en' ? text.replace(/[\u3400-\u9fff][*＊]+[\u3400-\u9fff]{0,2}/g, maskedNameEn) : text
  const source = halfWidthDigits(named)
  let out = ''
  let i = 0
  while (i < source.length) {
    const hit = detectAt(source, i, reader)
    if (hit) {
      out = append(out, hit.reading, source.charAt(hit.end), reader)
      // "p.m." ends a sentence by itself: no second full stop.
      i = hit.reading.endsWith('.') && source.charAt(hit.end) === '.' ? hit.end + 1 : hit.end
    } else {
      out += source.charAt(i)
      i += 1
    }
  }
  // A mask sign is never said: a masked name (王*明) is read without it.
  return out.replace(/[*＊]+/g, '')
}
