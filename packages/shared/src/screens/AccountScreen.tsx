/**
 * 我的账号 (mini-program): the resident's rights over their own account (PIPL art. 47 and the
 * 你的权益 part of the 用户隐私保护指引): 退出登录 on this phone, 解除微信绑定, 注销账号 (asked twice,
 * in plain words about what is erased and what the law keeps), and the privacy guide itself.
 * Needs sign-in; a family member acting for someone sees their own account only after 切换回自己.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { Notice } from '../ui/Notice'
import { ScreenFrame } from '../frame/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { goHome, goHomeThen, signInFor } from '../visit/nav'
import { asApiError, useApi } from '../visit/useApi'

export function AccountScreen() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { session, family } = useAppState()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const { repeat, say } = useScreenVoice(
    session ? (confirming ? t('weapp.account.deleteConfirm') : t('weapp.account.title')) : null,
  )

  useEffect(() => {
    if (!session) signInFor('account')
    else if (family) goHome()
  }, [session, family])

  /** Does one thing at the service, then forgets the session on this phone and starts afresh. */
  const finish = async (action: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
      say(t('weapp.account.done'))
      await goHomeThen(() => appStore.update({ session: null }))
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError)
      say(t(`errors.${apiError.code}`))
    } finally {
      setBusy(false)
    }
  }

  if (!session) return <View />
  return (
    <ScreenFrame title={t('weapp.account.title')} onRepeat={repeat}>
      {busy ? <Waiting text={t('common.waiting')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      <View className="bb-card">
        <Text className="bb-text">{t('common.signedInAs', { name: session.resident.maskedName })}</Text>
        {platform.wechat ? (
          <Button
            label={t('weapp.account.privacy')}
            onPress={() => void platform.wechat!.openPrivacyContract().catch(() => undefined)}
            testId="privacy-guide"
          />
        ) : null}
      </View>
      <View className="bb-card">
        <Text className="bb-text bb-muted">{t('weapp.account.signOutHint')}</Text>
        <Button
          label={t('weapp.account.signOut')}
          onPress={() => void finish(() => api.call('signOut'))}
          disabled={busy}
          testId="sign-out"
        />
      </View>
      <View className="bb-card">
        <Text className="bb-text bb-muted">{t('weapp.account.unlinkHint')}</Text>
        <Button
          label={t('weapp.account.unlink')}
          onPress={() => void finish(() => api.call('unlinkMyWechat'))}
          disabled={busy}
          testId="unlink-wechat"
        />
      </View>
      <View className="bb-card">
        <Text className="bb-text bb-muted">{t('weapp.account.deleteHint')}</Text>
        {confirming ? (
          <Notice kind="error" title={t('weapp.account.deleteConfirm')}>
            <View className="bb-actions">
              <Button
                variant="danger"
                label={t('weapp.account.deleteYes')}
                onPress={() => void finish(() => api.call('deleteMyAccount'))}
                disabled={busy}
                testId="delete-yes"
              />
              <Button label={t('weapp.account.deleteNo')} onPress={() => setConfirming(false)} />
            </View>
          </Notice>
        ) : (
          <Button
            variant="danger"
            label={t('weapp.account.delete')}
            onPress={() => setConfirming(true)}
            disabled={busy}
            testId="delete-account"
          />
        )}
      </View>
    </ScreenFrame>
  )
}
