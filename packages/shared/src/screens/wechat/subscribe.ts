/**
 * Asking for WeChat messages (订阅消息), apart from the screen: WeChat's own sheet is opened
 * first thing in the tap (it opens only on a tap), then what the user allowed is told to the service.
 */
import type { ApiClient } from '@bangban/core/api/client'
import type { MessageKind } from '@bangban/core/api/wechat'
import type { WechatAdapter } from '../../platform/Platform'

export async function askForMessages(
  wechat: Pick<WechatAdapter, 'requestSubscribe'>,
  api: Pick<ApiClient, 'call'>,
  kind: MessageKind,
  templateId: string,
): Promise<boolean> {
  const accepted = await wechat.requestSubscribe([templateId])
  if (!accepted.includes(templateId)) return false
  await api.call('subscribeWechatMessages', { body: { accepted: [kind] } })
  return true
}
