/**
 * The kiosk's voice, in fallback order: the prerecorded clips shipped with this build (no network,
 * no OS voice needed), then the OS voices through speechSynthesis. The on-screen "cannot speak"
 * sign shows only when neither is available.
 */
import type { Language } from '@bangban/core/i18n'
import { appStore } from '@bangban/shared/state/appStore'
import { speakerChain } from '@bangban/shared/voice/chain'
import type { ClipInventory } from '@bangban/shared/voice/clips/inventory'
import { segmentSpeaker } from '@bangban/shared/voice/clips/segmentSpeaker'
import { webAudioOut } from '@bangban/shared/voice/clips/webAudio'
import { asEngine, type Speaker, type SpeechEngine } from '@bangban/shared/voice/speaker'

/** Copied into the build by config/index.ts from assets/voice (see assets/voice/README.md). */
const CLIP_BASE = './voice/'

export interface VoiceDiagnostics {
  /** What each utterance did, with performance.now() times: the benchmark reads this. */
  readonly log: Array<{
    kind: 'speak' | 'start' | 'end' | 'error' | 'engine'
    at: number
    detail?: string
    /** On 'speak': the names of the controls on screen when the prompt was said. */
    controls?: string[]
    /** On 'speak': the language it was said in. */
    lang?: Language
  }>
}

const CONTROLS =
  'button, a[href], [role="button"], [role="radio"], [role="checkbox"], [role="link"], [role="tab"], [role="switch"], [role="menuitem"]'

/** The names of the controls a person can see now (hidden pages and dialogs behind others left out). */
function visibleControls(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>(CONTROLS)).flatMap((el) => {
    if (el.getClientRects().length === 0 || el.closest('[aria-hidden="true"], [inert]')) return []
    if (window.getComputedStyle(el).visibility === 'hidden') return []
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()
    return name ? [name] : []
  })
}

declare global {
  interface Window {
    bangbanVoice?: VoiceDiagnostics
  }
}

async function loadInventory(lang: Language): Promise<ClipInventory> {
  const response = await fetch(`${CLIP_BASE}inventory/${lang}.json`)
  if (!response.ok) throw new Error(`no clip inventory for ${lang}: HTTP ${response.status}`)
  return (await response.json()) as ClipInventory
}

function clipEngine(): SpeechEngine | null {
  if (typeof window.AudioContext === 'undefined') return null
  const ctx = new window.AudioContext({ latencyHint: 'interactive' })
  // The Electron shell lets audio start on its own; a plain browser keeps it suspended until the
  // first touch, and then the welcome should be heard at once, not at the next prompt.
  const unlock = () => {
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
  }
  for (const event of ['pointerdown', 'keydown'] as const)
    window.addEventListener(event, unlock, { capture: true, passive: true })
  const engine = segmentSpeaker({
    loadInventory,
    out: webAudioOut(ctx, { baseUrl: CLIP_BASE, fetch: (url) => window.fetch(url) }),
  })
  // The first prompt must not wait for the inventories: fetch them while the first screen renders.
  const first = appStore.get().language
  void engine.prepare(first).catch(() => undefined)
  for (const lang of ['zh-CN', 'zh-HK', 'en'] as const)
    if (lang !== first) void engine.prepare(lang).catch(() => undefined)
  return engine
}

/** Records every utterance's events with times, for tests and the benchmark (simulator builds only). */
function withDiagnostics(engine: SpeechEngine, diagnostics: VoiceDiagnostics): SpeechEngine {
  const note = (kind: VoiceDiagnostics['log'][number]['kind'], detail?: string) =>
    diagnostics.log.push({ kind, at: performance.now(), detail })
  return {
    ...engine,
    speak(utterance) {
      const controls = visibleControls()
      diagnostics.log.push({
        kind: 'speak',
        at: performance.now(),
        detail: utterance.text,
        controls,
        lang: utterance.lang,
      })
      // A page that is opening (after sign-in the job's page speaks before it shows) may not show yet:
      // look again once it has.
      for (const ms of [300, 1200]) window.setTimeout(() => controls.push(...visibleControls()), ms)
      engine.speak({
        ...utterance,
        onstart: () => {
          note('start', utterance.text)
          utterance.onstart?.()
        },
        onend: () => {
          note('end', utterance.text)
          utterance.onend?.()
        },
        onerror: (error) => {
          note('error', error)
          utterance.onerror?.(error)
        },
      })
    },
  }
}

export function kioskSpeaker(osVoice: Speaker): Speaker {
  const clips = clipEngine()
  const diagnostics: VoiceDiagnostics = { log: [] }
  const chain = speakerChain([...(clips ? [clips] : []), asEngine(osVoice, 'web-speech')], {
    onEngine: (id) => diagnostics.log.push({ kind: 'engine', at: performance.now(), detail: id }),
  })
  if (!BANGBAN_SIMULATORS) return chain
  window.bangbanVoice = diagnostics
  return withDiagnostics(chain, diagnostics)
}
