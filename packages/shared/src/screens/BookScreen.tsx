/**
 * 预约挂号 in four steps: department or service → day → time → confirm, then 预约成功 with the
 * ticket number. Also changes an existing booking (reschedule) from 我的记录, starting at the day.
 */
import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import type { Appointment, Provider, Slot } from '../api/booking'
import type { ApiError } from '../api/errors'
import { shanghaiDate } from '../domain/time'
import { displayDate, displayTimeRange } from '../format/display'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { ChoiceList } from '../ui/Choice'
import { Heading } from '../ui/Heading'
import { Notice } from '../ui/Notice'
import { ScreenFrame } from '../ui/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../voice/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goBack, goTo, pageParams } from './nav'
import { asApiError, useApi, useLoad } from './useApi'

const TOTAL_STEPS = 4

interface Choice {
  serviceId: string | null
  date: string | null
  slot: Slot | null
}

function newIdempotencyKey(): string {
  return `book-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export function BookScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { session } = useAppState()
  const params = useMemo(() => pageParams(), [])
  const rescheduleId = params.reschedule ?? null
  const [choice, setChoice] = useState<Choice>({
    serviceId: params.serviceId ?? null,
    date: params.date ?? null,
    slot: null,
  })
  const [result, setResult] = useState<Appointment | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [printed, setPrinted] = useState<'idle' | 'printing' | 'done' | 'failed'>('idle')
  const [idempotencyKey] = useState(newIdempotencyKey)
  const today = shanghaiDate()

  const providers = useLoad(() => api.call('listProviders'), [api])
  const availability = useLoad(
    choice.serviceId ? () => api.call('listAvailability', { query: { serviceId: choice.serviceId! } }) : null,
    [api, choice.serviceId],
  )
  const slots = useLoad(
    choice.serviceId && choice.date
      ? () => api.call('listSlots', { query: { serviceId: choice.serviceId!, date: choice.date! } })
      : null,
    [api, choice.serviceId, choice.date],
  )
  const carriedSlot = useLoad(
    params.slotId && choice.serviceId && choice.date && !choice.slot
      ? () => api.call('listSlots', { query: { serviceId: choice.serviceId!, date: choice.date! } })
      : null,
    [api],
  )
  const slot = choice.slot ?? carriedSlot.data?.find((s) => s.id === params.slotId) ?? null

  const step = result ? 5 : !choice.serviceId ? 1 : !choice.date ? 2 : !slot ? 3 : 4
  const service = useMemo(() => {
    for (const provider of providers.data ?? []) {
      const found = provider.services.find((s) => s.id === choice.serviceId)
      if (found) return { provider, service: found }
    }
    return null
  }, [providers.data, choice.serviceId])

  const summary =
    service && choice.date && slot
      ? {
          place: service.provider.name,
          service: service.service.name,
          day: displayDate(t, choice.date, today),
          time: displayTimeRange(t, slot.startsAt, slot.endsAt),
        }
      : null

  const prompt =
    step === 1
      ? t('voice.book.service')
      : step === 2
        ? t('voice.book.day', { service: service?.service.name ?? '' })
        : step === 3
          ? t('voice.book.time', { day: choice.date ? displayDate(t, choice.date, today) : '' })
          : step === 4 && summary
            ? t('voice.book.confirm', summary)
            : result && summary
              ? t('voice.book.success', { ticket: result.ticketNo, ...summary })
              : null
  const { repeat, say } = useScreenVoice(prompt)

  const back = () => {
    setError(null)
    if (step === 4) setChoice((c) => ({ ...c, slot: null }))
    else if (step === 3) setChoice((c) => ({ ...c, date: null }))
    else if (step === 2 && !rescheduleId) setChoice({ serviceId: null, date: null, slot: null })
    else goBack()
  }

  const confirm = async () => {
    if (!slot || !choice.serviceId || !choice.date) return
    if (!session) {
      goTo('signIn', {
        next: 'book',
        serviceId: choice.serviceId,
        date: choice.date,
        slotId: slot.id,
        ...(rescheduleId ? { reschedule: rescheduleId } : {}),
      })
      return
    }
    setBusy(true)
    setError(null)
    try {
      const appointment = rescheduleId
        ? await api.call('rescheduleAppointment', { params: { id: rescheduleId }, body: { slotId: slot.id } })
        : await api.call('createAppointment', { body: { slotId: slot.id }, idempotencyKey })
      setResult(appointment)
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
      if (apiError.code === 'SLOT_FULL') {
        setChoice((c) => ({ ...c, slot: null }))
        slots.reload()
      }
    } finally {
      setBusy(false)
    }
  }

  const print = async () => {
    if (!platform.devices || !result || !summary) return
    setPrinted('printing')
    try {
      await platform.devices.printReceipt({
        title: t('book.receiptTitle'),
        highlight: result.ticketNo,
        lines: [
          { label: t('book.place'), value: summary.place },
          { label: t('book.service'), value: summary.service },
          { label: t('book.day'), value: summary.day },
          { label: t('book.time'), value: summary.time },
        ],
        qr: result.id,
      })
      setPrinted('done')
    } catch {
      setPrinted('failed')
    }
  }

  const title = result
    ? t(rescheduleId ? 'book.rescheduled' : 'book.success')
    : [t('book.stepService'), t('book.stepDay'), t('book.stepTime'), t('book.stepConfirm')][step - 1]!

  return (
    <ScreenFrame
      title={title}
      {...(result ? { finished: true } : { step: { current: step, total: TOTAL_STEPS } })}
      onRepeat={repeat}
      onBack={back}
      hideBack={!!result}
    >
      {error ? <ErrorView error={error} /> : null}
      {step === 1 ? (
        <ServiceStep
          providers={providers.data}
          error={providers.error}
          onRetry={providers.reload}
          onChoose={(serviceId) => setChoice({ serviceId, date: null, slot: null })}
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
            onChoose={(date) => setChoice((c) => ({ ...c, date, slot: null }))}
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
            onChoose={(id) =>
              setChoice((c) => ({ ...c, slot: slots.data?.find((s) => s.id === id) ?? null }))
            }
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
            label={
              session ? t(rescheduleId ? 'book.confirmChange' : 'book.confirm') : t('book.signInToConfirm')
            }
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
                variant="primary"
                label={t('book.print')}
                icon="printer"
                onPress={() => void print()}
                disabled={printed === 'printing'}
                testId="print"
              />
            ) : null}
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
