/**
 * 叫号 on screen: the watcher (once, at the kiosk app's root) and the calm banner every screen
 * shows at the top of its content, "请 H012 号到 2 号窗口", newest first, until it times out or is
 * closed.
 */
import { Text, View } from '@tarojs/components'
import { useT } from '../i18n/useT'
import { Pressable } from '../ui/Pressable'
import { a11y } from '../ui/a11y'
import { useAppState } from '../state/useAppState'
import { isOwnCall } from './callBoard'
import { dismissCalls, useCallBoard, useQueueCallWatcher } from './useQueueCalls'

export function QueueCallWatcher() {
  useQueueCallWatcher()
  return null
}

export function QueueCallBanner() {
  const t = useT()
  const { shown } = useCallBoard()
  const { queue } = useAppState()
  const own = queue?.status === 'taken' ? queue.ticket.ticketNo : null
  if (shown.length === 0) return null
  return (
    <View className="bb-call-banner" {...a11y({ role: 'region', 'aria-label': t('queue.boardLabel') })}>
      <View className="bb-call-list" {...a11y({ role: 'status', 'data-testid': 'call-banner' })}>
        {shown.map(({ call }, index) => (
          <Text
            key={`${call.ticketNo}|${call.calledAt}`}
            className={`${index === 0 ? 'bb-call-latest' : 'bb-call-earlier'}${isOwnCall(call, own) ? ' bb-call-own' : ''}`}
          >
            {t(isOwnCall(call, own) ? 'queue.yourTurn' : 'queue.called', {
              ticket: call.ticketNo,
              window: call.windowNo,
            })}
          </Text>
        ))}
      </View>
      <Pressable
        label={t('common.close')}
        onPress={dismissCalls}
        className="bb-link"
        testId="call-banner-close"
      >
        <Text>{t('common.close')}</Text>
      </Pressable>
    </View>
  )
}
