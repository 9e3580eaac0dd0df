/**
 * 我的记录: the resident's appointments, with 取消预约 (confirmed in place, no pop-up) and
 * 改约 (back into the booking flow at the day); their requests with progress and rating; their
 * bills. Needs sign-in.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Appointment } from '@bangban/core/api/booking'
import type { ApiError } from '@bangban/core/api/errors'
import { shanghaiDate } from '@bangban/core/domain/time'
import { displayDate, displayTimeRange } from '@bangban/core/format/display'
import { useT } from '../i18n/useT'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { Heading } from '../ui/Heading'
import { Notice } from '../ui/Notice'
import { ScreenFrame } from '../frame/ScreenFrame'
import { usePlatform } from '../platform/PlatformContext'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goTo, signInFor } from '../visit/nav'
import { AuditSection } from './records/AuditSection'
import { appointmentStatusKey, changeParams, recordsPromptKey, splitAppointments } from './records/logic'
import { PaymentsSection } from './records/PaymentsSection'
import { RequestsSection } from './records/RequestsSection'
import { allows } from '../visit/grant'
import { asApiError, useApi, useLoad } from '../visit/useApi'

export function RecordsScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { session, delegation, family } = useAppState()
  // A helper sees only what the grant covers; the 代帮办 trail is for the resident alone.
  const can = (scope: 'booking' | 'payment' | 'request') =>
    session !== null && allows(delegation ?? family, scope)
  const appointments = useLoad(can('booking') ? () => api.call('listAppointments') : null, [
    api,
    session?.token,
  ])
  const requests = useLoad(can('request') ? () => api.call('listServiceRequests') : null, [
    api,
    session?.token,
  ])
  const bills = useLoad(can('payment') ? () => api.call('listBills', { query: {} }) : null, [
    api,
    session?.token,
  ])
  const audit = useLoad(session && !delegation && !family ? () => api.call('myAudit') : null, [
    api,
    session?.token,
  ])
  const [confirming, setConfirming] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const { upcoming, others } = splitAppointments(appointments.data ?? [], Date.now())
  const prompt = appointments.data ? t(recordsPromptKey(upcoming.length), { count: upcoming.length }) : null
  const { repeat, say } = useScreenVoice(prompt)

  useEffect(() => {
    if (!session) signInFor('records')
  }, [session])

  const cancel = async (appointment: Appointment) => {
    setBusy(true)
    setError(null)
    try {
      await api.call('cancelAppointment', { params: { id: appointment.id } })
      setConfirming(null)
      setDone(t('records.cancelled'))
      say(t('records.cancelled'))
      appointments.reload()
    } catch (e) {
      setError(asApiError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ScreenFrame title={t('records.title')} onRepeat={repeat}>
      {done ? <Notice kind="success" title={done} /> : null}
      {error ? <ErrorView error={error} /> : null}
      {appointments.loading ? <Waiting text={t('common.loading')} /> : null}
      {appointments.error ? <ErrorView error={appointments.error} onRetry={appointments.reload} /> : null}
      {appointments.data ? (
        <>
          <Heading level={2} text={t('records.upcoming')} />
          {upcoming.length === 0 ? <Text className="bb-text bb-muted">{t('records.noUpcoming')}</Text> : null}
          {upcoming.map((a) => (
            <View key={a.id} className="bb-card" data-testid="appointment">
              <AppointmentRows appointment={a} />
              {confirming === a.id ? (
                <Notice kind="info" title={t('records.confirmCancel')}>
                  <View className="bb-actions">
                    <Button
                      variant="danger"
                      label={t('records.yesCancel')}
                      onPress={() => void cancel(a)}
                      disabled={busy}
                      testId="confirm-cancel"
                    />
                    <Button label={t('records.keep')} onPress={() => setConfirming(null)} />
                  </View>
                </Notice>
              ) : (
                <View className="bb-actions">
                  <Button label={t('records.change')} onPress={() => goTo('book', changeParams(a))} />
                  <Button
                    variant="danger"
                    label={t('records.cancel')}
                    onPress={() => {
                      setConfirming(a.id)
                      say(t('voice.records.confirmCancel'))
                    }}
                    testId="cancel-appointment"
                  />
                </View>
              )}
            </View>
          ))}
          {others.length ? <Heading level={2} text={t('records.past')} /> : null}
          {others.map((a) => (
            <View key={a.id} className="bb-card">
              <AppointmentRows appointment={a} />
            </View>
          ))}
        </>
      ) : null}
      {requests.data ? (
        <RequestsSection requests={requests.data} onChanged={requests.reload} say={say} />
      ) : null}
      {requests.error ? <ErrorView error={requests.error} onRetry={requests.reload} /> : null}
      {bills.data ? <PaymentsSection bills={bills.data} /> : null}
      {audit.data ? <AuditSection entries={audit.data} /> : null}
      {audit.error ? <ErrorView error={audit.error} onRetry={audit.reload} /> : null}
      {/* Mini-program: sign out, unlink WeChat, delete the account, the privacy guide (their own only). */}
      {platform.kind === 'weapp' && session && !family ? (
        <View className="bb-actions">
          <Button label={t('weapp.account.open')} onPress={() => goTo('account')} testId="my-account" />
        </View>
      ) : null}
    </ScreenFrame>
  )
}

function AppointmentRows({ appointment: a }: { appointment: Appointment }) {
  const t = useT()
  const date = shanghaiDate(a.startsAt)
  return (
    <>
      <Text className="bb-row-value">{`${a.serviceName} · ${a.providerName}`}</Text>
      <Text className="bb-text">{`${displayDate(t, date)} ${displayTimeRange(t, a.startsAt, a.endsAt)}`}</Text>
      <Text className="bb-text">{t(appointmentStatusKey(a), { ticket: a.ticketNo })}</Text>
    </>
  )
}
