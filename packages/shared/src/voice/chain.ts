/**
 * Several engines in a fallback order behind one Speaker: each utterance goes to the first engine
 * that can speak it whole; if that engine fails before a sound is heard, the next one tries.
 * The UI's "no voice here" sign shows only when no engine at all is available.
 */
import type { Language } from '@bangban/core/i18n'
import type { SpeechEngine, Utterance } from './speaker'

export interface ChainOptions {
  /** Told which engine spoke (or failed) each utterance; diagnostics only. */
  readonly onEngine?: (engineId: string, text: string) => void
}

export function speakerChain(engines: readonly SpeechEngine[], options: ChainOptions = {}): SpeechEngine {
  let active: SpeechEngine | null = null
  /** Bumped by every speak and cancel, so a late callback of an older utterance is ignored. */
  let generation = 0

  const candidates = (text: string, lang: Language): SpeechEngine[] => {
    const usable = engines.filter((e) => e.available())
    const whole = usable.filter((e) => e.canSpeak(text, lang))
    // Nothing can speak it all: the best partial reading beats silence.
    return whole.length > 0 ? whole : usable.slice(0, 1)
  }

  const attempt = (utterance: Utterance, queue: SpeechEngine[], mine: number): void => {
    const engine = queue[0]
    if (!engine) {
      active = null
      utterance.onerror?.('synthesis-unavailable')
      return
    }
    active = engine
    options.onEngine?.(engine.id, utterance.text)
    let started = false
    engine.speak({
      ...utterance,
      onstart: () => {
        if (mine !== generation) return
        started = true
        utterance.onstart?.()
      },
      onend: () => {
        if (mine !== generation) return
        active = null
        utterance.onend?.()
      },
      onerror: (error) => {
        if (error === 'interrupted' || mine !== generation) {
          if (mine === generation) active = null
          utterance.onerror?.(error)
          return
        }
        if (started) {
          active = null
          utterance.onerror?.(error)
          return
        }
        attempt(utterance, queue.slice(1), mine)
      },
    })
  }

  return {
    id: 'chain',
    available: () => engines.some((e) => e.available()),
    getVoices: () => engines.flatMap((e) => (e.available() ? e.getVoices() : [])),
    canSpeak: (text, lang) => engines.some((e) => e.available() && e.canSpeak(text, lang)),
    speaking: () => active?.speaking() ?? false,
    speak(utterance) {
      active?.cancel()
      generation += 1
      attempt(utterance, candidates(utterance.text, utterance.lang), generation)
    },
    cancel() {
      generation += 1
      const engine = active
      active = null
      engine?.cancel()
    },
  }
}
