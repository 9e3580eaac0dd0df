import type { Language } from '@bangban/core/i18n'
import type { SpeechSettings } from './settings'
import { normalizeFreeText } from '@bangban/core/speech'
import type { Speaker } from './speaker'

/** Says a text now with the visit's speech settings (nothing when muted), numbers read as words. */
export function sayWith(speaker: Speaker, text: string, lang: Language, speech: SpeechSettings): void {
  if (speech.muted || !text) return
  speaker.speak({
    text: normalizeFreeText(text, lang),
    lang,
    rate: speech.slow ? 0.8 : 1,
    volume: speech.volume,
  })
}
