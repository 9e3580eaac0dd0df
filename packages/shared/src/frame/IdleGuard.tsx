/**
 * At a kiosk, nothing of one resident may reach the next person, and nothing may time out
 * without warning. After `warnAfterMs` without a touch or key, a large spoken question with a
 * countdown ("还需要更多时间吗？"); at `endAfterMs` the visit ends and is wiped. Once a job of the
 * visit is done (a success screen), the resident has usually walked away: the warning comes after
 * `doneWarnAfterMs` (30 s), and the wipe as long after it as usual.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { initialAppState } from '../state/appStore'
import { isVisitDefault } from '../voice/settings'
import { useAppState } from '../state/useAppState'
import { useScreenVoice } from '../visit/useScreenVoice'
import { Button } from '../ui/Button'
import { a11y } from '../ui/a11y'
import { themeStyle } from '../ui/themeStyle'

export interface IdleGuardProps {
  readonly warnAfterMs?: number
  readonly endAfterMs?: number
  /** While a helper is signed in at the counter: they talk a resident through things, so longer. */
  readonly staffWarnAfterMs?: number
  readonly staffEndAfterMs?: number
  /** After a success screen: a resident who is done has often already left. */
  readonly doneWarnAfterMs?: number
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const

export function IdleGuard({
  warnAfterMs: residentWarnAfterMs = 60_000,
  endAfterMs: residentEndAfterMs = 90_000,
  staffWarnAfterMs = 300_000,
  staffEndAfterMs = 360_000,
  doneWarnAfterMs = 30_000,
}: IdleGuardProps) {
  const t = useT()
  const platform = usePlatform()
  const state = useAppState()
  const atCounter = state.staff !== null
  const done = state.visitDone && !atCounter && state.delegation === null
  const warnAfterMs = atCounter
    ? staffWarnAfterMs
    : done
      ? Math.min(doneWarnAfterMs, residentWarnAfterMs)
      : residentWarnAfterMs
  const endAfterMs = atCounter
    ? staffEndAfterMs
    : warnAfterMs + Math.max(0, residentEndAfterMs - residentWarnAfterMs)
  const [idleMs, setIdleMs] = useState(0)
  const lastActivity = useRef(Date.now())
  const warningShown = useRef(false)
  const onHome = typeof window !== 'undefined' && /pages\/index\/index|#\/?$|^$/.test(window.location.hash)
  // A welcome screen in the default settings holds nothing of anyone: no need to guard it.
  const holdsSomething =
    state.session !== null ||
    state.language !== initialAppState.language ||
    state.textSize !== initialAppState.textSize ||
    // Volume, slow speech or mute chosen on the welcome screen are the resident's too: reset them.
    !isVisitDefault(state.speech) ||
    !onHome

  useEffect(() => {
    const mark = () => {
      // While the question is up, only answering it counts: a touch must not also press what is behind.
      if (warningShown.current) return
      lastActivity.current = Date.now()
      setIdleMs(0)
    }
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, mark, { capture: true, passive: true }))
    const timer = setInterval(() => setIdleMs(Date.now() - lastActivity.current), 1000)
    return () => {
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, mark, { capture: true }))
      clearInterval(timer)
    }
  }, [])

  const warning = holdsSomething && idleMs >= warnAfterMs
  warningShown.current = warning
  const moreTime = () => {
    warningShown.current = false
    lastActivity.current = Date.now()
    setIdleMs(0)
  }
  const secondsLeft = Math.max(0, Math.ceil((endAfterMs - idleMs) / 1000))
  useScreenVoice(
    warning ? t('idle.spoken', { seconds: Math.round((endAfterMs - warnAfterMs) / 1000) }) : null,
  )

  useEffect(() => {
    if (holdsSomething && idleMs >= endAfterMs) {
      lastActivity.current = Date.now()
      setIdleMs(0)
      platform.endSession()
    }
  }, [holdsSomething, idleMs, endAfterMs, platform])

  if (!warning) return null
  return (
    <View className="bb-idle-backdrop" style={themeStyle(state.textSize, platform.kind)} onClick={moreTime}>
      <View
        className="bb-idle-dialog"
        {...a11y({
          role: 'alertdialog',
          'aria-modal': 'true',
          'aria-labelledby': 'bb-idle-title',
          'aria-describedby': 'bb-idle-text',
        })}
      >
        <Text className="bb-heading bb-heading-1" {...a11y({ id: 'bb-idle-title' })}>
          {t('idle.title')}
        </Text>
        <Text className="bb-text" {...a11y({ id: 'bb-idle-text', 'aria-live': 'polite' })}>
          {t('idle.countdown', { seconds: secondsLeft })}
        </Text>
        <Button
          variant="primary"
          label={t('idle.continue')}
          onPress={() => setIdleMs(0)}
          testId="idle-continue"
        />
      </View>
    </View>
  )
}
