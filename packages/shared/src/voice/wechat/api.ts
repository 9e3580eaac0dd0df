/**
 * The parts of WeChat's APIs the voice uses, typed from their published documentation: the
 * 同声传译 plugin (WechatSI) and the inner audio context. Tests put fakes here, at the boundary.
 */

/** WechatSI `textToSpeech` success: an audio link that expires (`expired_time`, Unix seconds). */
export interface TtsResult {
  readonly retcode: number
  readonly origin: string
  readonly filename: string
  readonly expired_time: number
}

export interface TtsFailure {
  /** -20001 … -20005 synthesis errors, -40001 too many calls. */
  readonly retcode: number
  readonly msg?: string
}

export interface RecognitionResult {
  readonly result: string
  readonly tempFilePath?: string
  readonly duration?: number
}

export interface RecordRecognitionManager {
  start(options: { duration?: number; lang: 'zh_CN' | 'en_US' | 'zh_HK' | 'sichuanhua' }): void
  stop(): void
  onStart: (() => void) | null
  onRecognize: ((res: RecognitionResult) => void) | null
  onStop: ((res: RecognitionResult) => void) | null
  onError: ((res: { retcode: number; msg?: string }) => void) | null
}

export interface WechatSIPlugin {
  textToSpeech(options: {
    lang: 'zh_CN' | 'en_US'
    tts: true
    content: string
    success: (res: TtsResult) => void
    fail: (res: TtsFailure) => void
  }): void
  getRecordRecognitionManager(): RecordRecognitionManager
}

export interface InnerAudioContext {
  src: string
  volume: number
  playbackRate: number
  autoplay: boolean
  /** Older base libraries: the per-context form of setInnerAudioOption. */
  obeyMuteSwitch?: boolean
  play(): void
  stop(): void
  destroy(): void
  onPlay(callback: () => void): void
  onEnded(callback: () => void): void
  onError(callback: (res: { errCode: number; errMsg: string }) => void): void
}

export interface WechatAudioApi {
  createInnerAudioContext(): InnerAudioContext
  setInnerAudioOption?(options: { obeyMuteSwitch: boolean; mixWithOther?: boolean }): void
}

/** WechatSI's ids for our languages: it speaks Mandarin and English only. */
export const WECHAT_TTS_LANG = { 'zh-CN': 'zh_CN', en: 'en_US' } as const

/** `requirePlugin` throws when the plugin is not declared or not authorised: no plugin, no engine. */
export function loadWechatSI(requirePlugin: ((name: string) => unknown) | undefined): WechatSIPlugin | null {
  try {
    const plugin = requirePlugin?.('WechatSI') as WechatSIPlugin | undefined
    return plugin && typeof plugin.textToSpeech === 'function' ? plugin : null
  } catch {
    return null
  }
}
