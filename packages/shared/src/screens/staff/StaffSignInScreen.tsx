/**
 * 工作人员登录: staff number and password on the kiosk's on-screen keys (no keyboard needed), one
 * field open at a time. Only helpers (and admins) may use the console; the password lives in this
 * screen's state until the answer, is masked unless 显示密码 is ticked, and is never logged.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import { useT } from '../../i18n/useT'
import { usePlatform } from '../../platform/PlatformContext'
import { appStore } from '../../state/appStore'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { ScreenFrame } from '../../frame/ScreenFrame'
import { Waiting } from '../../ui/Waiting'
import { useScreenVoice } from '../../visit/useScreenVoice'
import { ErrorView } from '../ErrorView'
import { goBack, relaunchTo } from '../../visit/nav'
import { asApiError } from '../../visit/useApi'
import { staffLanding } from './logic'
import { TextEntry } from '../../entry/TextEntry'
import { apiWithToken, useTokenApi } from '../../visit/staffSession'

const CONSOLE_ROLES = ['helper', 'admin'] as const

export function StaffSignInScreen() {
  const t = useT()
  const platform = usePlatform()
  const api = useTokenApi(null)
  const [staffNo, setStaffNo] = useState('')
  const [password, setPassword] = useState('')
  /** Which field's keys are on screen. */
  const [field, setField] = useState<'staffNo' | 'password' | null>('staffNo')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [notAllowed, setNotAllowed] = useState(false)
  const { repeat } = useScreenVoice(t('staff.spokenSignIn'))
  const ready = staffNo.trim().length >= 2 && password.length > 0 && !busy

  const signIn = async () => {
    if (!ready) return
    setBusy(true)
    setError(null)
    setNotAllowed(false)
    const secret = password
    setPassword('')
    try {
      const answer = await api.call('staffSignIn', { body: { staffNo: staffNo.trim(), password: secret } })
      if (!answer.staff.roles.some((role) => (CONSOLE_ROLES as readonly string[]).includes(role))) {
        setNotAllowed(true)
        await apiWithToken(platform, answer.token)
          .call('staffSignOut')
          .catch(() => undefined)
        return
      }
      // Staff mode starts from a clean kiosk: nothing of any resident stays behind.
      appStore.update({
        session: null,
        delegation: null,
        delegationEnded: null,
        staff: {
          token: answer.token,
          expiresAt: answer.expiresAt,
          staff: answer.staff,
          language: appStore.get().language,
        },
      })
      relaunchTo(staffLanding(answer.staff.roles))
    } catch (e) {
      setError(asApiError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <ScreenFrame title={t('staff.signInTitle')} onRepeat={repeat} onBack={goBack}>
      <Text className="bb-text">{t('staff.signInHint')}</Text>
      <View className="bb-card bb-entry-form">
        <TextEntry
          kind="staffNo"
          label={t('staff.staffNo')}
          value={staffNo}
          onChange={setStaffNo}
          maxLength={16}
          open={field === 'staffNo'}
          onOpen={() => setField('staffNo')}
          onDone={() => setField('password')}
          testId="staff-no"
        />
        <TextEntry
          kind="password"
          label={t('staff.password')}
          value={password}
          onChange={setPassword}
          maxLength={128}
          open={field === 'password'}
          onOpen={() => setField('password')}
          onDone={() => setField(null)}
          testId="staff-password"
        />
      </View>
      {busy ? <Waiting text={t('common.waiting')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      {notAllowed ? <Notice kind="error" title={t('staff.notHelper')} /> : null}
      <View className="bb-actions">
        <Button
          variant="primary"
          label={t('staff.signIn')}
          onPress={() => void signIn()}
          disabled={!ready}
          testId="staff-sign-in"
        />
      </View>
    </ScreenFrame>
  )
}
