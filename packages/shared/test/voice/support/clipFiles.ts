/**
 * The generated clips on disk (assets/voice), and an AudioOut over them with a virtual clock:
 * the player runs for real on the files, and the test reads back what it scheduled.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Language } from '@bangban/core/i18n'
import { indexInventory, type ClipInventory, type ClipRef } from '../../../src/voice/clips/inventory'
import type { PlanSources } from '../../../src/voice/clips/plan'
import type { AudioOut } from '../../../src/voice/clips/player'
import { durationMs, parseWav, type Pcm } from '../../../src/voice/clips/wav'

export const VOICE_DIR = resolve(__dirname, '../../../../../assets/voice')
export const CLIPS_DIR = join(VOICE_DIR, 'clips')
const HINT = 'run `pnpm voice:clips` to generate the clips'

export function clipPath(ref: ClipRef): string {
  return join(CLIPS_DIR, `${ref}.wav`)
}

export function clipExists(ref: ClipRef): boolean {
  return existsSync(clipPath(ref))
}

export function loadInventory(lang: Language): ClipInventory {
  const path = join(VOICE_DIR, 'inventory', `${lang}.json`)
  if (!existsSync(path)) throw new Error(`no clip inventory at ${path}: ${HINT}`)
  return JSON.parse(readFileSync(path, 'utf8')) as ClipInventory
}

export function planSources(lang: Language): PlanSources {
  const own = indexInventory(loadInventory(lang))
  return {
    own,
    han: own.inventory.hanFrom === lang ? own : indexInventory(loadInventory(own.inventory.hanFrom)),
  }
}

export function readClip(ref: ClipRef): Pcm {
  const path = clipPath(ref)
  if (!existsSync(path)) throw new Error(`missing clip ${ref}: ${HINT}`)
  return parseWav(new Uint8Array(readFileSync(path)))
}

export interface VirtualOut extends AudioOut<{ ref: ClipRef; pcm: Pcm }> {
  /** Moves the audio clock forward. */
  advance(seconds: number): void
  readonly started: Array<{ ref: ClipRef; at: number; volume: number; stopped: boolean }>
}

/** Clips read from disk; `play` records instead of sounding. */
export function fileAudioOut(): VirtualOut {
  let clock = 0
  const started: VirtualOut['started'] = []
  return {
    started,
    advance: (seconds) => {
      clock += seconds
    },
    load: async (ref) => ({ ref, pcm: readClip(ref) }),
    duration: (clip) => durationMs(clip.pcm) / 1000,
    now: () => clock,
    ready: async () => undefined,
    play(clip, at, volume) {
      const entry = { ref: clip.ref, at, volume, stopped: false }
      started.push(entry)
      return () => {
        entry.stopped = true
      }
    },
  }
}
