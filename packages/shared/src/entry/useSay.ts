import { useCallback, useRef } from 'react'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { sayWith } from '../voice/say'

/** Says a short text now (a chosen character, a read-back) with the visit's speech settings. */
export function useSay(): (text: string) => void {
  const { speaker } = usePlatform()
  const { language, speech } = useAppState()
  const settings = useRef(speech)
  settings.current = speech
  return useCallback(
    (text: string) => sayWith(speaker, text, language, settings.current),
    [speaker, language],
  )
}
