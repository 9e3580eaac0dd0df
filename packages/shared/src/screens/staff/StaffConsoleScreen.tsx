/**
 * 帮办台, the kiosk in staff mode. The helper chooses which jobs to help with and asks for consent;
 * the kiosk shows the QR code (for the resident's own phone) and the 6-digit code large, and reads
 * it aloud. The resident approves on their phone, or right here: ID card, then the code on the big
 * keypad. Once approved the helper gets a delegated token and the visit becomes the resident's,
 * with the banner on every screen.
 */
import { spokenKey } from '../../voice/spokenKey'
import { Text, View } from '@tarojs/components'
import { useEffect, useReducer, useRef } from 'react'
import type { ConsentScope } from '@bangban/core/api/consents'
import { errorMessageKeyOf } from '@bangban/core/api/errors'
import { useT } from '../../i18n/useT'
import { usePlatform } from '../../platform/PlatformContext'
import { appStore } from '../../state/appStore'
import { useAppState } from '../../state/useAppState'
import { Button } from '../../ui/Button'
import { Heading } from '../../ui/Heading'
import { Icon } from '../../ui/Icon'
import { Keypad } from '../../ui/Keypad'
import { Notice } from '../../ui/Notice'
import { Picture } from '../../ui/Picture'
import { Pressable } from '../../ui/Pressable'
import { ScreenFrame } from '../../frame/ScreenFrame'
import { Waiting } from '../../ui/Waiting'
import { useScreenVoice } from '../../visit/useScreenVoice'
import { ErrorView } from '../ErrorView'
import { goHome, relaunchTo, replaceWith } from '../../visit/nav'
import { asApiError } from '../../visit/useApi'
import { CounterCalls } from './CounterCalls'
import {
  canAgree,
  canStart,
  CONSENT_CODE_LENGTH,
  consoleReducer,
  initialConsoleState,
  isAwaitingAnswer,
  nextOnStatus,
  type ConsoleOutcome,
  type ConsolePhase,
} from './consoleFlow'
import { ALL_SCOPES, groupCode } from './logic'
import { leaveStaffMode, useStaffApi, useTokenApi, watchForeignWipes } from '../../visit/staffSession'
import { a11y } from '../../ui/a11y'

const POLL_MS = 2000

export function StaffConsoleScreen() {
  const t = useT()
  const platform = usePlatform()
  const staffApi = useStaffApi()
  const anonymousApi = useTokenApi(null)
  const { staff, delegationEnded } = useAppState()
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState)
  const { scopes, consent, status, qr, phase, resident, code, busy, error, outcome } = state
  const residentApi = useTokenApi(resident?.token ?? null)
  const finishing = useRef(false)

  const jobs = (list: readonly ConsentScope[]) =>
    list.map((s) => t(`helper.scopes.${s}`)).join(t('helper.listSeparator'))
  const asks = consent
    ? t('helper.asks', {
        helper: consent.helper.maskedName,
        staffNo: consent.helper.staffNo,
        jobs: jobs(consent.scopes),
        minutes: consent.minutes,
      })
    : ''

  const prompt =
    phase === 'choose'
      ? t('helper.spoken.choose')
      : phase === 'waiting' && consent
        ? t(spokenKey('helper.spoken.waiting'), { code: consent.code })
        : phase === 'card'
          ? t('helper.spoken.card')
          : phase === 'code' && consent
            ? t('helper.spoken.code', { asks })
            : null
  const { repeat, say } = useScreenVoice(prompt)

  useEffect(() => watchForeignWipes(platform), [platform])
  useEffect(() => {
    if (!staff) replaceWith('staffSignIn')
  }, [staff])

  const fail = (e: unknown) => {
    const apiError = asApiError(e)
    dispatch({ type: 'failed', error: apiError })
    say(t(errorMessageKeyOf(apiError)))
  }

  /** Ends the resident's short approval session at the service (the state forgets it with the action). */
  const endResidentSession = () => {
    if (resident) void residentApi.call('signOut').catch(() => undefined)
  }

  const reset = (why: ConsoleOutcome | null) => {
    endResidentSession()
    dispatch({ type: 'reset', outcome: why })
  }

  const start = async () => {
    dispatch({ type: 'working' })
    appStore.update({ delegationEnded: null })
    try {
      const created = await staffApi.call('createConsent', { body: { scopes: [...scopes] } })
      dispatch({ type: 'created', consent: created })
      if (platform.payment.renderQr)
        dispatch({ type: 'qrDrawn', qr: await platform.payment.renderQr(created.qrPayload) })
    } catch (e) {
      fail(e)
    }
  }

  /** Approved: exchange the grant for a delegated token and hand the visit to the resident's screens. */
  const finish = async (id: string) => {
    if (finishing.current) return
    finishing.current = true
    dispatch({ type: 'working' })
    try {
      const granted = await staffApi.call('issueDelegatedToken', { params: { id } })
      const helper = appStore.get().staff
      appStore.update({
        session: { token: granted.token, expiresAt: granted.expiresAt, resident: granted.resident },
        delegation: {
          consentId: granted.consentId,
          resident: granted.resident,
          expiresAt: granted.expiresAt,
          scopes: granted.scopes,
          helperName: helper?.staff.name ?? '',
          staffNo: helper?.staff.staffNo ?? '',
        },
        delegationEnded: null,
      })
      dispatch({ type: 'idle' })
      goHome()
    } catch (e) {
      finishing.current = false
      fail(e)
    }
  }

  // Wait for the resident's answer (their phone, or this kiosk).
  const awaiting = isAwaitingAnswer(state)
  useEffect(() => {
    if (!awaiting || !consent) return undefined
    const timer = setInterval(() => {
      staffApi.call('getConsent', { params: { id: consent.id }, query: {} }).then(
        (latest) => dispatch({ type: 'statusSeen', status: latest.status }),
        () => undefined,
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [awaiting, consent, staffApi])

  useEffect(() => {
    const next = nextOnStatus(status)
    if (!consent || !next) return
    if (next === 'finish') void finish(consent.id)
    else reset(next)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- act once per answer
  }, [status])

  // The resident confirms here: their ID card signs them in for this one answer.
  useEffect(() => {
    if (phase !== 'card' || !platform.devices) return undefined
    return platform.devices.onIdCard((card) => {
      dispatch({ type: 'working' })
      anonymousApi.call('signInWithIdCard', { body: card }).then(
        (session) =>
          dispatch({
            type: 'cardRead',
            resident: { token: session.token, maskedName: session.resident.maskedName },
          }),
        fail,
      )
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-subscribe only when the phase changes
  }, [phase, platform.devices])

  const answer = async (approve: boolean) => {
    if (!consent) return
    dispatch({ type: 'working' })
    try {
      if (approve || code.length === CONSENT_CODE_LENGTH) {
        const answered = await residentApi.call(approve ? 'approveConsent' : 'denyConsent', {
          params: { id: consent.id },
          body: { code },
        })
        endResidentSession()
        dispatch({ type: 'answered', status: answered.status })
      } else {
        // Refused before typing anything: the helper withdraws the request.
        await staffApi.call('revokeConsent', { params: { id: consent.id } })
        reset('denied')
      }
    } catch (e) {
      fail(e)
    }
  }

  const cancel = async () => {
    if (consent) await staffApi.call('revokeConsent', { params: { id: consent.id } }).catch(() => undefined)
    reset('cancelled')
  }

  const titles: Record<ConsolePhase, string> = {
    choose: t('helper.consoleTitle'),
    waiting: t('helper.waitingTitle'),
    card: t('helper.cardTitle'),
    code: t('helper.codeTitle'),
  }

  const footer =
    phase === 'choose' ? (
      <>
        {staff?.staff.roles.includes('admin') ? (
          <Button
            label={t('dashboard.open')}
            onPress={() => relaunchTo('adminDashboard')}
            testId="open-dashboard"
          />
        ) : (
          <View />
        )}
        <Button
          label={t('staff.signOut')}
          icon="back"
          onPress={() => void leaveStaffMode(platform)}
          testId="staff-sign-out"
        />
      </>
    ) : (
      <>
        {phase === 'waiting' ? (
          <View />
        ) : (
          <Button
            label={t('nav.back')}
            icon="back"
            onPress={() => {
              endResidentSession()
              dispatch({ type: 'back' })
            }}
          />
        )}
        <Button label={t('helper.cancel')} onPress={() => void cancel()} testId="cancel-consent" />
      </>
    )

  return (
    <ScreenFrame title={titles[phase]} onRepeat={repeat} footer={footer}>
      {error ? <ErrorView error={error} /> : null}
      {phase === 'choose' ? (
        <>
          {delegationEnded ? (
            <Notice kind="success" title={t(`helper.endedNotice.${delegationEnded}`)} />
          ) : null}
          {outcome ? <Notice kind="info" title={t(`helper.outcome.${outcome}`)} /> : null}
          {staff ? (
            <Text className="bb-text">
              {t('helper.whoAmI', { name: staff.staff.name, staffNo: staff.staff.staffNo })}
            </Text>
          ) : null}
          <CounterCalls onSay={say} />
          <Heading level={2} text={t('helper.scopesTitle')} />
          <View
            className="bb-choices bb-columns-3"
            {...a11y({ role: 'group', 'aria-label': t('helper.scopesTitle') })}
          >
            {ALL_SCOPES.map((scope) => (
              <Pressable
                key={scope}
                role="checkbox"
                selected={scopes.includes(scope)}
                label={t(`helper.scopes.${scope}`)}
                onPress={() => dispatch({ type: 'toggleScope', scope })}
                className="bb-choice"
                testId={`scope-${scope}`}
              >
                <Text className="bb-choice-label">{t(`helper.scopes.${scope}`)}</Text>
              </Pressable>
            ))}
          </View>
          <Text className="bb-text bb-muted">{t('helper.minutesHint', { minutes: 30 })}</Text>
          {busy ? <Waiting text={t('common.waiting')} /> : null}
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('helper.start')}
              onPress={() => void start()}
              disabled={!canStart(state)}
              disabledReason={busy ? undefined : t('voice.missing.scope')}
              onExplain={say}
              testId="start-assist"
            />
          </View>
        </>
      ) : null}
      {phase === 'waiting' && consent ? (
        <>
          <Text className="bb-text">{t('helper.waitingHint')}</Text>
          <View className="bb-card bb-consent-show">
            {qr ? <Picture className="bb-qr" src={qr} alt={t('helper.qrAlt')} /> : null}
            <View className="bb-consent-code">
              <Text className="bb-row-label">{t('helper.codeLabel')}</Text>
              <Text className="bb-code" data-testid="consent-code">
                {groupCode(consent.code)}
              </Text>
            </View>
          </View>
          <Text className="bb-text">{asks}</Text>
          {busy ? (
            <Waiting text={t('common.waiting')} />
          ) : (
            <Waiting text={t('helper.waitingForResident')} delayMs={0} />
          )}
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('helper.approveHere')}
              onPress={() => dispatch({ type: 'answerHere' })}
              disabled={busy}
              testId="approve-here"
            />
          </View>
        </>
      ) : null}
      {phase === 'card' ? (
        <View className="bb-card" data-testid="card-prompt">
          <Icon name="idCard" size={160} />
          <Text className="bb-text">{t('signIn.cardPrompt')}</Text>
          <Text className="bb-text bb-muted">{t('signIn.cardPrivacy')}</Text>
          {busy ? <Waiting text={t('common.waiting')} /> : null}
        </View>
      ) : null}
      {phase === 'code' && consent ? (
        <>
          {resident ? (
            <Text className="bb-text">{t('helper.residentHello', { name: resident.maskedName })}</Text>
          ) : null}
          <Notice kind="info" title={asks}>
            <Text className="bb-text">{t('helper.codeHint', { code: groupCode(consent.code) })}</Text>
          </Notice>
          <Keypad
            label={t('helper.codeLabel')}
            value={code}
            onChange={(typed) => dispatch({ type: 'typed', code: typed })}
            maxLength={CONSENT_CODE_LENGTH}
            placeholder={t('signIn.codePlaceholder')}
          />
          {busy ? <Waiting text={t('common.waiting')} /> : null}
          <View className="bb-actions">
            <Button
              variant="primary"
              label={t('helper.agree')}
              onPress={() => void answer(true)}
              disabled={!canAgree(state)}
              disabledReason={busy ? undefined : t('voice.missing.consentCode')}
              onExplain={say}
              testId="agree"
            />
            <Button
              variant="danger"
              label={t('helper.refuse')}
              onPress={() => void answer(false)}
              disabled={busy}
              testId="refuse"
            />
          </View>
        </>
      ) : null}
    </ScreenFrame>
  )
}
