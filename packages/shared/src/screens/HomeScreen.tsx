import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ConsentScope } from '@bangban/core/api/consents'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { ScreenFrame, VisitSettings } from '../frame/ScreenFrame'
import { useScreenVoice } from '../visit/useScreenVoice'
import { goTo, replaceWith } from '../visit/nav'
import { allows } from '../visit/grant'
import { staffLanding } from './staff/logic'
import { ScopedTile } from './staff/ScopedTile'
import { StaffEntry } from './staff/StaffEntry'

/** Grants whose approval has been announced: the first home after 同意代办 says so, once. */
const announced = new Set<string>()

/**
 * 首页: the four jobs as four big tiles; language, text size and voice below. While a helper acts
 * for a resident, jobs the grant does not cover are switched off with the reason, and 生活缴费 is
 * the counter's cash payment; a helper signed in but acting for nobody is taken to the console.
 */
export function HomeScreen() {
  const t = useT()
  const platform = usePlatform()
  const { staff, delegation, family } = useAppState()
  const toConsole = staff !== null && delegation === null
  const [justApproved] = useState(() =>
    delegation && !announced.has(delegation.consentId) ? delegation.consentId : null,
  )
  useEffect(() => {
    if (justApproved) announced.add(justApproved)
  }, [justApproved])
  const approved =
    delegation && delegation.consentId === justApproved
      ? t('helper.spoken.approved', {
          jobs: delegation.scopes.map((s) => t(`helper.scopes.${s}`)).join(t('helper.listSeparator')),
        })
      : null
  const { repeat } = useScreenVoice(toConsole ? null : (approved ?? t('voice.home')))
  useEffect(() => {
    if (!toConsole) return
    const { staff: signedIn, delegationEnded } = appStore.get()
    replaceWith(staffLanding(signedIn?.staff.roles ?? [], delegationEnded))
  }, [toConsole])
  if (toConsole) return <View />
  const blocked = (scope: ConsentScope) =>
    allows(delegation ?? family, scope) ? null : t('helper.notGranted')
  const open = {
    book: () => goTo('book'),
    pay: () => goTo(delegation ? 'staffCash' : 'pay'),
    request: () => goTo('request'),
    records: () => goTo('records'),
  }
  // 语音操作 opens a tile by its name, as a touch would: not the jobs a helper's grant leaves out.
  const commands = {
    ...(blocked('booking') ? {} : { book: open.book }),
    ...(blocked('payment') ? {} : { pay: open.pay }),
    ...(blocked('request') ? {} : { request: open.request }),
    records: open.records,
  }
  return (
    <ScreenFrame
      title={t('home.title')}
      onRepeat={repeat}
      footer={<VisitSettings />}
      commands={commands}
      {...(platform.kind === 'kiosk' && !staff ? { corner: <StaffEntry /> } : {})}
    >
      <View className="bb-tiles">
        <ScopedTile
          label={t('home.book')}
          icon="book"
          hint={t('home.bookHint')}
          onPress={open.book}
          testId="tile-book"
          blockedReason={blocked('booking')}
        />
        <ScopedTile
          label={t('home.pay')}
          icon="pay"
          hint={delegation ? t('helper.cashHint') : t('home.payHint')}
          onPress={open.pay}
          testId="tile-pay"
          blockedReason={blocked('payment')}
        />
        <ScopedTile
          label={t('home.request')}
          icon="request"
          hint={t('home.requestHint')}
          onPress={open.request}
          testId="tile-request"
          blockedReason={blocked('request')}
        />
        <ScopedTile
          label={t('home.records')}
          icon="records"
          hint={t('home.recordsHint')}
          onPress={open.records}
          testId="tile-records"
          blockedReason={null}
        />
        {platform.kind === 'weapp' ? (
          <ScopedTile
            label={t('scanConsent.tile')}
            icon="scan"
            hint={t('scanConsent.tileHint')}
            onPress={() => goTo('scanConsent')}
            testId="tile-scan-consent"
            blockedReason={null}
          />
        ) : null}
        {platform.kind === 'weapp' ? (
          <ScopedTile
            label={t('family.tile')}
            icon="family"
            hint={t('family.tileHint')}
            onPress={() => goTo('family')}
            testId="tile-family"
            blockedReason={null}
          />
        ) : null}
      </View>
    </ScreenFrame>
  )
}
