/**
 * Listening for a command, where the platform can: one utterance at a time, behind an interface,
 * off unless a door turns it on. Chromium and Electron send audio to Google (which fails here and
 * in mainland China), so the kiosk has no listener by default.
 */
import type { Language } from '@bangban/core/i18n'
import { matchCommand, type CommandMatch, type VoiceCommand } from './grammar'

export interface VoiceListener {
  readonly id: string
  available(): boolean
  /** One utterance: its transcript, or null for silence or a timeout. Rejects when listening fails. */
  listen(options: { lang: Language; timeoutMs: number }): Promise<string | null>
  stop(): void
}

export const noListener: VoiceListener = {
  id: 'none',
  available: () => false,
  listen: async () => null,
  stop: () => undefined,
}

/** Listens once and maps what was heard to a command; null when nothing usable was said. */
export async function listenForCommand(
  listener: VoiceListener,
  grammar: readonly VoiceCommand[],
  lang: Language,
  timeoutMs = 8000,
): Promise<CommandMatch | null> {
  if (!listener.available()) return null
  const transcript = await listener.listen({ lang, timeoutMs })
  return transcript === null ? null : matchCommand(transcript, grammar, lang)
}

/**
 * Asks for the microphone before the first listening, not before: the mini-program's scope.record
 * prompt appears only when a resident who turned 语音操作 on presses 说话. A refusal makes that
 * listening fail (the screen then says to use the buttons); the next press asks again.
 */
export function askingFirst(listener: VoiceListener, ask: () => Promise<boolean>): VoiceListener {
  let granted = false
  return {
    id: listener.id,
    available: () => listener.available(),
    stop: () => listener.stop(),
    async listen(options) {
      if (!granted) granted = await ask()
      if (!granted) throw new Error(`${listener.id}: microphone permission refused`)
      return listener.listen(options)
    },
  }
}
