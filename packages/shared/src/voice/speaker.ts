/**
 * The speech interface every screen uses, shaped like the Web Speech API so the engine behind it
 * (the browser's voices, WeChat's plugin, prerecorded clips) can change without touching a screen.
 */
import type { Language } from '@bangban/core/i18n'

/** Why an utterance stopped early, as Web Speech names it (`interrupted` = cancelled or replaced). */
export type SpeechErrorCode =
  | 'interrupted'
  | 'synthesis-failed'
  | 'synthesis-unavailable'
  | 'language-unavailable'
  | 'audio-busy'
  | 'network'
  | 'text-too-long'

export interface Utterance {
  /** Already normalised for speech (numbers written out). */
  readonly text: string
  readonly lang: Language
  /** 1 is normal; slow speech is 0.8. */
  readonly rate: number
  /** 0 – 1. */
  readonly volume: number
  /** Sound began (Web Speech `start`). */
  readonly onstart?: () => void
  /** Spoken to the end (Web Speech `end`). */
  readonly onend?: () => void
  /** Stopped early or could not start (Web Speech `error`); no `end` follows. */
  readonly onerror?: (error: SpeechErrorCode) => void
}

export interface Speaker {
  /** False when no voice can speak here: the UI then shows that it is silent. */
  readonly available: () => boolean
  speak(utterance: Utterance): void
  cancel(): void
}

/** A voice an engine offers, in our language codes whatever the engine calls them. */
export interface VoiceInfo {
  readonly name: string
  readonly lang: Language
  /** Which engine speaks it: the chain reports this for diagnostics. */
  readonly engine: string
  /** Works without a network. */
  readonly localService: boolean
}

/**
 * A speech backend: a Speaker that also says which voices it has, whether it can speak a given
 * text, and whether it is speaking (Web Speech's `getVoices()` and `speaking`).
 */
export interface SpeechEngine extends Speaker {
  readonly id: string
  getVoices(): readonly VoiceInfo[]
  /** False when this engine would have to skip part of the text or lacks the language. */
  canSpeak(text: string, lang: Language): boolean
  readonly speaking: () => boolean
}

export const silentSpeaker: SpeechEngine = {
  id: 'silent',
  available: () => false,
  getVoices: () => [],
  canSpeak: () => false,
  speaking: () => false,
  speak: (utterance) => utterance.onerror?.('synthesis-unavailable'),
  cancel: () => undefined,
}

/** Lets any Speaker (an older backend, a test double) stand in a chain of engines. */
export function asEngine(speaker: Speaker, id = 'speaker'): SpeechEngine {
  if ('getVoices' in speaker && 'canSpeak' in speaker) return speaker as SpeechEngine
  return {
    id,
    available: () => speaker.available(),
    getVoices: () => [],
    canSpeak: () => speaker.available(),
    speaking: () => false,
    speak: (utterance) => speaker.speak(utterance),
    cancel: () => speaker.cancel(),
  }
}

/** Wraps a speaker and keeps what was asked of it, for tests and simulators. */
export function recordingSpeaker(
  inner: Speaker,
  log: Array<{ kind: 'speak' | 'cancel'; text?: string; lang?: string }>,
): SpeechEngine {
  const engine = asEngine(inner)
  return {
    ...engine,
    available: () => engine.available(),
    speak(utterance) {
      log.push({ kind: 'speak', text: utterance.text, lang: utterance.lang })
      inner.speak(utterance)
    },
    cancel() {
      log.push({ kind: 'cancel' })
      inner.cancel()
    },
  }
}
