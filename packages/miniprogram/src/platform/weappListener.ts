/**
 * The mini-program's ears for 语音操作: WechatSI's recognition (Mandarin, Cantonese, English),
 * asking for the microphone (scope.record) at the first 说话, not before. Without the plugin
 * the listener is unavailable and the 语音操作 setting does not show.
 */
import { askingFirst, type VoiceListener } from '@bangban/shared/voice/commands/listener'
import { wechatListener } from '@bangban/shared/voice/commands/wechatListener'
import { loadWechatSI } from '@bangban/shared/voice/wechat/api'
import Taro from '@tarojs/taro'

export function weappListener(): VoiceListener {
  const plugin = loadWechatSI(typeof requirePlugin === 'function' ? (name) => requirePlugin(name) : undefined)
  return askingFirst(wechatListener(plugin), () =>
    Taro.authorize({ scope: 'scope.record' }).then(
      () => true,
      () => false,
    ),
  )
}
