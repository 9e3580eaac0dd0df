import { View } from '@tarojs/components'
import { useEffect } from 'react'
import type { ConsentScope } from '../api/consents'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { ScreenFrame, VisitSettings } from '../ui/ScreenFrame'
import { useScreenVoice } from '../voice/useScreenVoice'
import { goTo, replaceWith } from './nav'
import { allows } from './staff/logic'
import { ScopedTile } from './staff/ScopedTile'
import { StaffEntry } from './staff/StaffEntry'

/**
 * 首页: the four jobs as four big tiles; language, text size and voice below. While a helper acts
 * for a resident, jobs the grant does not cover are switched off with the reason, and 生活缴费 is
 * the counter's cash payment; a helper signed in but acting for nobody is taken to the console.
 */
export function HomeScreen() {
  const t = useT()
  const platform = usePlatform()
  const { staff, delegation } = useAppState()
  const toConsole = staff !== null && delegation === null
  const { repeat } = useScreenVoice(toConsole ? null : t('voice.home'))
  useEffect(() => {
    if (toConsole) replaceWith('staffConsole')
  }, [toConsole])
  if (toConsole) return <View />
  const blocked = (scope: ConsentScope) => (allows(delegation, scope) ? null : t('helper.notGranted'))
  return (
    <ScreenFrame
      title={t('home.title')}
      onRepeat={repeat}
      footer={<VisitSettings />}
      {...(platform.kind === 'kiosk' && !staff ? { corner: <StaffEntry /> } : {})}
    >
      <View className="bb-tiles">
        <ScopedTile
          label={t('home.book')}
          icon="book"
          hint={t('home.bookHint')}
          onPress={() => goTo('book')}
          testId="tile-book"
          blockedReason={blocked('booking')}
        />
        <ScopedTile
          label={t('home.pay')}
          icon="pay"
          hint={delegation ? t('helper.cashHint') : t('home.payHint')}
          onPress={() => goTo(delegation ? 'staffCash' : 'pay')}
          testId="tile-pay"
          blockedReason={blocked('payment')}
        />
        <ScopedTile
          label={t('home.request')}
          icon="request"
          hint={t('home.requestHint')}
          onPress={() => goTo('request')}
          testId="tile-request"
          blockedReason={blocked('request')}
        />
        <ScopedTile
          label={t('home.records')}
          icon="records"
          hint={t('home.recordsHint')}
          onPress={() => goTo('records')}
          testId="tile-records"
          blockedReason={null}
        />
      </View>
    </ScreenFrame>
  )
}
