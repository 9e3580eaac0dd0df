/**
 * 确认身份: at the kiosk, 请刷身份证 (the card reader signs the resident in at once) or a
 * mobile number and a one-time code on the big keypad. In the mini-program, 微信登录: a linked
 * WeChat signs in at once; the first time, the mobile number and code link it. Afterwards the job
 * continues where it was.
 */
import { Text, View } from '@tarojs/components'
import { normalizeMobile } from '@bangban/core/domain/phone'
import { useEffect, useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { Button } from '../ui/Button'
import { Icon } from '../ui/Icon'
import { Keypad } from '../ui/Keypad'
import { ScreenFrame } from '../frame/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { cameFrom, goBack, pageParams, replaceWith, type PageName } from '../visit/nav'
import { asApiError, useApi } from '../visit/useApi'
import { ApiError } from '@bangban/core/api/errors'
import type { SessionResponse } from '@bangban/core/api/identity'
import { finishPhoneSignIn, mustRestartWechat, startWechatSignIn } from './signIn/wechatSignIn'

type Mode = 'card' | 'wechat' | 'phone' | 'code'

const NEXT_PAGES: readonly PageName[] = [
  'book',
  'pay',
  'request',
  'records',
  'scanConsent',
  'family',
  'account',
]

function continueJob(): void {
  const params = pageParams()
  const next = NEXT_PAGES.find((p) => p === params.next) ?? 'records'
  const carried = Object.fromEntries(
    Object.entries(params).filter(([k, v]) => k !== 'next' && k !== '$taroTimestamp' && v !== undefined),
  ) as Record<string, string>
  // Back to the job's own page when it sent us here: it kept its choices, and leaving no second
  // copy behind means 返回 never lands on a signed-out version of the same step.
  if (cameFrom(next)) goBack()
  else replaceWith(next, carried)
}

export function SignInScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const [mode, setMode] = useState<Mode>(platform.devices ? 'card' : platform.wechat ? 'wechat' : 'phone')
  // Held after a first WeChat sign-in: the phone sign-in then links this WeChat too.
  const [linkToken, setLinkToken] = useState<string | null>(null)
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  // Seconds until a new code may be asked for (the service says how long after each code).
  const [resendIn, setResendIn] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const prompt =
    mode === 'card'
      ? t('voice.signIn.card')
      : mode === 'wechat'
        ? t('voice.signIn.wechat')
        : mode === 'phone'
          ? t(linkToken ? 'voice.signIn.linkPhone' : 'voice.signIn.phone')
          : t('voice.signIn.code')
  const { repeat, say } = useScreenVoice(prompt)

  const signedIn = (session: SessionResponse) => {
    appStore.update({
      session: { token: session.token, expiresAt: session.expiresAt, resident: session.resident },
    })
    continueJob()
  }

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
      // Wrong digits are cleared: the next try starts from an empty field.
      if (apiError.code === 'CODE_INVALID') setCode('')
      if (linkToken && mustRestartWechat(apiError)) {
        setLinkToken(null)
        setCode('')
        setMode('wechat')
      }
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (!platform.devices || mode !== 'card') return undefined
    return platform.devices.onIdCard((card) => {
      void run(async () => signedIn(await api.call('signInWithIdCard', { body: card })))
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-subscribe only when the mode changes
  }, [mode, platform.devices])

  const sendCode = () =>
    run(async () => {
      const mobile = normalizeMobile(phone)
      if (!mobile) throw new ApiError('INVALID_PHONE', 400, 'invalid phone')
      const sent = await api.call('requestPhoneCode', { body: { phone: mobile } })
      setCode('')
      setResendIn(sent.resendAfterSeconds)
      setMode('code')
    })

  useEffect(() => {
    if (mode !== 'code' || resendIn <= 0) return undefined
    const timer = setTimeout(() => setResendIn((s) => Math.max(0, s - 1)), 1000)
    return () => clearTimeout(timer)
  }, [mode, resendIn])

  const signInWithCode = () =>
    run(async () => {
      signedIn(await finishPhoneSignIn(api, { phone, code, linkToken }))
    })

  const signInWithWechat = () =>
    run(async () => {
      const started = await startWechatSignIn(platform.wechat!, api)
      if (started.kind === 'signed-in') return signedIn(started.session)
      setLinkToken(started.linkToken)
      setMode('phone')
    })

  return (
    <ScreenFrame title={t('signIn.title')} onRepeat={repeat}>
      {mode === 'card' ? (
        <View className="bb-card" data-testid="card-prompt">
          <Icon name="idCard" size={160} />
          <Text className="bb-text">{t('signIn.cardPrompt')}</Text>
          <Text className="bb-text bb-muted">{t('signIn.cardPrivacy')}</Text>
        </View>
      ) : mode === 'wechat' ? (
        <View className="bb-card" data-testid="wechat-prompt">
          <Icon name="phone" size={160} />
          <Text className="bb-text">{t('signIn.wechatPrompt')}</Text>
          <Text className="bb-text bb-muted">{t('signIn.wechatPrivacy')}</Text>
        </View>
      ) : mode === 'phone' ? (
        <>
          {linkToken ? <Text className="bb-text">{t('signIn.linkHint')}</Text> : null}
          {platform.wechat ? (
            <View className="bb-card" data-testid="phone-privacy">
              <Text className="bb-text bb-muted">{t('weapp.privacy.phoneNotice')}</Text>
              <Button
                label={t('weapp.privacy.read')}
                onPress={() => void platform.wechat!.openPrivacyContract().catch(() => undefined)}
              />
            </View>
          ) : null}
          <Keypad
            label={t('signIn.phoneLabel')}
            value={phone}
            onChange={setPhone}
            maxLength={11}
            grouping={[3, 4, 4]}
            placeholder={t('signIn.phonePlaceholder')}
          />
        </>
      ) : (
        <>
          <Text className="bb-text">
            {t('signIn.codeSent', { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` })}
          </Text>
          <Keypad
            label={t('signIn.codeLabel')}
            value={code}
            onChange={setCode}
            maxLength={6}
            placeholder={t('signIn.codePlaceholder')}
          />
        </>
      )}
      {busy ? <Waiting text={t('common.waiting')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      <View className="bb-actions">
        {mode === 'wechat' ? (
          <Button
            variant="primary"
            label={t('signIn.wechat')}
            onPress={() => void signInWithWechat()}
            disabled={busy}
            testId="wechat-sign-in"
          />
        ) : null}
        {mode === 'phone' ? (
          <Button
            variant="primary"
            label={t('signIn.sendCode')}
            onPress={() => void sendCode()}
            disabled={busy || phone.length !== 11}
            disabledReason={busy ? undefined : t('voice.missing.phone')}
            onExplain={say}
            testId="send-code"
          />
        ) : null}
        {mode === 'code' ? (
          <Button
            variant="primary"
            label={t('signIn.confirm')}
            onPress={() => void signInWithCode()}
            disabled={busy || code.length !== 6}
            disabledReason={busy ? undefined : t('voice.missing.code')}
            onExplain={say}
            testId="confirm-code"
          />
        ) : null}
        {mode === 'code' ? (
          <Button
            label={resendIn > 0 ? t('signIn.resendIn', { count: resendIn }) : t('signIn.resend')}
            onPress={() => void sendCode()}
            disabled={busy || resendIn > 0}
            testId="resend-code"
          />
        ) : null}
        {mode === 'card' ? (
          <Button label={t('signIn.usePhone')} onPress={() => setMode('phone')} />
        ) : platform.devices ? (
          <Button label={t('signIn.useCard')} onPress={() => setMode('card')} />
        ) : mode === 'wechat' ? (
          <Button label={t('signIn.usePhoneOnly')} onPress={() => setMode('phone')} testId="use-phone" />
        ) : null}
      </View>
    </ScreenFrame>
  )
}
