/**
 * 叫号 on the helper console: the helper's window, how many are waiting, and 叫下一位, which calls
 * the oldest waiting number to that window and shows it large. Every kiosk then shows and says
 * "请 H012 号到 2 号窗口" (the call display), this one included.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import type { QueueCall } from '@bangban/core/api/queue'
import { useT } from '../../i18n/useT'
import { pollQueueNow, useCallBoard } from '../../queue/useQueueCalls'
import { Button } from '../../ui/Button'
import { Heading } from '../../ui/Heading'
import { Notice } from '../../ui/Notice'
import { Pressable } from '../../ui/Pressable'
import { ErrorView } from '../ErrorView'
import { asApiError } from '../../visit/useApi'
import { useStaffApi } from '../../visit/staffSession'
import { a11y } from '../../ui/a11y'

/** The windows a helper can pick; the service takes 1–99, a community centre has a few. */
export const WINDOWS = [1, 2, 3, 4, 5, 6] as const

/**
 * The window stays chosen on this kiosk while the page lives, across helpers and visits: a
 * console kiosk stands at one window, and the number is no one's personal data.
 */
let chosenWindow: number = WINDOWS[0]

export function CounterCalls({ onSay }: { onSay: (text: string) => void }) {
  const t = useT()
  const api = useStaffApi()
  const { waiting } = useCallBoard()
  const [windowNo, setWindowNo] = useState(chosenWindow)
  const [called, setCalled] = useState<QueueCall | null>(null)
  const [empty, setEmpty] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const choose = (n: number) => {
    chosenWindow = n
    setWindowNo(n)
  }

  const callNext = async () => {
    setBusy(true)
    setError(null)
    setEmpty(false)
    try {
      setCalled(await api.call('callNextNumber', { body: { windowNo } }))
    } catch (e) {
      const apiError = asApiError(e)
      setCalled(null)
      if (apiError.code === 'QUEUE_EMPTY') setEmpty(true)
      else setError(apiError)
      onSay(t(`errors.${apiError.code}`))
    } finally {
      setBusy(false)
      pollQueueNow()
    }
  }

  return (
    <View className="bb-card bb-counter" data-testid="counter-calls">
      <Heading level={2} text={t('queue.counterTitle')} />
      <View className="bb-setting" {...a11y({ role: 'radiogroup', 'aria-label': t('queue.windowLabel') })}>
        {WINDOWS.map((n) => (
          <Pressable
            key={n}
            role="radio"
            selected={windowNo === n}
            label={t('queue.windowN', { window: n })}
            onPress={() => choose(n)}
            className="bb-chip"
            testId={`window-${n}`}
          >
            <Text>{t('queue.windowN', { window: n })}</Text>
          </Pressable>
        ))}
      </View>
      {waiting !== null ? (
        <Text className="bb-text" data-testid="queue-waiting">
          {t('queue.waitingCount', { count: waiting })}
        </Text>
      ) : null}
      {called ? (
        <View className="bb-counter-called" {...a11y({ role: 'status' })}>
          <Text className="bb-row-label">{t('queue.calledLabel')}</Text>
          <Text className="bb-display" data-testid="called-number">
            {called.ticketNo}
          </Text>
          <Text className="bb-text">{t('queue.windowN', { window: called.windowNo })}</Text>
        </View>
      ) : null}
      {empty ? <Notice kind="info" title={t('queue.empty')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      <View className="bb-actions">
        <Button
          label={t('queue.callNext')}
          icon="helper"
          onPress={() => void callNext()}
          disabled={busy}
          testId="call-next"
        />
      </View>
    </View>
  )
}
