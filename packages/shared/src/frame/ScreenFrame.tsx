/**
 * The frame of every screen, exactly the height of the screen: who is signed in, 再听一遍 and
 * 呼叫帮办员 in the top bar; the step ("第 2 步，共 4 步"), the title and the content in a region
 * that scrolls by itself (with 上一页 / 下一页 at the kiosk when it holds more than fits); 返回,
 * 回到首页 and, for a signed-in resident at a kiosk, 办完了，退出 in the bottom bar. The bars
 * never move and the page itself never scrolls, so nothing needed is ever out of reach.
 *
 * A visit ends on purpose: 办完了，退出 (the primary next step once a job is done) wipes it at
 * once and says goodbye. Once a job of the visit is done, going back to the start ends the visit
 * too, so the next person in the queue never finds the last one still signed in.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState, type PropsWithChildren, type ReactNode } from 'react'
import { displayGreeting } from '@bangban/core/format/display'
import type { Platform } from '../platform/Platform'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { CallHelperNotice } from '../queue/CallHelperNotice'
import { QueueCallBanner } from '../queue/QueueCalls'
import { CardNote } from './CardAnywhere'
import { goBack, goHome } from '../visit/nav'
import { FamilyBanner } from './FamilyBanner'
import { PrivacyPrompt } from './PrivacyPrompt'
import { DelegationBanner } from './DelegationBanner'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import type { ScreenCommands } from '../voice/commands/dispatch'
import { sayWith } from '../voice/say'
import { VoiceCommandBar } from './VoiceCommandBar'
import { ScrollRegion } from './ScrollRegion'
import { levelOf, VOLUME_LEVELS, volumeOf, type VolumeLevel } from '../voice/volume'
import { Button } from '../ui/Button'
import { Heading } from '../ui/Heading'
import { Pressable } from '../ui/Pressable'
import { a11y } from '../ui/a11y'
import { themeStyle } from '../ui/themeStyle'

export interface ScreenFrameProps {
  readonly title: string
  /** Current step and how many the job has; none on screens outside a job. */
  readonly step?: { current: number; total: number }
  readonly onRepeat: () => void
  /** Defaults to the previous page. */
  readonly onBack?: () => void
  /** True once the job is done: 回到首页 then ends the visit and wipes it at a kiosk. */
  readonly finished?: boolean
  readonly hideBack?: boolean
  /** Replaces the bottom bar (the home screen's settings). */
  readonly footer?: ReactNode
  /** A small control in the top bar's corner. */
  readonly corner?: ReactNode
  /** What this screen's buttons do when said aloud (语音操作), beside 再听一遍, 返回 and 回到首页. */
  readonly commands?: ScreenCommands
}

export function ScreenFrame({
  title,
  step,
  onRepeat,
  onBack,
  finished,
  hideBack,
  footer,
  corner,
  commands,
  children,
}: PropsWithChildren<ScreenFrameProps>) {
  const t = useT()
  const platform = usePlatform()
  const { session, delegation, family, staff, textSize, speech, language, visitDone } = useAppState()
  // Counts presses of 呼叫帮办员 (0: notice closed); each press shows and says the number again.
  const [helperCalls, setHelperCalls] = useState(0)
  useEffect(() => {
    // The mini-program's navigation bar says where the resident is, in their language.
    if (platform.kind === 'weapp') void Taro.setNavigationBarTitle({ title })
  }, [platform.kind, title])
  useEffect(() => {
    // A job done: from now on the visit is close to its end (the idle warning comes sooner).
    if (finished && !appStore.get().visitDone) appStore.update({ visitDone: true })
  }, [finished])
  const kiosk = platform.kind === 'kiosk'
  // While a helper acts for a resident, a finished job leads back to the start, not to the end of
  // the visit: only 结束代办 (or the grant's end) wipes it, and revokes the grant as it does.
  const endsVisit = kiosk && !delegation && !staff && (finished || visitDone)
  const home = () => (endsVisit ? endVisit(platform) : goHome())
  // A resident signed in at a kiosk always has the way out in front of them.
  const canFinish = kiosk && session !== null && !delegation && !staff
  const finish = canFinish ? (
    <Button
      variant={finished ? 'primary' : 'secondary'}
      label={t('nav.finish')}
      icon="exit"
      onPress={() => endVisit(platform)}
      testId="finish"
    />
  ) : null
  return (
    <View
      className={`bb-screen bb-door-${platform.kind} bb-text-${textSize}`}
      style={themeStyle(textSize, platform.kind)}
    >
      <View className="bb-topbar" {...a11y({ role: 'banner' })}>
        {delegation ? <DelegationBanner /> : null}
        {family ? <FamilyBanner /> : null}
        <View className="bb-topbar-who">
          <Text className="bb-app-name">{t('app.name')}</Text>
          {session && !delegation && !family ? (
            <Text className="bb-signed-in">{displayGreeting(t, language, session.resident)}</Text>
          ) : null}
        </View>
        <View className="bb-topbar-actions">
          <Button label={t('nav.repeat')} icon="speaker" onPress={onRepeat} testId="repeat" />
          {/* At the counter a helper is already here: no one to call. */}
          {staff ? null : (
            <Button
              label={t('nav.callHelper')}
              icon="helper"
              onPress={() => setHelperCalls((n) => n + 1)}
              testId="call-helper"
            />
          )}
          {corner}
        </View>
      </View>
      {speech.muted ? (
        <View className="bb-silent-sign" {...a11y({ role: 'status' })}>
          <Text>{t('voice.mutedSign')}</Text>
        </View>
      ) : !platform.speaker.available() ? (
        <View className="bb-silent-sign" {...a11y({ role: 'status' })}>
          <Text>{t(platform.kind === 'weapp' ? 'weapp.silent' : 'voice.unavailableSign')}</Text>
        </View>
      ) : null}
      <VoiceCommandBar
        actions={{
          ...commands,
          repeat: onRepeat,
          // Only what the bottom bar offers: the home screen's settings replace 返回 and 回到首页.
          ...(footer ? {} : { home, ...(hideBack ? {} : { back: onBack ?? goBack }) }),
        }}
      />
      <ScrollRegion paged={kiosk} resetKey={`${title}|${step?.current ?? ''}`}>
        <View className="bb-main" {...a11y({ role: 'main' })}>
          <QueueCallBanner />
          <CardNote />
          {step ? (
            <Text className="bb-step">{t('nav.step', { current: step.current, total: step.total })}</Text>
          ) : null}
          <Heading text={title} />
          {platform.kind === 'weapp' ? <PrivacyPrompt /> : null}
          {helperCalls > 0 ? (
            <CallHelperNotice press={helperCalls} onClose={() => setHelperCalls(0)} />
          ) : null}
          {children}
        </View>
      </ScrollRegion>
      <View
        className={`bb-bottombar${footer ? ' bb-bottombar-settings' : ''}`}
        {...a11y({ role: 'navigation', 'aria-label': t('nav.label') })}
      >
        {footer ? (
          <>
            {footer}
            {finish ? <View className="bb-bottombar-end">{finish}</View> : null}
          </>
        ) : (
          <>
            {hideBack ? (
              <View />
            ) : (
              <Button label={t('nav.back')} icon="back" onPress={onBack ?? goBack} testId="back" />
            )}
            <View className="bb-bottombar-end">
              <Button label={t('nav.home')} icon="home" onPress={home} testId="home" />
              {finish}
            </View>
          </>
        )}
      </View>
    </View>
  )
}

/** Ends the resident's visit now: session revoked, everything wiped, then a goodbye on the welcome screen. */
function endVisit(platform: Platform): void {
  platform.endSession()
  // Set on the wiped state: the welcome screen says goodbye; nothing of the resident is in it.
  appStore.update({ farewell: true })
}

const VOLUME_LABELS: Readonly<Record<VolumeLevel, string>> = {
  low: 'settings.volumeLow',
  medium: 'settings.volumeMedium',
  high: 'settings.volumeHigh',
}

/**
 * Language, text size, volume and voice, chosen on the home screen for this visit only. 语音操作
 * shows only where the platform can listen (the mini-program; not the kiosk by default).
 */
export function VisitSettings() {
  const t = useT()
  const platform = usePlatform()
  const { language, textSize, speech } = useAppState()
  const chooseVolume = (level: VolumeLevel) => {
    appStore.update((s) => ({ speech: { ...s.speech, volume: volumeOf(level) } }))
    // Said at the new volume, so the resident hears what they chose.
    sayWith(platform.speaker, t('voice.volumeCheck'), language, { ...speech, volume: volumeOf(level) })
  }
  return (
    <View className="bb-settings">
      <View className="bb-setting" {...a11y({ role: 'radiogroup', 'aria-label': t('settings.language') })}>
        {(['zh-CN', 'zh-HK', 'en'] as const).map((lng) => (
          <Pressable
            key={lng}
            role="radio"
            selected={language === lng}
            label={t(`languages.${lng}`)}
            onPress={() => appStore.update({ language: lng })}
            className="bb-chip"
            testId={`lang-${lng}`}
          >
            <Text {...a11y({ lang: lng })}>{t(`languages.${lng}`)}</Text>
          </Pressable>
        ))}
      </View>
      <View className="bb-setting" {...a11y({ role: 'radiogroup', 'aria-label': t('settings.textSize') })}>
        {(['large', 'extraLarge'] as const).map((size) => (
          <Pressable
            key={size}
            role="radio"
            selected={textSize === size}
            label={t(size === 'large' ? 'settings.textLarge' : 'settings.textExtraLarge')}
            onPress={() => appStore.update({ textSize: size })}
            className="bb-chip"
          >
            <Text>{t(size === 'large' ? 'settings.textLarge' : 'settings.textExtraLarge')}</Text>
          </Pressable>
        ))}
      </View>
      <View className="bb-setting" {...a11y({ role: 'group', 'aria-label': t('settings.voice') })}>
        <Pressable
          role="checkbox"
          selected={speech.slow}
          label={t('settings.slow')}
          onPress={() => appStore.update((s) => ({ speech: { ...s.speech, slow: !s.speech.slow } }))}
          className="bb-chip"
        >
          <Text>{t('settings.slow')}</Text>
        </Pressable>
        <Pressable
          role="checkbox"
          selected={speech.muted}
          label={t('settings.mute')}
          onPress={() => appStore.update((s) => ({ speech: { ...s.speech, muted: !s.speech.muted } }))}
          className="bb-chip"
        >
          <Text>{t('settings.mute')}</Text>
        </Pressable>
        {platform.listener?.available() ? (
          <Pressable
            role="checkbox"
            selected={speech.commands}
            label={t('settings.commands')}
            onPress={() =>
              appStore.update((s) => ({ speech: { ...s.speech, commands: !s.speech.commands } }))
            }
            className="bb-chip"
            testId="voice-commands"
          >
            <Text>{t('settings.commands')}</Text>
          </Pressable>
        ) : null}
      </View>
      <View className="bb-setting" {...a11y({ role: 'radiogroup', 'aria-label': t('settings.volume') })}>
        {VOLUME_LEVELS.map((level) => (
          <Pressable
            key={level}
            role="radio"
            selected={levelOf(speech.volume) === level}
            label={t(VOLUME_LABELS[level])}
            onPress={() => chooseVolume(level)}
            className="bb-chip"
            testId={`volume-${level}`}
          >
            <Text>{t(VOLUME_LABELS[level])}</Text>
          </Pressable>
        ))}
      </View>
    </View>
  )
}
