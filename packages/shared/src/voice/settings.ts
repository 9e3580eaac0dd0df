/** How the visit's voice speaks: chosen by the resident for this visit only. */
export interface SpeechSettings {
  readonly muted: boolean
  readonly slow: boolean
  /** 0 – 1, one of the three levels of voice/volume.ts. */
  readonly volume: number
  /** 语音操作: the 说话 button, where the platform can listen. Off until the resident turns it on. */
  readonly commands: boolean
}

/** What every visit starts with: the kiosk's configuration sets them, the resident changes them for one visit. */
export interface SpeechDefaults {
  readonly slow: boolean
  /** 0 – 1; a kiosk starts at 中 so a visit ends no louder than the hall allows (EN 301 549: ≤ 65 dBA). */
  readonly volume: number
}

let defaults: SpeechDefaults = { slow: false, volume: 1 }
/** A handset or headphones: the kiosk's configuration says one is fitted (the shell may report one too). */
let privateAudio = false

export function setSpeechDefaults(next: Partial<SpeechDefaults>): void {
  defaults = { ...defaults, ...next }
}

/** A visit's speech as it starts: not muted, the kiosk's speed and volume, no voice commands. */
export function visitSpeech(): SpeechSettings {
  return { muted: false, slow: defaults.slow, volume: defaults.volume, commands: false }
}

/** Whether the resident changed nothing about the voice (then the idle wipe has nothing of theirs to reset). */
export function isVisitDefault(speech: SpeechSettings): boolean {
  const start = visitSpeech()
  return (
    speech.muted === start.muted &&
    speech.slow === start.slow &&
    speech.volume === start.volume &&
    speech.commands === start.commands
  )
}

export function setPrivateListening(fitted: boolean): void {
  privateAudio = fitted
}

export function privateListening(): boolean {
  return privateAudio
}

/**
 * EN 301 549 §5.1.3.9: a prompt with personal data (an amount owed, a phone number, an address, a
 * code) is said in its "请看屏幕" form (the same key + `Public`) unless the resident listens privately.
 */
export function personalPromptKey(key: string, exists: (key: string) => boolean): string {
  return !privateAudio && exists(`${key}Public`) ? `${key}Public` : key
}
