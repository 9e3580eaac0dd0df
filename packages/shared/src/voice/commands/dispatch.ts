/**
 * What happens after 说话: listen once, match the words to a command, and press the same action the
 * button does. Kept free of React so it is tested with a fake listener; useVoiceCommands wires it
 * to a screen.
 */
import type { Language } from '@bangban/core/i18n'
import { matchCommand, type CommandId, type CommandMatch, type VoiceCommand } from './grammar'
import type { VoiceListener } from './listener'

/** The commands a screen adds to the frame's own (再听一遍, 返回, 回到首页). */
export type ScreenCommandId = Exclude<CommandId, 'repeat' | 'back' | 'home'>

export type ScreenCommands = Partial<Record<ScreenCommandId, () => void>> & {
  /** Digits said aloud, for the screen's keypad. */
  readonly digits?: (digits: string) => void
}

/** Everything a spoken command can do on the screen shown: an absent entry has no button here. */
export type CommandActions = Partial<Record<CommandId, () => void>> & {
  readonly digits?: (digits: string) => void
}

export type TalkOutcome =
  | { readonly kind: 'done'; readonly id: CommandId | 'digits' }
  /** Silence, or words that are no command. */
  | { readonly kind: 'notUnderstood' }
  /** A command this screen has no button for (确认 on the home screen). */
  | { readonly kind: 'notHere'; readonly id: CommandId | 'digits' }
  /** The recogniser failed: no microphone permission, no network. */
  | { readonly kind: 'failed' }
  /** Stopped before an answer: pressed again, or the screen went away. */
  | { readonly kind: 'cancelled' }

/** The message each unhappy outcome shows and says. */
export const OUTCOME_MESSAGES = {
  notUnderstood: 'voice.command.notUnderstood',
  notHere: 'voice.command.notHere',
  failed: 'voice.command.failed',
} as const

export function messageKey(
  outcome: TalkOutcome,
): (typeof OUTCOME_MESSAGES)[keyof typeof OUTCOME_MESSAGES] | null {
  return outcome.kind in OUTCOME_MESSAGES
    ? OUTCOME_MESSAGES[outcome.kind as keyof typeof OUTCOME_MESSAGES]
    : null
}

/** Presses what the match names, if this screen has it. */
export function dispatchCommand(match: CommandMatch | null, actions: CommandActions): TalkOutcome {
  if (!match) return { kind: 'notUnderstood' }
  if (match.id === 'digits') {
    if (!actions.digits) return { kind: 'notHere', id: 'digits' }
    actions.digits(match.digits)
    return { kind: 'done', id: 'digits' }
  }
  const action = actions[match.id]
  if (!action) return { kind: 'notHere', id: match.id }
  action()
  return { kind: 'done', id: match.id }
}

export interface TalkDeps {
  readonly listener: VoiceListener
  readonly language: () => Language
  readonly grammar: () => readonly VoiceCommand[]
  /** Read after listening: the screen may have changed while the resident spoke. */
  readonly actions: () => CommandActions
  /** Stops our own voice first: the microphone must not hear the prompt. */
  readonly silence: () => void
  readonly timeoutMs?: number
}

/**
 * One 说话 button's listening: talk() listens once and acts; a second talk() while listening, or
 * stop(), ends the first without acting on whatever it hears later.
 */
export function talkController(deps: TalkDeps) {
  let generation = 0
  let listening = false
  const stop = () => {
    generation += 1
    if (listening) deps.listener.stop()
    listening = false
  }
  return {
    listening: () => listening,
    stop,
    async talk(): Promise<TalkOutcome> {
      stop()
      if (!deps.listener.available()) return { kind: 'failed' }
      const mine = generation
      deps.silence()
      listening = true
      let transcript: string | null
      try {
        transcript = await deps.listener.listen({ lang: deps.language(), timeoutMs: deps.timeoutMs ?? 8000 })
      } catch {
        if (mine !== generation) return { kind: 'cancelled' }
        listening = false
        return { kind: 'failed' }
      }
      if (mine !== generation) return { kind: 'cancelled' }
      listening = false
      const match = transcript === null ? null : matchCommand(transcript, deps.grammar(), deps.language())
      return dispatchCommand(match, deps.actions())
    },
  }
}

export type TalkController = ReturnType<typeof talkController>
