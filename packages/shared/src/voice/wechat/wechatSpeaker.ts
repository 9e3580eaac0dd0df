/**
 * Mandarin and English in the mini-program through WeChat's 同声传译 plugin: the text goes in
 * chunks of at most 1,000 bytes, each comes back as an audio link that expires, and the links are
 * played one after another in an inner audio context that ignores the iPhone's mute switch (an
 * older user with the phone on silent would otherwise hear nothing).
 */
import type { Language } from '@bangban/core/i18n'
import type { SpeechEngine, SpeechErrorCode, Utterance, VoiceInfo } from '../speaker'
import { WECHAT_TTS_LANG, type InnerAudioContext, type WechatAudioApi, type WechatSIPlugin } from './api'
import { splitForTts } from './split'

export interface WechatSpeakerOptions {
  readonly plugin: WechatSIPlugin | null
  readonly audio: WechatAudioApi
  /** Unix seconds, for the links' expiry. */
  readonly nowSeconds?: () => number
}

/** Links are reused until shortly before they expire (WechatSI gives them three hours). */
const EXPIRY_MARGIN_SECONDS = 120
const RATE_LIMITED = -40001

type TtsLang = (typeof WECHAT_TTS_LANG)[keyof typeof WECHAT_TTS_LANG]

function ttsLang(lang: Language): TtsLang | null {
  return lang === 'zh-CN' || lang === 'en' ? WECHAT_TTS_LANG[lang] : null
}

export function wechatSpeaker(options: WechatSpeakerOptions): SpeechEngine {
  const { plugin, audio } = options
  const nowSeconds = options.nowSeconds ?? (() => Date.now() / 1000)
  const links = new Map<string, { url: string; expires: number }>()
  let player: InnerAudioContext | null = null
  let current: { cancelled: boolean; utterance: Utterance } | null = null
  let audioOptionSet = false

  const link = (content: string, lang: TtsLang): Promise<string> => {
    const key = `${lang}|${content}`
    const cached = links.get(key)
    if (cached && cached.expires - EXPIRY_MARGIN_SECONDS > nowSeconds()) return Promise.resolve(cached.url)
    return new Promise((resolve, reject) => {
      plugin!.textToSpeech({
        lang,
        tts: true,
        content,
        success: (res) => {
          if (res.retcode !== 0 || !res.filename) return reject(res.retcode)
          links.set(key, { url: res.filename, expires: res.expired_time })
          resolve(res.filename)
        },
        fail: (res) => reject(res.retcode),
      })
    })
  }

  const context = (): InnerAudioContext => {
    if (!audioOptionSet) {
      audio.setInnerAudioOption?.({ obeyMuteSwitch: false })
      audioOptionSet = true
    }
    if (!player) {
      player = audio.createInnerAudioContext()
      player.obeyMuteSwitch = false
      player.autoplay = false
    }
    return player
  }

  const stopPlayer = () => {
    if (!player) return
    player.stop()
    // A fresh context per utterance: callbacks of the old one cannot reach the new one.
    player.destroy()
    player = null
  }

  const run = async (job: { cancelled: boolean; utterance: Utterance }, lang: TtsLang) => {
    const { utterance } = job
    const chunks = splitForTts(utterance.text)
    let started = false
    const fail = (code: SpeechErrorCode) => {
      if (job.cancelled) return
      job.cancelled = true
      if (current === job) current = null
      stopPlayer()
      utterance.onerror?.(code)
    }
    // Ask for the next link while the current one plays.
    let nextLink: Promise<string> | null = chunks[0] ? link(chunks[0], lang) : null
    for (let i = 0; i < chunks.length; i += 1) {
      let url: string
      try {
        url = await nextLink!
      } catch (retcode) {
        return fail(retcode === RATE_LIMITED ? 'audio-busy' : started ? 'synthesis-failed' : 'network')
      }
      if (job.cancelled) return
      nextLink = chunks[i + 1] ? link(chunks[i + 1]!, lang) : null
      nextLink?.catch(() => undefined)
      const ok = await new Promise<boolean>((resolve) => {
        const ctx = context()
        ctx.onPlay(() => {
          if (job.cancelled || started) return
          started = true
          utterance.onstart?.()
        })
        ctx.onEnded(() => resolve(true))
        ctx.onError(() => resolve(false))
        ctx.volume = utterance.volume
        ctx.playbackRate = utterance.rate
        ctx.src = url
        ctx.play()
      })
      if (job.cancelled) return
      stopPlayer()
      if (!ok) return fail('synthesis-failed')
    }
    if (job.cancelled) return
    if (current === job) current = null
    utterance.onend?.()
  }

  const cancel = () => {
    const job = current
    current = null
    stopPlayer()
    if (job && !job.cancelled) {
      job.cancelled = true
      job.utterance.onerror?.('interrupted')
    }
  }

  return {
    id: 'wechat-si',
    available: () => plugin !== null,
    getVoices: (): VoiceInfo[] =>
      plugin
        ? (['zh-CN', 'en'] as const).map((lang) => ({
            name: `WechatSI ${lang}`,
            lang,
            engine: 'wechat-si',
            localService: false,
          }))
        : [],
    canSpeak: (_text, lang) => plugin !== null && ttsLang(lang) !== null,
    speaking: () => current !== null,
    speak(utterance) {
      cancel()
      const lang = ttsLang(utterance.lang)
      if (!plugin || !lang) {
        utterance.onerror?.(plugin ? 'language-unavailable' : 'synthesis-unavailable')
        return
      }
      const job = { cancelled: false, utterance }
      current = job
      void run(job, lang)
    },
    cancel,
  }
}
