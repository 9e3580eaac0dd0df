/**
 * "正在为 王*明 代办 · 剩余 24 分钟" with 结束代办, at the top of every screen while a helper acts
 * for a resident. It counts the minutes down, ends the delegation when the grant's time is up, and
 * asks the service now and then whether the grant still holds (the resident may have ended it
 * from their phone, or the service may have ended it).
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { Button } from '../ui/Button'
import { hasExpired, minutesLeft } from '../visit/grant'
import { endDelegation, useStaffApi, watchForeignWipes } from '../visit/staffSession'

const TICK_MS = 1000
const CHECK_EVERY_MS = 10_000
/** Shared by every mounted banner (pages stack up), so the service is asked once per period. */
let lastCheck = 0

export function DelegationBanner() {
  const t = useT()
  const platform = usePlatform()
  const staffApi = useStaffApi()
  const { delegation } = useAppState()
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => watchForeignWipes(platform), [platform])

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [])

  useEffect(() => {
    if (!delegation) return
    if (hasExpired(delegation.expiresAt, now)) {
      void endDelegation(platform, 'expired')
      return
    }
    if (now - lastCheck < CHECK_EVERY_MS) return
    lastCheck = now
    staffApi.call('getConsent', { params: { id: delegation.consentId }, query: {} }).then(
      (consent) => {
        if (consent.status !== 'approved')
          void endDelegation(platform, consent.status === 'revoked' ? 'revoked' : 'expired')
      },
      () => undefined,
    )
  }, [delegation, now, platform, staffApi])

  if (!delegation) return null
  return (
    <View className="bb-delegation" data-testid="delegation-banner">
      <Text className="bb-delegation-text">
        {t('helper.banner', {
          name: delegation.resident.maskedName,
          minutes: minutesLeft(delegation.expiresAt, now),
        })}
      </Text>
      <Button
        variant="quiet"
        label={t('helper.end')}
        onPress={() => void endDelegation(platform, 'ended')}
        testId="end-delegation"
      />
    </View>
  )
}
