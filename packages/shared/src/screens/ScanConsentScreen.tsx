/**
 * 扫码授权 (mini-program): the resident scans the QR code a helper shows at the counter (or a
 * family member's 亲友代办 code, or opens the card the family member sent them), hears and reads
 * who asks to act for them, for which jobs and how long, and answers 同意 or 拒绝. Needs sign-in
 * (the grant is given by the signed-in resident).
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { Icon } from '../ui/Icon'
import { Notice } from '../ui/Notice'
import { ScreenFrame } from '../frame/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goTo, pageParams, pageQuery, signInFor } from '../visit/nav'
import {
  consentAsk,
  consentAskSpoken,
  familyFromParams,
  outcomeOf,
  readConsentQr,
  stepFor,
  type Outcome,
  type Request,
  type Scanned,
  type ScanStep,
} from './scanConsent/logic'
import { asApiError, useApi } from '../visit/useApi'

export function ScanConsentScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { session } = useAppState()
  const [step, setStep] = useState<ScanStep>({ kind: 'scan' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [notOurs, setNotOurs] = useState(false)

  const prompt =
    step.kind === 'scan'
      ? t('voice.scanConsent.scan')
      : step.kind === 'ask'
        ? consentAskSpoken(t, step.request)
        : t(`voice.scanConsent.${outcomeOf(step.request)}`)
  const { repeat, say } = useScreenVoice(session ? prompt : null)

  // Signed out (a family card opened before the first sign-in): sign in, the request kept in the query.
  useEffect(() => {
    if (!session) signInFor('scanConsent', pageQuery())
  }, [session])

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    setNotOurs(false)
    try {
      await action()
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
    } finally {
      setBusy(false)
    }
  }

  const open = async (scanned: Scanned) => {
    const query = { params: { id: scanned.id }, query: { qrToken: scanned.qrToken } }
    const request: Request =
      scanned.kind === 'helper'
        ? { kind: 'helper', grant: await api.call('getConsent', query) }
        : { kind: 'family', grant: await api.call('getFamilyGrant', query) }
    setStep(stepFor(scanned, request))
  }

  // Opened from the card a family member sent: their request, at once.
  const fromCard = useRef(familyFromParams(pageParams()))
  useEffect(() => {
    const scanned = fromCard.current
    if (!session || !scanned) return
    fromCard.current = null
    void run(() => open(scanned))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the resident is signed in
  }, [session])

  const scan = () =>
    run(async () => {
      const text = await platform.wechat!.scanCode()
      if (text === null) return
      const scanned = readConsentQr(text)
      if (!scanned) {
        setNotOurs(true)
        say(t('voice.scanConsent.notOurs'))
        return
      }
      await open(scanned)
    })

  const answer = (approve: boolean) =>
    run(async () => {
      if (step.kind !== 'ask') return
      const input = { params: { id: step.scanned.id }, body: { qrToken: step.scanned.qrToken } }
      const request: Request =
        step.scanned.kind === 'helper'
          ? { kind: 'helper', grant: await api.call(approve ? 'approveConsent' : 'denyConsent', input) }
          : {
              kind: 'family',
              grant: await api.call(approve ? 'approveFamilyGrant' : 'denyFamilyGrant', input),
            }
      setStep({ kind: 'done', request })
    })

  if (!session) return <View />
  return (
    <ScreenFrame title={t('scanConsent.title')} onRepeat={repeat}>
      {step.kind === 'scan' ? (
        <View className="bb-card" data-testid="scan-prompt">
          <Icon name="scan" size={160} />
          <Text className="bb-text">{t('scanConsent.scanHint')}</Text>
          <Text className="bb-text bb-muted">{t('scanConsent.safety')}</Text>
        </View>
      ) : step.kind === 'ask' ? (
        <View className="bb-card" data-testid="consent-ask">
          <Text className="bb-text bb-display">{consentAsk(t, step.request)}</Text>
          <Text className="bb-text bb-muted">{t('scanConsent.revokeHint')}</Text>
        </View>
      ) : (
        <OutcomeNotice outcome={outcomeOf(step.request)} />
      )}
      {notOurs ? (
        <Notice kind="error" title={t('common.problem')}>
          <Text className="bb-text">{t('scanConsent.notOurs')}</Text>
        </Notice>
      ) : null}
      {busy ? <Waiting text={t('common.waiting')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      <View className="bb-actions">
        {step.kind === 'scan' ? (
          <Button
            variant="primary"
            icon="scan"
            label={t('scanConsent.scan')}
            onPress={() => void scan()}
            disabled={busy}
            testId="scan"
          />
        ) : null}
        {step.kind === 'ask' ? (
          <>
            <Button
              variant="primary"
              label={t('scanConsent.agree')}
              onPress={() => void answer(true)}
              disabled={busy}
              testId="agree"
            />
            <Button
              variant="danger"
              label={t('scanConsent.refuse')}
              onPress={() => void answer(false)}
              disabled={busy}
              testId="refuse"
            />
          </>
        ) : null}
        {step.kind === 'done' ? (
          <Button label={t('scanConsent.toRecords')} onPress={() => goTo('records')} testId="to-records" />
        ) : null}
      </View>
    </ScreenFrame>
  )
}

function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const t = useT()
  const hint = APPROVED_HINTS[outcome]
  return (
    <Notice kind={hint ? 'success' : 'info'} title={t(`scanConsent.${outcome}`)}>
      {hint ? <Text className="bb-text">{t(hint)}</Text> : null}
    </Notice>
  )
}

/** What an agreed grant means from now on: a helper's ends by itself soon, a family member's lasts. */
const APPROVED_HINTS: Partial<Record<Outcome, string>> = {
  approved: 'scanConsent.approvedHint',
  familyApproved: 'scanConsent.familyApprovedHint',
}
