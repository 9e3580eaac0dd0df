import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { commandGrammar } from '../voice/commands/grammar'
import { messageKey, talkController, type CommandActions } from '../voice/commands/dispatch'
import { sayWith } from '../voice/say'

export interface VoiceCommands {
  /** The platform can listen and the resident turned 语音操作 on: show the 说话 button. */
  readonly enabled: boolean
  readonly listening: boolean
  /** What went wrong with the last try, shown (and said) until the next. */
  readonly message: string | null
  /** 说话: listens once; pressed while listening, stops. */
  readonly press: () => void
}

/**
 * Spoken commands for the screen shown: off unless the platform has a listener that works here
 * and the resident turned them on; never an always-on microphone, one utterance per press.
 */
export function useVoiceCommands(actions: CommandActions): VoiceCommands {
  const t = useT()
  const { listener, speaker } = usePlatform()
  const { language, speech } = useAppState()
  const enabled = speech.commands && listener !== undefined && listener.available()
  const [listening, setListening] = useState(false)
  const [messageOf, setMessage] = useState<ReturnType<typeof messageKey>>(null)
  // The controller reads these when it needs them: the screen may change while the resident speaks.
  const current = useRef({ actions, language, speech, t })
  current.current = { actions, language, speech, t }

  const controller = useMemo(
    () =>
      listener
        ? talkController({
            listener,
            language: () => current.current.language,
            grammar: () => commandGrammar(current.current.t),
            actions: () => current.current.actions,
            silence: () => speaker.cancel(),
          })
        : null,
    [listener, speaker],
  )

  useEffect(() => () => controller?.stop(), [controller])
  useEffect(() => {
    if (enabled) return
    controller?.stop()
    setListening(false)
    setMessage(null)
  }, [enabled, controller])

  const press = useCallback(() => {
    if (!controller) return
    if (controller.listening()) {
      controller.stop()
      setListening(false)
      return
    }
    setMessage(null)
    setListening(true)
    void controller.talk().then((outcome) => {
      if (outcome.kind === 'cancelled') return
      setListening(false)
      const key = messageKey(outcome)
      if (!key) return
      setMessage(key)
      const { t: tr, language: lang, speech: settings } = current.current
      sayWith(speaker, tr(key), lang, settings)
    })
  }, [controller, speaker])

  // Kept as a key, so a language change translates the message on screen too.
  return { enabled, listening, message: messageOf ? t(messageOf) : null, press }
}
