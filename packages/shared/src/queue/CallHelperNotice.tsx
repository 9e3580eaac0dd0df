/**
 * What 呼叫帮办员 shows. At a kiosk a resident takes a number for the counter (取号): shown large,
 * with how many wait ahead, and read aloud. In the mini-program, and for a helper at the kiosk,
 * there is no number to take: the hint where to find help.
 */
import { Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import type { QueueTicket } from '@bangban/core/api/queue'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { asApiError } from '../visit/useApi'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { Notice } from '../ui/Notice'
import { Button } from '../ui/Button'
import { Pressable } from '../ui/Pressable'
import { goTo } from '../visit/nav'
import { useScreenVoice } from '../visit/useScreenVoice'
import { takeNumberOnce } from './takeNumber'
import { queueApi } from './useQueueCalls'

export interface CallHelperNoticeProps {
  /** Counts the presses of 呼叫帮办员: each one shows and says the number again. */
  readonly press: number
  readonly onClose: () => void
}

export function CallHelperNotice({ press, onClose }: CallHelperNoticeProps) {
  const t = useT()
  const platform = usePlatform()
  const { staff, queue } = useAppState()
  const { say } = useScreenVoice(null)
  const takesNumber = platform.kind === 'kiosk' && !staff
  const [fresh, setFresh] = useState<QueueTicket | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  useEffect(() => {
    if (!takesNumber) return undefined
    let current = true
    setError(null)
    takeNumberOnce(queueApi(platform), appStore).then(
      (taken) => {
        if (!taken || !current) return
        const { ticket } = taken
        if (taken.fresh) setFresh(ticket)
        say(
          !taken.fresh
            ? t('voice.queue.again', { ticket: ticket.ticketNo })
            : ticket.waitingAhead === 0
              ? t('voice.queue.takenFirst', { ticket: ticket.ticketNo })
              : t('voice.queue.taken', { ticket: ticket.ticketNo, count: ticket.waitingAhead }),
        )
      },
      (e: unknown) => {
        if (!current) return
        const apiError = asApiError(e)
        setError(apiError)
        say(t(`errors.${apiError.code}`))
      },
    )
    return () => {
      current = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per press
  }, [press, takesNumber])

  const close = (
    <Pressable label={t('common.close')} onPress={onClose} className="bb-link" testId="call-helper-close">
      <Text>{t('common.close')}</Text>
    </Pressable>
  )
  // On a phone at home nobody is at hand: call the community's helper line, or book the counter.
  if (platform.kind === 'weapp')
    return (
      <Notice kind="info" title={t('weapp.helper.title')}>
        {platform.helperLine ? (
          <>
            <Text className="bb-text">{t('weapp.helper.line', { phone: platform.helperLine })}</Text>
            <Button
              variant="primary"
              icon="phone"
              label={t('weapp.helper.call')}
              onPress={() => void platform.wechat?.makePhoneCall(platform.helperLine!).catch(() => undefined)}
              testId="call-helper-line"
            />
          </>
        ) : null}
        <Text className="bb-text">{t('weapp.helper.bookHint')}</Text>
        <Button label={t('weapp.helper.book')} onPress={() => goTo('book')} testId="book-counter" />
        {close}
      </Notice>
    )
  if (!takesNumber)
    return (
      <Notice kind="info" title={t('nav.helperHint')}>
        {close}
      </Notice>
    )
  if (error)
    return (
      <Notice kind="error" title={t(`errors.${error.code}`)}>
        <Text className="bb-text">{t('nav.helperHint')}</Text>
        {close}
      </Notice>
    )
  if (queue?.status !== 'taken')
    return (
      <Notice kind="info" title={t('queue.taking')}>
        {close}
      </Notice>
    )
  const { ticket } = queue
  return (
    <Notice kind="info" title={t('queue.yourNumber')}>
      <Text className="bb-display bb-queue-number" data-testid="queue-number">
        {ticket.ticketNo}
      </Text>
      {fresh === ticket ? (
        <Text className="bb-text bb-queue-ahead">
          {ticket.waitingAhead === 0
            ? t('queue.aheadNone')
            : t('queue.ahead', { count: ticket.waitingAhead })}
        </Text>
      ) : null}
      <Text className="bb-text">{t('queue.takenHint')}</Text>
      {close}
    </Notice>
  )
}
