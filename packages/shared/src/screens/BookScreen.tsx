/**
 * 预约挂号 in four steps: department or service → day → time → confirm, then 预约成功 with the
 * ticket number. Also changes an existing booking (reschedule) from 我的记录, starting at the day.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useReducer, useState } from 'react'
import type { Provider } from '@bangban/core/api/booking'
import { newIdempotencyKey } from '@bangban/core/api/common'
import type { ApiError } from '@bangban/core/api/errors'
import { shanghaiDate } from '@bangban/core/domain/time'
import { displayDate, displayDateWithYear, displayTimeRange } from '@bangban/core/format/display'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { ChoiceList } from '../ui/Choice'
import { Heading } from '../ui/Heading'
import { Notice } from '../ui/Notice'
import { ScreenFrame } from '../frame/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goBack, goTo, pageParams } from '../visit/nav'
import { asApiError, useApi, useLoad } from '../visit/useApi'
import { auditHeadLines } from './auditHeadLine'
import { SubscribeOffer } from './wechat/SubscribeOffer'
import {
  BOOK_STEPS,
  bookReducer,
  confirmLabelKey,
  exitsOnBack,
  initialBookState,
  isSlotGone,
  promptKeyOf,
  signInParams,
  stepOf,
  titleKeyOf,
} from './book/flow'

export function BookScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { session } = useAppState()
  const [state, dispatch] = useReducer(bookReducer, null, () => initialBookState(pageParams()))
  const { serviceId, date, slot, rescheduleId, result } = state
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [printed, setPrinted] = useState<'idle' | 'printing' | 'done' | 'failed'>('idle')
  const [idempotencyKey] = useState(() => newIdempotencyKey('book'))
  const today = shanghaiDate()

  const providers = useLoad(() => api.call('listProviders'), [api])
  const availability = useLoad(
    serviceId ? () => api.call('listAvailability', { query: { serviceId } }) : null,
    [api, serviceId],
  )
  const slots = useLoad(
    serviceId && date ? () => api.call('listSlots', { query: { serviceId, date } }) : null,
    [api, serviceId, date],
  )
  // A slot carried through sign-in comes back as an id: the day's slots name it.
  useEffect(() => {
    if (slots.data) dispatch({ type: 'slotsLoaded', slots: slots.data })
  }, [slots.data])

  const step = stepOf(state)
  const service = useMemo(() => {
    for (const provider of providers.data ?? []) {
      const found = provider.services.find((s) => s.id === serviceId)
      if (found) return { provider, service: found }
    }
    return null
  }, [providers.data, serviceId])

  const summary =
    service && date && slot
      ? {
          place: service.provider.name,
          service: service.service.name,
          day: displayDate(t, date, today),
          time: displayTimeRange(t, slot.startsAt, slot.endsAt),
        }
      : null

  // The confirm and success prompts read the summary: silent until the names have loaded.
  const prompt =
    step >= 4 && !summary
      ? null
      : t(promptKeyOf(state, !!session), {
          service: service?.service.name ?? '',
          day: date ? displayDate(t, date, today) : '',
          ...summary,
          ticket: result?.ticketNo ?? '',
        })
  const { repeat, say } = useScreenVoice(prompt)

  const back = () => {
    setError(null)
    if (exitsOnBack(state)) goBack()
    else dispatch({ type: 'back' })
  }

  const confirm = async () => {
    if (step !== 4 || !slot) return
    if (!session) {
      const carried = signInParams(state)
      if (carried) goTo('signIn', carried)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const appointment = rescheduleId
        ? await api.call('rescheduleAppointment', { params: { id: rescheduleId }, body: { slotId: slot.id } })
        : await api.call('createAppointment', { body: { slotId: slot.id }, idempotencyKey })
      dispatch({ type: 'booked', appointment })
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
      dispatch({ type: 'failed', code: apiError.code })
      if (isSlotGone(apiError.code)) slots.reload()
    } finally {
      setBusy(false)
    }
  }

  const print = async () => {
    if (!platform.devices || !result || !summary) return
    setPrinted('printing')
    try {
      const head = await auditHeadLines(api, t)
      await platform.devices.printReceipt({
        title: t('book.receiptTitle'),
        highlight: result.ticketNo,
        lines: [
          { label: t('book.place'), value: summary.place },
          { label: t('book.service'), value: summary.service },
          // Paper is read later: the date with its year, never 今天.
          { label: t('book.day'), value: date ? displayDateWithYear(t, date) : summary.day },
          { label: t('book.time'), value: summary.time },
          ...head,
        ],
        qr: result.id,
      })
      setPrinted('done')
      say(t('book.printed'))
    } catch {
      setPrinted('failed')
      say(t('book.printFailed'))
    }
  }

  return (
    <ScreenFrame
      title={t(titleKeyOf(state))}
      {...(result ? { finished: true } : { step: { current: step, total: BOOK_STEPS } })}
      onRepeat={repeat}
      onBack={back}
      hideBack={!!result}
      // 语音操作: saying 确认预约 presses the button, only while it can be pressed.
      commands={step === 4 && !busy ? { confirm: () => void confirm() } : {}}
    >
      {error ? <ErrorView error={error} /> : null}
      {step === 1 ? (
        <ServiceStep
          providers={providers.data}
          error={providers.error}
          onRetry={providers.reload}
          onChoose={(id) => dispatch({ type: 'chooseService', serviceId: id })}
        />
      ) : null}
      {step === 2 ? (
        availability.loading ? (
          <Waiting text={t('common.loading')} />
        ) : availability.error ? (
          <ErrorView error={availability.error} onRetry={availability.reload} />
        ) : (
          <ChoiceList
            label={t('book.stepDay')}
            columns={2}
            items={(availability.data ?? []).map((d) => ({
              id: d.date,
              label: displayDate(t, d.date, today),
              detail: d.remaining > 0 ? t('book.remaining', { count: d.remaining }) : t('book.full'),
              disabled: d.remaining === 0,
            }))}
            onChoose={(day) => dispatch({ type: 'chooseDate', date: day })}
          />
        )
      ) : null}
      {step === 3 ? (
        slots.loading ? (
          <Waiting text={t('common.loading')} />
        ) : slots.error ? (
          <ErrorView error={slots.error} onRetry={slots.reload} />
        ) : (slots.data ?? []).length === 0 ? (
          <Notice kind="info" title={t('book.noSlots')} />
        ) : (
          <ChoiceList
            label={t('book.stepTime')}
            columns={2}
            items={(slots.data ?? []).map((s) => ({
              id: s.id,
              label: displayTimeRange(t, s.startsAt, s.endsAt),
              detail: s.remaining > 0 ? t('book.remaining', { count: s.remaining }) : t('book.full'),
              disabled: s.remaining === 0,
            }))}
            onChoose={(id) => {
              const chosen = slots.data?.find((s) => s.id === id)
              if (chosen) dispatch({ type: 'chooseSlot', slot: chosen })
            }}
          />
        )
      ) : null}
      {step >= 4 && summary ? (
        <View className="bb-card" data-testid="booking-summary">
          {result ? (
            <>
              <Text className="bb-text">{t('book.ticketLabel')}</Text>
              <Text className="bb-display" data-testid="ticket-no">
                {result.ticketNo}
              </Text>
            </>
          ) : null}
          <SummaryRow label={t('book.place')} value={summary.place} />
          <SummaryRow label={t('book.service')} value={summary.service} />
          <SummaryRow label={t('book.day')} value={summary.day} />
          <SummaryRow label={t('book.time')} value={summary.time} />
        </View>
      ) : null}
      {step === 4 ? (
        <View className="bb-actions">
          {busy ? <Waiting text={t('book.booking')} /> : null}
          <Button
            variant="primary"
            label={t(confirmLabelKey(state, !!session))}
            onPress={() => void confirm()}
            disabled={busy}
            testId="confirm-booking"
          />
        </View>
      ) : null}
      {result ? (
        <>
          <Text className="bb-text">{t('book.arriveHint')}</Text>
          <View className="bb-actions">
            {platform.devices ? (
              <Button
                label={t('book.print')}
                icon="printer"
                onPress={() => void print()}
                disabled={printed === 'printing'}
                testId="print"
              />
            ) : null}
            <SubscribeOffer kind="appointment" />
            <Button label={t('home.records')} onPress={() => goTo('records')} />
          </View>
          {printed === 'done' ? <Notice kind="success" title={t('book.printed')} /> : null}
          {printed === 'failed' ? <Notice kind="error" title={t('book.printFailed')} /> : null}
        </>
      ) : null}
    </ScreenFrame>
  )
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <View className="bb-row">
      <Text className="bb-row-label">{label}</Text>
      <Text className="bb-row-value">{value}</Text>
    </View>
  )
}

function ServiceStep({
  providers,
  error,
  onRetry,
  onChoose,
}: {
  providers: Provider[] | null
  error: ApiError | null
  onRetry: () => void
  onChoose: (id: string) => void
}) {
  const t = useT()
  if (error) return <ErrorView error={error} onRetry={onRetry} />
  if (!providers) return <Waiting text={t('common.loading')} />
  return (
    <>
      {providers.map((provider) => (
        <View key={provider.id} className="bb-choices">
          <Heading level={2} text={provider.name} />
          <ChoiceList
            label={provider.name}
            columns={2}
            items={provider.services.map((s) => ({ id: s.id, label: s.name }))}
            onChoose={onChoose}
          />
        </View>
      ))}
    </>
  )
}
