/**
 * A listener over WechatSI's record recognition manager (Mandarin, Cantonese and English). Needs
 * the user's scope.record permission; the mini-program asks for it only when commands are on.
 */
import type { Language } from '@bangban/core/i18n'
import type { WechatSIPlugin } from '../wechat/api'
import type { VoiceListener } from './listener'

const ASR_LANG = { 'zh-CN': 'zh_CN', 'zh-HK': 'zh_HK', en: 'en_US' } as const

/** WechatSI records at most 60 s per call. */
const MAX_DURATION_MS = 60000

export function wechatListener(plugin: WechatSIPlugin | null): VoiceListener {
  let stopCurrent: (() => void) | null = null
  return {
    id: 'wechat-si',
    available: () => plugin !== null,
    stop: () => stopCurrent?.(),
    listen: ({ lang, timeoutMs }: { lang: Language; timeoutMs: number }) =>
      new Promise((resolve, reject) => {
        if (!plugin) return resolve(null)
        stopCurrent?.()
        const manager = plugin.getRecordRecognitionManager()
        let settled = false
        const settle = (value: string | null, error?: string) => {
          if (settled) return
          settled = true
          stopCurrent = null
          manager.onStop = null
          manager.onError = null
          if (error) reject(new Error(`WechatSI recognition: ${error}`))
          else resolve(value)
        }
        manager.onStop = (res) => settle(res.result.trim() || null)
        manager.onError = (res) => settle(null, `retcode ${res.retcode}`)
        stopCurrent = () => {
          manager.stop()
          settle(null)
        }
        manager.start({ duration: Math.min(timeoutMs, MAX_DURATION_MS), lang: ASR_LANG[lang] })
      }),
  }
}
