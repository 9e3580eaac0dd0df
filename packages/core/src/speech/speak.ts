import { normalizeFreeText } from './freeText'
import { readerFor } from './reader'
import { type Speakable, type SpeechLang, type SpeechSegment } from './types'

/** One segment in words; text segments are normalised like free text. */
export function readSegment(segment: SpeechSegment, lang: SpeechLang): string {
  const reader = readerFor(lang)
  switch (segment.kind) {
    case 'text':
      return normalizeFreeText(segment.text, lang)
    case 'amount':
      return reader.amount(segment.fen)
    case 'date':
      return reader.date(segment.date, segment.withYear)
    case 'time':
      return reader.time(segment.time)
    case 'count':
      return reader.count(segment.n, segment.unit)
    case 'ticket':
      return reader.ticket(segment.ticketNo)
    case 'phone':
      return reader.phone(segment.digits)
    case 'digits':
      return reader.digits(segment.digits)
    case 'year':
      return reader.year(segment.year)
    case 'weekday':
      return reader.weekday(segment.date)
  }
}

/** English words are joined with single spaces and no space before punctuation. */
function joinEnglish(parts: readonly string[]): string {
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.!?;:])/g, '$1')
    .trim()
}

/** The whole prompt as one plain string with every number in words, ready for any speech engine. */
export function toSpeechText(segments: Speakable, lang: SpeechLang): string {
  const parts = segments.map((segment) => readSegment(segment, lang))
  return readerFor(lang).spaced ? joinEnglish(parts) : parts.join('')
}
