/**
 * Clips in the mini-program (its Cantonese voice): inner audio contexts started on a timer, one per
 * clip. Durations come from the clip index the generator writes, because an inner audio context
 * knows its duration only once it plays.
 */
import type { ClipRef } from '../clips/inventory'
import type { AudioOut } from '../clips/player'
import { clipUrl } from '../clips/webAudio'
import type { WechatAudioApi } from './api'

export interface InnerAudioClip {
  readonly url: string
  readonly duration: number
}

export interface InnerAudioOutOptions {
  readonly audio: WechatAudioApi
  readonly baseUrl: string
  /** Clip durations in ms by ref, from `clips/index.json`. */
  readonly durations: () => Promise<ReadonlyMap<ClipRef, number>>
}

export function innerAudioOut(options: InnerAudioOutOptions): AudioOut<InnerAudioClip> {
  let optionSet = false
  return {
    async load(ref) {
      const ms = (await options.durations()).get(ref)
      if (ms === undefined) throw new Error(`clip ${ref} is not in the clip index`)
      return { url: clipUrl(options.baseUrl, ref), duration: ms / 1000 }
    },
    duration: (clip) => clip.duration,
    now: () => Date.now() / 1000,
    ready: async () => {
      if (optionSet) return
      options.audio.setInnerAudioOption?.({ obeyMuteSwitch: false })
      optionSet = true
    },
    play(clip, at, volume) {
      let ctx: ReturnType<WechatAudioApi['createInnerAudioContext']> | null = null
      const timer = setTimeout(
        () => {
          ctx = options.audio.createInnerAudioContext()
          ctx.obeyMuteSwitch = false
          ctx.volume = volume
          ctx.src = clip.url
          ctx.onEnded(() => {
            ctx?.destroy()
            ctx = null
          })
          ctx.play()
        },
        Math.max(0, at * 1000 - Date.now()),
      )
      return () => {
        clearTimeout(timer)
        ctx?.stop()
        ctx?.destroy()
        ctx = null
      }
    },
  }
}
