/**
 * WechatSI takes at most 1,000 UTF-8 bytes a call: long prompts are cut at sentence ends, then at
 * commas, and only a single overlong run is cut mid-way, so each call still reads as speech.
 */
import { utf8Length } from '../utf8'

export const WECHAT_TTS_MAX_BYTES = 1000

// Pieces keep their closing punctuation. No lookbehind: older mini-program engines reject it.
const SENTENCES =
  /[^.!?\u3002\uff01\uff1f\u2026]+[.!?\u3002\uff01\uff1f\u2026]*\s*|[.!?\u3002\uff01\uff1f\u2026]+\s*/g
const CLAUSES =
  /[^,;:\u3001\uff0c\uff1b\uff1a]+[,;:\u3001\uff0c\uff1b\uff1a]*\s*|[,;:\u3001\uff0c\uff1b\uff1a]+\s*/g

function hardCut(text: string, maxBytes: number): string[] {
  const out: string[] = []
  let piece = ''
  for (const ch of text) {
    if (utf8Length(piece + ch) > maxBytes) {
      out.push(piece)
      piece = ''
    }
    piece += ch
  }
  if (piece) out.push(piece)
  return out
}

/** Packs pieces greedily into chunks of at most maxBytes. */
function pack(pieces: readonly string[], maxBytes: number): string[] {
  const out: string[] = []
  let chunk = ''
  for (const piece of pieces) {
    if (chunk && utf8Length(chunk + piece) > maxBytes) {
      out.push(chunk)
      chunk = ''
    }
    chunk += piece
  }
  if (chunk) out.push(chunk)
  return out
}

export function splitForTts(text: string, maxBytes = WECHAT_TTS_MAX_BYTES): string[] {
  const trimmed = text.trim()
  if (!trimmed) return []
  const pieces = (trimmed.match(SENTENCES) ?? []).flatMap((sentence) =>
    utf8Length(sentence) <= maxBytes
      ? [sentence]
      : (sentence.match(CLAUSES) ?? []).flatMap((clause) =>
          utf8Length(clause) <= maxBytes ? [clause] : hardCut(clause, maxBytes),
        ),
  )
  return pack(pieces, maxBytes)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
}
