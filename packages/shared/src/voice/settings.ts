/** How the visit's voice speaks: chosen by the resident for this visit only. */
export interface SpeechSettings {
  readonly muted: boolean
  readonly slow: boolean
  /** 0 – 1, one of the three levels of voice/volume.ts. */
  readonly volume: number
  /** 语音操作: the 说话 button, where the platform can listen. Off until the resident turns it on. */
  readonly commands: boolean
}
