/**
 * The way out of the QR code for someone without WeChat Pay: pay cash at the 代帮办 window. One
 * press takes the visit's number (the same 取号 as 呼叫帮办员: one number per visit), shows it large
 * and says it. The QR code stays open until the helper takes the cash, which closes it.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { Notice } from '../ui/Notice'
import { asApiError } from '../visit/useApi'
import { useScreenVoice } from '../visit/useScreenVoice'
import { takeNumberOnce } from './takeNumber'
import { spokenKey } from '../voice/spokenKey'
import { queueApi } from './useQueueCalls'

export function PayAtWindow({ amount }: { amount: string }) {
  const t = useT()
  const platform = usePlatform()
  const { queue } = useAppState()
  const { say } = useScreenVoice(null)
  const [asked, setAsked] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const take = () => {
    setAsked(true)
    setError(null)
    takeNumberOnce(queueApi(platform), appStore).then(
      (taken) => {
        if (taken) say(t(spokenKey('voice.pay.cashAtWindow'), { ticket: taken.ticket.ticketNo, amount }))
      },
      (e: unknown) => {
        const apiError = asApiError(e)
        setError(apiError)
        say(t(`errors.${apiError.code}`))
      },
    )
  }

  if (!asked)
    return (
      <View className="bb-actions">
        <Button label={t('pay.noWechat')} onPress={take} icon="helper" testId="pay-at-window" />
      </View>
    )
  if (error) return <Notice kind="error" title={t(`errors.${error.code}`)} />
  if (queue?.status !== 'taken') return <Notice kind="info" title={t('queue.taking')} />
  return (
    <Notice kind="info" title={t('pay.cashAtWindowTitle')}>
      <Text className="bb-display bb-queue-number" data-testid="pay-at-window-number">
        {queue.ticket.ticketNo}
      </Text>
      <Text className="bb-text">{t('pay.cashAtWindowHint', { amount })}</Text>
    </Notice>
  )
}
