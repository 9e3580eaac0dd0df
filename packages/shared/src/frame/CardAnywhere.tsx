/**
 * The card reader listens wherever a resident may start. A card put on the reader on the home
 * screen or inside a job signs the resident in where they are: the screen they are on carries on
 * with them signed in (我的账户 on 生活缴费, 确认预约 on the booking). 请先确认身份 and the helper's
 * consent screens read the card themselves; while a helper works at the kiosk a card signs nobody in.
 * A card that cannot be read, or is refused, is shown and said, never silently ignored.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { useAppState } from '../state/useAppState'
import { Notice } from '../ui/Notice'
import { sayWith } from '../voice/say'
import { currentPage, type PageName } from '../visit/nav'
import { asApiError, useApi } from '../visit/useApi'

/** Pages whose own screen reads the card (sign-in, and the helper's consent ritual). */
const READS_ITSELF: readonly PageName[] = [
  'signIn',
  'staffSignIn',
  'staffConsole',
  'staffCash',
  'adminDashboard',
]

/** How long the note stays on screen. */
const SHOWN_MS = 8000

type Note = { kind: 'success'; name: string } | { kind: 'error'; code: string }

export function CardAnywhere() {
  const t = useT()
  const api = useApi()
  const platform = usePlatform()
  const { staff, delegation, language, speech, session } = useAppState()
  const settings = useRef({ language, speech })
  settings.current = { language, speech }
  const say = (text: string) =>
    sayWith(platform.speaker, text, settings.current.language, settings.current.speech)
  const listening = !!platform.devices && !staff && !delegation

  useEffect(() => {
    const devices = platform.devices
    if (!devices || !listening) return undefined
    const failed = (code: string) => {
      setNote({ kind: 'error', code })
      say(t(`errors.${code}`))
    }
    const offCard = devices.onIdCard((card) => {
      const page = currentPage()
      if (page && READS_ITSELF.includes(page)) return
      api.call('signInWithIdCard', { body: card }).then(
        (session) => {
          appStore.update({
            session: { token: session.token, expiresAt: session.expiresAt, resident: session.resident },
          })
          setNote({ kind: 'success', name: session.resident.maskedName })
          say(t('voice.signIn.cardRead'))
        },
        (e: unknown) => failed((asApiError(e) as ApiError).code),
      )
    })
    const offError = devices.onIdCardError?.(() => failed('ID_CARD_UNREADABLE')) ?? (() => undefined)
    return () => {
      offCard()
      offError()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribe while listening; say reads the latest settings
  }, [listening, platform.devices, api])

  // The note names the resident: it ends with their visit, never shown to the next person.
  useEffect(() => {
    if (!session) forgetResident()
  }, [session])

  // The reader's own errors on the sign-in screen are said here too (that screen reads only cards).
  useEffect(() => {
    const devices = platform.devices
    if (!devices?.onIdCardError || listening) return undefined
    return devices.onIdCardError(() => {
      setNote({ kind: 'error', code: 'ID_CARD_UNREADABLE' })
      say(t('errors.ID_CARD_UNREADABLE'))
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  }, [listening, platform.devices])

  return null
}

/**
 * What the reader last did, shown on top of the screen's content for a few seconds: the note lives
 * here, not in CardAnywhere, because the app root renders outside the page (Taro's H5 router hides
 * the page while its root shows anything), so every screen's frame shows it (CardNote).
 */
let note: Note | null = null
let noteTimer: ReturnType<typeof setTimeout> | null = null
const noteListeners = new Set<() => void>()

function setNote(next: Note | null): void {
  note = next
  if (noteTimer) clearTimeout(noteTimer)
  noteTimer = next ? setTimeout(() => setNote(null), SHOWN_MS) : null
  noteListeners.forEach((listener) => listener())
}

/** Drops a note that names a resident (the visit that signed them in has ended). */
function forgetResident(): void {
  if (note?.kind === 'success') setNote(null)
}

export function CardNote() {
  const t = useT()
  const [shown, setShown] = useState(note)
  useEffect(() => {
    const update = () => setShown(note)
    noteListeners.add(update)
    update()
    return () => {
      noteListeners.delete(update)
    }
  }, [])
  if (!shown) return null
  return (
    <View className="bb-card-note" data-testid="card-note">
      {shown.kind === 'success' ? (
        <Notice kind="success" title={t('signIn.cardRead', { name: shown.name })} />
      ) : (
        <Notice kind="error" title={t(`errors.${shown.code}`)}>
          <Text className="bb-text">{t('signIn.cardAgain')}</Text>
        </Notice>
      )}
    </View>
  )
}
