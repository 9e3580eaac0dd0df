/**
 * Plays a clip plan: every clip is fetched at once, then each is scheduled on the audio clock right
 * after the one before it plus its pause, so the sentence comes out joined without timer jitter.
 * Nothing sounds until all clips are in: a missing clip fails the utterance before any sound, so
 * the next engine can say it whole instead of finishing a half-said sentence.
 */
import type { SpeechErrorCode } from '../speaker'
import type { ClipRef } from './inventory'
import type { PlanItem } from './plan'

/** The audio system at the boundary (WebAudio in the kiosk, a virtual clock in tests). */
export interface AudioOut<Clip> {
  load(ref: ClipRef): Promise<Clip>
  /** Seconds. */
  duration(clip: Clip): number
  /** The audio clock, in seconds. */
  now(): number
  /** Starts `clip` at audio time `at`; the returned function stops it (also if not yet started). */
  play(clip: Clip, at: number, volume: number): () => void
  /** Resolves when sound can be made (an autoplay policy may hold it back). */
  ready(): Promise<void>
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Scheduled {
  readonly clip: ClipRef
  readonly text: string
  /** Audio time, seconds. */
  readonly at: number
  readonly duration: number
}

export interface PlayOptions {
  /** 0.8 for slow speech: pauses are stretched by 1/rate, clips keep their natural pitch. */
  readonly rate: number
  readonly volume: number
  readonly onstart?: () => void
  readonly onend?: () => void
  readonly onerror?: (error: SpeechErrorCode) => void
  readonly timers?: Timers
}

export interface Playback {
  cancel(): void
  /** The schedule, complete once every clip is placed. */
  readonly scheduled: Promise<readonly Scheduled[]>
}

/** Lead time so the first clip is never scheduled in the past. */
export const LEAD_SECONDS = 0.02

export function playPlan<Clip>(
  items: readonly PlanItem[],
  out: AudioOut<Clip>,
  options: PlayOptions,
): Playback {
  const timers = options.timers ?? realTimers
  const stops: Array<() => void> = []
  const pending: unknown[] = []
  let cancelled = false
  let finished = false
  const end = () => {
    finished = true
    options.onend?.()
  }
  const later = (seconds: number, fn: () => void) =>
    pending.push(timers.setTimeout(fn, Math.max(0, Math.round(seconds * 1000))))
  const stopAll = () => {
    stops.forEach((stop) => stop())
    pending.forEach((handle) => timers.clearTimeout(handle))
  }

  const loads = Promise.all(items.map((item) => ('clip' in item ? out.load(item.clip) : null)))

  const schedule = async (): Promise<Scheduled[]> => {
    const placed: Scheduled[] = []
    const clips = await loads
    if (cancelled) return placed
    await out.ready()
    if (cancelled) return placed
    let cursor: number | null = null
    let gap = 0
    for (const [i, item] of items.entries()) {
      if ('pause' in item) {
        gap += item.pause / 1000 / options.rate
        continue
      }
      const clip = clips[i]!
      const earliest = out.now() + LEAD_SECONDS
      const at: number = cursor === null ? earliest : Math.max(cursor + gap, earliest)
      stops.push(out.play(clip, at, options.volume))
      const duration = out.duration(clip)
      placed.push({ clip: item.clip, text: item.text, at, duration })
      if (cursor === null) later(at - out.now(), () => options.onstart?.())
      cursor = at + duration
      gap = 0
    }
    if (cursor === null) end()
    else later(cursor - out.now(), end)
    return placed
  }

  const scheduled = schedule().catch((error: unknown) => {
    if (!cancelled) {
      cancelled = true
      stopAll()
      options.onerror?.(
        error instanceof Error && /network|fetch/i.test(error.message) ? 'network' : 'synthesis-failed',
      )
    }
    return []
  })

  return {
    scheduled,
    cancel() {
      if (cancelled || finished) return
      cancelled = true
      stopAll()
      options.onerror?.('interrupted')
    },
  }
}
