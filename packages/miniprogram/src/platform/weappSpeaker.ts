/**
 * The mini-program's voice: WeChat's 同声传译 plugin for Mandarin and English, and the prerecorded
 * Cantonese clips (WechatSI has no Cantonese), fetched from the service that serves the kiosk build.
 * Without the plugin (not declared, not authorised) Mandarin and English fall silent and the
 * screens show the "cannot speak" sign; Cantonese still speaks from the clips.
 */
import type { Language } from '@bangban/core/i18n'
import { speakerChain } from '@bangban/shared/voice/chain'
import type { ClipInventory, ClipRef } from '@bangban/shared/voice/clips/inventory'
import { segmentSpeaker } from '@bangban/shared/voice/clips/segmentSpeaker'
import type { Speaker } from '@bangban/shared/voice/speaker'
import { loadWechatSI, type WechatAudioApi } from '@bangban/shared/voice/wechat/api'
import { innerAudioOut } from '@bangban/shared/voice/wechat/innerAudioOut'
import { wechatSpeaker } from '@bangban/shared/voice/wechat/wechatSpeaker'
import Taro from '@tarojs/taro'

/** The service serves the kiosk build, clips included; its domain must be a download domain. */
const CLIP_BASE = `${BANGBAN_API_BASE_URL}/kiosk/voice/`

async function getJson<T>(url: string): Promise<T> {
  const response = await Taro.request<T>({ url, method: 'GET', dataType: 'json' })
  if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`)
  return response.data
}

function clipDurations(): () => Promise<ReadonlyMap<ClipRef, number>> {
  let loading: Promise<ReadonlyMap<ClipRef, number>> | null = null
  return () =>
    (loading ??= getJson<{ clips: Record<string, Record<string, number>> }>(`${CLIP_BASE}index.json`).then(
      (index) =>
        new Map(
          Object.entries(index.clips).flatMap(([lang, clips]) =>
            Object.entries(clips).map(([id, ms]) => [`${lang}/${id}` as ClipRef, ms] as const),
          ),
        ),
    ))
}

export function weappSpeaker(): Speaker {
  const audio: WechatAudioApi = {
    createInnerAudioContext: () =>
      Taro.createInnerAudioContext() as unknown as ReturnType<WechatAudioApi['createInnerAudioContext']>,
    setInnerAudioOption: (options) => void Taro.setInnerAudioOption(options),
  }
  const plugin = loadWechatSI(typeof requirePlugin === 'function' ? (name) => requirePlugin(name) : undefined)
  const cantonese = segmentSpeaker({
    languages: ['zh-HK'],
    loadInventory: (lang: Language) => getJson<ClipInventory>(`${CLIP_BASE}inventory/${lang}.json`),
    out: innerAudioOut({ audio, baseUrl: CLIP_BASE, durations: clipDurations() }),
  })
  return speakerChain([wechatSpeaker({ plugin, audio }), cantonese])
}
