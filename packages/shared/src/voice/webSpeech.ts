/**
 * The backend over a page's `speechSynthesis` (Chromium, Electron): the OS's own voices, chosen by
 * language tag. The page's objects are passed in, so tests replace them at this boundary.
 */
import type { Language } from '@bangban/core/i18n'
import type { SpeechEngine, SpeechErrorCode, VoiceInfo } from './speaker'

/** Linux and some Electron builds tag voices cmn / yue rather than zh-CN / zh-HK. */
const VOICE_TAGS: Record<Language, readonly string[]> = {
  'zh-CN': ['zh-cn', 'cmn', 'zh-hans', 'zh'],
  'zh-HK': ['zh-hk', 'yue', 'zh-yue', 'zh-tw', 'zh-hant'],
  en: ['en-gb', 'en-us', 'en'],
}

interface VoiceLike {
  readonly lang: string
  readonly name: string
  readonly localService?: boolean
}

export function chooseVoice<V extends VoiceLike>(voices: readonly V[], lang: Language): V | null {
  for (const tag of VOICE_TAGS[lang]) {
    const found = voices.find((v) => v.lang.toLowerCase().replace('_', '-').startsWith(tag))
    if (found) return found
  }
  return null
}

interface UtteranceLike {
  lang: string
  rate: number
  volume: number
  voice: unknown
  onstart: (() => void) | null
  onend: (() => void) | null
  onerror: ((event: { error: string }) => void) | null
}

interface SynthesisLike {
  getVoices(): VoiceLike[]
  speak(utterance: never): void
  cancel(): void
  readonly speaking?: boolean
}

const WEB_SPEECH_ERRORS: readonly SpeechErrorCode[] = [
  'interrupted',
  'synthesis-failed',
  'synthesis-unavailable',
  'language-unavailable',
  'audio-busy',
  'network',
  'text-too-long',
]

function errorCode(error: string): SpeechErrorCode {
  // Chromium says `canceled` when cancel() drops a queued utterance: for us that is an interruption.
  if (error === 'canceled') return 'interrupted'
  return (WEB_SPEECH_ERRORS as readonly string[]).includes(error)
    ? (error as SpeechErrorCode)
    : 'synthesis-failed'
}

export function webSpeechSpeaker(
  synthesis: SynthesisLike,
  UtteranceCtor: new (text: string) => Partial<UtteranceLike> & { lang: string },
): SpeechEngine {
  let current: object | null = null
  const voices = (): VoiceInfo[] =>
    (['zh-CN', 'zh-HK', 'en'] as const).flatMap((lang) => {
      const voice = chooseVoice(synthesis.getVoices(), lang)
      return voice
        ? [{ name: voice.name, lang, engine: 'web-speech', localService: voice.localService ?? true }]
        : []
    })
  return {
    id: 'web-speech',
    available: () => synthesis.getVoices().length > 0,
    getVoices: voices,
    canSpeak: (_text, lang) => chooseVoice(synthesis.getVoices(), lang) !== null,
    speaking: () => current !== null,
    speak(utterance) {
      synthesis.cancel()
      const u = new UtteranceCtor(utterance.text) as UtteranceLike
      const voice = chooseVoice(synthesis.getVoices(), utterance.lang)
      if (voice) {
        u.voice = voice
        u.lang = voice.lang
      } else {
        u.lang = utterance.lang
      }
      u.rate = utterance.rate
      u.volume = utterance.volume
      // Events of an utterance that was replaced must not reach the screen that replaced it.
      const mine = () => current === u
      u.onstart = () => {
        if (mine()) utterance.onstart?.()
      }
      u.onend = () => {
        if (!mine()) return
        current = null
        utterance.onend?.()
      }
      u.onerror = (event) => {
        const wasCurrent = mine()
        if (wasCurrent) current = null
        const code = errorCode(event.error)
        if (wasCurrent || code === 'interrupted') utterance.onerror?.(code)
      }
      current = u
      synthesis.speak(u as never)
    },
    cancel() {
      current = null
      synthesis.cancel()
    },
  }
}
