/**
 * Clips through WebAudio: fetched from the kiosk's own origin (the CSP allows connect-src 'self'),
 * decoded once and kept in a small cache, scheduled sample-accurately on the audio clock.
 */
import type { ClipRef } from './inventory'
import type { AudioOut } from './player'

interface AudioContextLike {
  readonly currentTime: number
  readonly state: string
  readonly destination: unknown
  resume(): Promise<void>
  decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike>
  createBufferSource(): SourceLike
  createGain(): GainLike
}

interface AudioBufferLike {
  readonly duration: number
}

interface SourceLike {
  buffer: AudioBufferLike | null
  connect(node: unknown): void
  start(when: number): void
  stop(): void
  disconnect(): void
}

interface GainLike {
  readonly gain: { value: number }
  connect(node: unknown): void
  disconnect(): void
}

export interface WebAudioOptions {
  /** Where the clips are served, ending in `/`: `<base><lang>/<id>.wav`. */
  readonly baseUrl: string
  readonly fetch: (
    url: string,
  ) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>
  /** Decoded clips kept; prompts repeat, so the common phrases stay warm. */
  readonly cacheSize?: number
}

export function clipUrl(baseUrl: string, ref: ClipRef): string {
  return `${baseUrl}${ref.split('/').map(encodeURIComponent).join('/')}.wav`
}

export function webAudioOut(ctx: AudioContextLike, options: WebAudioOptions): AudioOut<AudioBufferLike> {
  const cacheSize = options.cacheSize ?? 600
  const cache = new Map<ClipRef, Promise<AudioBufferLike>>()

  const load = (ref: ClipRef): Promise<AudioBufferLike> => {
    const hit = cache.get(ref)
    if (hit) {
      // Most recently used last: the Map's order is the eviction order.
      cache.delete(ref)
      cache.set(ref, hit)
      return hit
    }
    const loading = options
      .fetch(clipUrl(options.baseUrl, ref))
      .then((response) => {
        if (!response.ok) throw new Error(`clip ${ref}: HTTP ${response.status}`)
        return response.arrayBuffer()
      })
      .then((data) => ctx.decodeAudioData(data))
    loading.catch(() => cache.delete(ref))
    cache.set(ref, loading)
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value as ClipRef)
    return loading
  }

  return {
    load,
    duration: (clip) => clip.duration,
    now: () => ctx.currentTime,
    ready: async () => {
      if (ctx.state === 'suspended') await ctx.resume()
    },
    play(clip, at, volume) {
      const source = ctx.createBufferSource()
      const gain = ctx.createGain()
      source.buffer = clip
      gain.gain.value = volume
      source.connect(gain)
      gain.connect(ctx.destination)
      source.start(at)
      return () => {
        try {
          source.stop()
        } catch {
          /* already stopped */
        }
        source.disconnect()
        gain.disconnect()
      }
    },
  }
}
