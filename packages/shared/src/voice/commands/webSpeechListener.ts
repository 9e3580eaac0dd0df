/**
 * A listener over the Web Speech API's SpeechRecognition, where a browser has a working one. Not
 * used by the kiosk by default: Chromium's recogniser calls Google and fails in mainland China.
 */
import type { Language } from '@bangban/core/i18n'
import type { VoiceListener } from './listener'

interface RecognitionLike {
  lang: string
  continuous: boolean
  interimResults: boolean
  maxAlternatives: number
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null
  onerror: ((event: { error: string }) => void) | null
  onend: (() => void) | null
  start(): void
  stop(): void
  abort(): void
}

const RECOGNITION_TAGS: Readonly<Record<Language, string>> = {
  'zh-CN': 'zh-CN',
  'zh-HK': 'yue-Hant-HK',
  en: 'en-GB',
}

export function webSpeechListener(Recognition: (new () => RecognitionLike) | undefined): VoiceListener {
  let active: RecognitionLike | null = null
  const stop = () => {
    active?.abort()
    active = null
  }
  return {
    id: 'web-speech',
    available: () => Recognition !== undefined,
    stop,
    listen: ({ lang, timeoutMs }) =>
      new Promise((resolve, reject) => {
        if (!Recognition) return resolve(null)
        stop()
        const r = new Recognition()
        active = r
        r.lang = RECOGNITION_TAGS[lang]
        r.continuous = false
        r.interimResults = false
        r.maxAlternatives = 1
        let settled = false
        const settle = (value: string | null, error?: string) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          if (active === r) active = null
          if (error) reject(new Error(`speech recognition: ${error}`))
          else resolve(value)
        }
        const timer = setTimeout(() => {
          r.abort()
          settle(null)
        }, timeoutMs)
        r.onresult = (event) => settle(event.results[0]?.[0]?.transcript ?? null)
        // no-speech and aborted are silence, not failures.
        r.onerror = (event) =>
          settle(null, ['no-speech', 'aborted'].includes(event.error) ? undefined : event.error)
        r.onend = () => settle(null)
        r.start()
      }),
  }
}
