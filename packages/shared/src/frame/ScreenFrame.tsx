/**
 * The frame of every screen: who is signed in, 再听一遍 and 呼叫帮办员 at the top; the step
 * ("第 2 步，共 4 步") and the title; the content; 返回 and 回到首页 at the bottom.
 */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState, type PropsWithChildren, type ReactNode } from 'react'
import { displayGreeting } from '@bangban/core/format/display'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { CallHelperNotice } from '../queue/CallHelperNotice'
import { QueueCallBanner } from '../queue/QueueCalls'
import { goBack, goHome } from '../visit/nav'
import { FamilyBanner } from './FamilyBanner'
import { PrivacyPrompt } from './PrivacyPrompt'
import { DelegationBanner } from './DelegationBanner'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import type { ScreenCommands } from '../voice/commands/dispatch'
import { sayWith } from '../voice/say'
import { VoiceCommandBar } from './VoiceCommandBar'
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
  /** A small control in the top bar's corner (the kiosk's discreet staff entry). */
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
  const { session, delegation, family, staff, textSize, speech, language } = useAppState()
  // Counts presses of 呼叫帮办员 (0: notice closed); each press shows and says the number again.
  const [helperCalls, setHelperCalls] = useState(0)
  useEffect(() => {
    // The mini-program's navigation bar says where the resident is, in their language.
    if (platform.kind === 'weapp') void Taro.setNavigationBarTitle({ title })
  }, [platform.kind, title])
  // While a helper acts for a resident, a finished job leads back to the start, not to the end of
  // the visit: only 结束代办 (or the grant's end) wipes it, and revokes the grant as it does.
  const home = () => (finished && platform.kind === 'kiosk' && !delegation ? platform.endSession() : goHome())
  return (
    <View className={`bb-screen bb-text-${textSize}`} style={themeStyle(textSize)}>
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
      <View className="bb-main" {...a11y({ role: 'main' })}>
        <QueueCallBanner />
        {step ? (
          <Text className="bb-step">{t('nav.step', { current: step.current, total: step.total })}</Text>
        ) : null}
        <Heading text={title} />
        {platform.kind === 'weapp' ? <PrivacyPrompt /> : null}
        {helperCalls > 0 ? <CallHelperNotice press={helperCalls} onClose={() => setHelperCalls(0)} /> : null}
        {children}
      </View>
      <View className="bb-bottombar" {...a11y({ role: 'navigation', 'aria-label': t('nav.label') })}>
        {footer ?? (
          <>
            {hideBack ? (
              <View />
            ) : (
              <Button label={t('nav.back')} icon="back" onPress={onBack ?? goBack} testId="back" />
            )}
            <Button label={t('nav.home')} icon="home" onPress={home} testId="home" />
          </>
        )}
      </View>
    </View>
  )
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
