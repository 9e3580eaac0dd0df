import { useCallback, useEffect, useRef } from 'react'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { sayWith } from '../voice/say'

/** Which screen spoke last: a screen that goes away stops only its own prompt, not the next screen's. */
let lastSpeaker = 0
let nextId = 1

/**
 * Reads a screen's prompt aloud when the screen appears (or the prompt changes), stops when it
 * goes, and gives the screen a way to say it again. Mute and slow speech apply at once.
 */
export function useScreenVoice(prompt: string | null): { repeat: () => void; say: (text: string) => void } {
  const { speaker } = usePlatform()
  const { language, speech } = useAppState()
  const settings = useRef(speech)
  settings.current = speech
  const id = useRef(0)
  if (id.current === 0) id.current = nextId++

  const say = useCallback(
    (text: string) => {
      lastSpeaker = id.current
      sayWith(speaker, text, language, settings.current)
    },
    [speaker, language],
  )

  useEffect(() => {
    if (prompt) say(prompt)
    // After sign-in the job's page speaks its new prompt before the sign-in page closes.
    return () => {
      if (lastSpeaker === id.current) speaker.cancel()
    }
  }, [prompt, say, speaker])

  useEffect(() => {
    if (speech.muted) speaker.cancel()
  }, [speech.muted, speaker])

  const repeat = useCallback(() => {
    if (prompt) say(prompt)
  }, [prompt, say])

  return { repeat, say }
}
