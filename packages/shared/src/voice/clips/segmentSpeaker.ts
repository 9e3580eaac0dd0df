/**
 * The prompt-segment engine: speaks any normalised text from prerecorded clips (phrases, syllables,
 * words, letters), with no network beyond its own origin and no OS voice.
 */
import type { Language } from '@bangban/core/i18n'
import type { SpeechEngine, VoiceInfo } from '../speaker'
import { indexInventory, type ClipInventory, type InventoryIndex } from './inventory'
import { planClips, type ClipPlan } from './plan'
import { playPlan, type AudioOut, type Playback, type Timers } from './player'

export interface SegmentSpeakerOptions<Clip> {
  readonly loadInventory: (lang: Language) => Promise<ClipInventory>
  readonly out: AudioOut<Clip>
  readonly timers?: Timers
  /** Languages it has clips for (the mini-program carries Cantonese only). */
  readonly languages?: readonly Language[]
}

export interface SegmentEngine extends SpeechEngine {
  /** Loads the inventories of a language ahead of its first prompt. */
  prepare(lang: Language): Promise<void>
  /** The clips that would say a text, or null while the inventories are not loaded. */
  plan(text: string, lang: Language): ClipPlan | null
}

export function segmentSpeaker<Clip>(options: SegmentSpeakerOptions<Clip>): SegmentEngine {
  const languages = options.languages ?? (['zh-CN', 'zh-HK', 'en'] as const)
  const loading = new Map<Language, Promise<InventoryIndex>>()
  const loaded = new Map<Language, InventoryIndex>()
  const failed = new Set<Language>()
  let current: Playback | null = null

  const index = (lang: Language): Promise<InventoryIndex> => {
    let promise = loading.get(lang)
    if (!promise) {
      promise = options.loadInventory(lang).then(indexInventory)
      promise.then(
        (idx) => loaded.set(lang, idx),
        () => failed.add(lang),
      )
      loading.set(lang, promise)
    }
    return promise
  }
  const sources = async (lang: Language) => {
    const own = await index(lang)
    return { own, han: await index(own.inventory.hanFrom) }
  }
  const planNow = (text: string, lang: Language): ClipPlan | null => {
    const own = loaded.get(lang)
    const han = own && loaded.get(own.inventory.hanFrom)
    return own && han ? planClips(text, lang, { own, han }) : null
  }
  const usable = (lang: Language) => languages.includes(lang) && !failed.has(lang)

  return {
    id: 'clips',
    available: () => languages.some(usable),
    getVoices: (): VoiceInfo[] =>
      languages
        .filter(usable)
        .map((lang) => ({ name: `clips-${lang}`, lang, engine: 'clips', localService: true })),
    // Before the inventory arrives, assume the clips cover the prompt: they are built from the same table.
    canSpeak: (text, lang) => usable(lang) && (planNow(text, lang)?.missing.length ?? 0) === 0,
    speaking: () => current !== null,
    prepare: async (lang) => {
      await sources(lang)
    },
    plan: planNow,
    speak(utterance) {
      current?.cancel()
      current = null
      if (!usable(utterance.lang)) {
        utterance.onerror?.('language-unavailable')
        return
      }
      const mine: { playback: Playback | null; cancelled: boolean } = { playback: null, cancelled: false }
      const wrapper: Playback = {
        scheduled: Promise.resolve([]),
        cancel() {
          if (mine.cancelled) return
          mine.cancelled = true
          if (mine.playback) mine.playback.cancel()
          else utterance.onerror?.('interrupted')
        },
      }
      current = wrapper
      const done = () => {
        if (current === wrapper) current = null
      }
      sources(utterance.lang).then(
        (src) => {
          if (mine.cancelled) return
          const { items } = planClips(utterance.text, utterance.lang, src)
          mine.playback = playPlan(items, options.out, {
            rate: utterance.rate,
            volume: utterance.volume,
            timers: options.timers,
            onstart: utterance.onstart,
            onend: () => {
              done()
              utterance.onend?.()
            },
            onerror: (error) => {
              done()
              utterance.onerror?.(error)
            },
          })
        },
        () => {
          done()
          if (!mine.cancelled) utterance.onerror?.('synthesis-unavailable')
        },
      )
    },
    cancel() {
      const playing = current
      current = null
      playing?.cancel()
    },
  }
}
