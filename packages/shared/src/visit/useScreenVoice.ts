import { useCallback, useEffect, useRef } from 'react'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { sayWith } from '../voice/say'

/**
 * Reads a screen's prompt aloud when the screen appears (or the prompt changes), stops when it
 * goes, and gives the screen a way to say it again. Mute and slow speech apply at once.
 */
export function useScreenVoice(prompt: string | null): { repeat: () => void; say: (text: string) => void } {
  const { speaker } = usePlatform()
  const { language, speech } = useAppState()
  const settings = useRef(speech)
  settings.current = speech

  const say = useCallback(
    (text: string) => sayWith(speaker, text, language, settings.current),
    [speaker, language],
  )

  useEffect(() => {
    if (prompt) say(prompt)
    return () => speaker.cancel()
  }, [prompt, say, speaker])

  useEffect(() => {
    if (speech.muted) speaker.cancel()
  }, [speech.muted, speaker])

  const repeat = useCallback(() => {
    if (prompt) say(prompt)
  }, [prompt, say])

  return { repeat, say }
}
