/**
 * 到时候在微信里提醒我 / 有进展时在微信里告诉我: offered in the mini-program after a booking or a
 * report, only when the service has a template for it. One tap, WeChat's own sheet, no pop-up of ours.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MessageKind } from '@bangban/core/api/wechat'
import { useT } from '../../i18n/useT'
import { usePlatform } from '../../platform/PlatformContext'
import { Button } from '../../ui/Button'
import { useApi, useLoad } from '../../visit/useApi'
import { askForMessages } from './subscribe'
import { a11y } from '../../ui/a11y'

export function SubscribeOffer({ kind }: { kind: MessageKind }) {
  const t = useT()
  const api = useApi()
  const { wechat } = usePlatform()
  const templates = useLoad(wechat ? () => api.call('wechatSubscribeTemplates') : null, [api, wechat])
  const [answer, setAnswer] = useState<'idle' | 'asking' | 'yes' | 'no'>('idle')
  const templateId = templates.data?.[kind] ?? null
  if (!wechat || !templateId) return null
  if (answer === 'yes' || answer === 'no')
    return (
      <View className="bb-card" {...a11y({ role: 'status' })}>
        <Text className="bb-text">{t(answer === 'yes' ? 'weapp.subscribed' : 'weapp.notSubscribed')}</Text>
      </View>
    )
  const ask = () => {
    setAnswer('asking')
    askForMessages(wechat, api, kind, templateId).then(
      (yes) => setAnswer(yes ? 'yes' : 'no'),
      () => setAnswer('no'),
    )
  }
  return (
    <Button
      label={t(kind === 'appointment' ? 'weapp.remindMe' : 'weapp.notifyMe')}
      onPress={ask}
      disabled={answer === 'asking'}
      testId={`subscribe-${kind}`}
    />
  )
}
