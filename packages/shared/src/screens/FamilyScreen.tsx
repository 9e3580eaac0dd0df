/**
 * 家人代办 (mini-program): who may act for me and whom I may act for, each with 收回; and 请家人同意,
 * which makes a request and sends it as a WeChat card: the resident opens it on their own phone
 * and agrees (扫码授权 takes it from there); 为 王*明 办理 switches the mini-program to acting for
 * them (为谁办理). Needs sign-in. Everything here is the family member's own, so it is asked with
 * their own session even while they act for someone.
 */
import { Button as NativeButton, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { CreatedFamilyGrant, FamilyGrant } from '@bangban/core/api/family'
import type { ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { Heading } from '../ui/Heading'
import { ScreenFrame } from '../frame/ScreenFrame'
import { Waiting } from '../ui/Waiting'
import { useScreenVoice } from '../visit/useScreenVoice'
import { ErrorView } from './ErrorView'
import { startActing } from '../visit/familyActing'
import { grantLine, inForce, shareCard } from './family/logic'
import { goHome, PAGES, signInFor } from '../visit/nav'
import { useTokenApi } from '../visit/staffSession'
import { asApiError, useLoad } from '../visit/useApi'
import { a11y } from '../ui/a11y'

export function FamilyScreen() {
  const t = useT()
  const { session: current, family, familyEnded } = useAppState()
  const session = family?.own ?? current
  const api = useTokenApi(session?.token ?? null)
  const list = useLoad(session ? () => api.call('listMyFamilyGrants') : null, [api, session?.token])
  const [invite, setInvite] = useState<CreatedFamilyGrant | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const { repeat } = useScreenVoice(session ? t('voice.family.list') : null)

  useEffect(() => {
    if (!session) signInFor('family')
  }, [session])

  // "Acting has ended" is said once, here.
  useEffect(
    () => () => {
      if (appStore.get().familyEnded) appStore.update({ familyEnded: false })
    },
    [],
  )

  // What WeChat sends when the share button below is pressed.
  Taro.useShareAppMessage(() =>
    invite && session
      ? shareCard(t, invite, session.resident.maskedName)
      : { title: t('app.name'), path: PAGES.home },
  )

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(asApiError(e))
    } finally {
      setBusy(false)
    }
  }
  const ask = () =>
    run(async () => {
      setInvite(await api.call('createFamilyGrant', { body: { scopes: ['booking', 'payment', 'request'] } }))
    })
  const actFor = (grant: FamilyGrant) =>
    run(async () => {
      startActing(appStore, await api.call('issueFamilyToken', { params: { id: grant.id } }))
      goHome()
    })
  const revoke = (grant: FamilyGrant) =>
    run(async () => {
      await api.call('revokeFamilyGrant', { params: { id: grant.id } })
      list.reload()
    })

  if (!session) return <View />
  const forWhom = inForce(list.data?.received ?? [])
  const helpsMe = inForce(list.data?.given ?? [])
  return (
    <ScreenFrame title={t('family.title')} onRepeat={repeat}>
      {familyEnded ? (
        <View className="bb-card" {...a11y({ role: 'status' })}>
          <Text className="bb-text">{t('family.actingEnded')}</Text>
        </View>
      ) : null}
      <Heading text={t('family.forWhom')} level={2} />
      {forWhom.length === 0 ? <Text className="bb-text bb-muted">{t('family.noneForWhom')}</Text> : null}
      {forWhom.map((grant) => (
        <View className="bb-card" key={grant.id}>
          <Text className="bb-text">{grant.resident?.maskedName ?? ''}</Text>
          <Text className="bb-text bb-muted">{grantLine(t, grant)}</Text>
          <Button
            label={t('family.actFor', { name: grant.resident?.maskedName ?? '' })}
            onPress={() => void actFor(grant)}
            disabled={busy}
            testId="family-act-for"
          />
          <Button label={t('family.stop')} onPress={() => void revoke(grant)} disabled={busy} />
        </View>
      ))}
      <Heading text={t('family.whoHelpsMe')} level={2} />
      {helpsMe.length === 0 ? <Text className="bb-text bb-muted">{t('family.noneHelpsMe')}</Text> : null}
      {helpsMe.map((grant) => (
        <View className="bb-card" key={grant.id}>
          <Text className="bb-text">{grant.member.maskedName}</Text>
          <Text className="bb-text bb-muted">{grantLine(t, grant)}</Text>
          <Button label={t('family.takeBack')} onPress={() => void revoke(grant)} disabled={busy} />
        </View>
      ))}
      {list.loading || busy ? <Waiting text={t('common.loading')} /> : null}
      {error ? <ErrorView error={error} /> : null}
      {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
      <View className="bb-actions">
        {invite ? (
          <View className="bb-card" data-testid="family-invite">
            <Text className="bb-text">{t('family.shareHint')}</Text>
            {/* WeChat's own share needs its native button; it carries the same name and look. */}
            <NativeButton
              className="bb-pressable bb-button bb-button-primary"
              openType="share"
              {...a11y({ 'aria-label': t('family.share') })}
            >
              {t('family.share')}
            </NativeButton>
          </View>
        ) : (
          <Button
            variant="primary"
            label={t('family.ask')}
            onPress={() => void ask()}
            disabled={busy}
            testId="family-ask"
          />
        )}
      </View>
    </ScreenFrame>
  )
}
