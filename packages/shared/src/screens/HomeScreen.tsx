import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { ConsentScope } from '@bangban/core/api/consents'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { ScreenFrame, VisitSettings } from '../frame/ScreenFrame'
import { useScreenVoice } from '../visit/useScreenVoice'
import { goTo, replaceWith } from '../visit/nav'
import { Notice } from '../ui/Notice'
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
 * After a visit ended on purpose it says goodbye (and that nothing of it is left here) for a while.
 * The staff entry sits at the bottom, away from 呼叫帮办员, and says it is a sign-in.
 */

/** How long the goodbye stays on the welcome screen (then it is the next person's welcome). */
const FAREWELL_MS = 20_000
export function HomeScreen() {
  const t = useT()
  const platform = usePlatform()
  const { staff, delegation, family, farewell } = useAppState()
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
  // The goodbye stays a while, then the screen is the next person's welcome.
  useEffect(() => {
    if (!farewell) return
    const timer = setTimeout(() => appStore.update({ farewell: false }), FAREWELL_MS)
    return () => clearTimeout(timer)
  }, [farewell])
  const { repeat } = useScreenVoice(
    toConsole ? null : (approved ?? (farewell ? t('voice.farewell') : t('voice.home'))),
  )
  useEffect(() => {
    if (!toConsole) return
    const { staff: signedIn, delegationEnded } = appStore.get()
    replaceWith(staffLanding(signedIn?.staff.roles ?? [], delegationEnded))
  }, [toConsole])
  if (toConsole) return <View />
  const blocked = (scope: ConsentScope) =>
    allows(delegation ?? family, scope) ? null : t('helper.notGranted')
  // Whoever goes on is a new visit: the goodbye to the last one is over.
  const go = (page: Parameters<typeof goTo>[0]) => {
    if (appStore.get().farewell) appStore.update({ farewell: false })
    goTo(page)
  }
  const open = {
    book: () => go('book'),
    pay: () => go(delegation ? 'staffCash' : 'pay'),
    request: () => go('request'),
    records: () => go('records'),
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
      footer={
        <>
          <VisitSettings />
          {platform.kind === 'kiosk' && !staff ? <StaffEntry /> : null}
        </>
      }
      commands={commands}
    >
      {farewell ? (
        <Notice kind="success" title={t('farewell.title')}>
          <Text className="bb-text" data-testid="farewell">
            {t('farewell.text')}
          </Text>
        </Notice>
      ) : null}
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
