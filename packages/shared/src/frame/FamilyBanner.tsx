/**
 * "正在为 王*明 办理" with 切换回自己, at the top of every screen while a family member acts for a
 * resident in the mini-program. It asks for a fresh token with the family member's own session
 * before the current one runs out, and switches back once the grant has ended.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { goHome, replaceWith } from '../visit/nav'
import { useTokenApi } from '../visit/staffSession'
import { actingStep, renewActing, stopActing } from '../visit/familyActing'

const TICK_MS = 10_000

export function FamilyBanner() {
  const t = useT()
  const { family } = useAppState()
  const ownApi = useTokenApi(family?.own.token ?? null)
  const [now, setNow] = useState(() => Date.now())
  const [renewing, setRenewing] = useState(false)

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [])

  useEffect(() => {
    if (!family || renewing) return
    const step = actingStep(appStore.get(), now)
    if (step === 'end') {
      stopActing(appStore, true)
      replaceWith('family')
    } else if (step === 'renew') {
      setRenewing(true)
      ownApi
        .call('issueFamilyToken', { params: { id: family.familyGrantId } })
        .then(
          (acting) => renewActing(appStore, acting),
          (error: unknown) => {
            // The grant has ended: back to the family member's own things. Anything else: try later.
            if (error instanceof ApiError && error.code === 'CONSENT_EXPIRED') {
              stopActing(appStore, true)
              replaceWith('family')
            }
          },
        )
        .finally(() => setRenewing(false))
    }
  }, [family, now, ownApi, renewing])

  if (!family) return null
  return (
    <View className="bb-delegation" data-testid="family-banner">
      <Text className="bb-delegation-text">{t('family.acting', { name: family.resident.maskedName })}</Text>
      <Button
        variant="quiet"
        label={t('family.switchBack')}
        onPress={() => {
          stopActing(appStore)
          goHome()
        }}
        testId="switch-back"
      />
    </View>
  )
}
