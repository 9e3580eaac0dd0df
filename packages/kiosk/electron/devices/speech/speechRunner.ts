/**
 * Runs the OS speech commands: one utterance at a time (a new one cancels the last), and the
 * answer to "is there a voice" asked once per language.
 */
import type { BridgeSpeech, BridgeUtterance } from '@bangban/shared/platform/KioskBridge'
import { speechCommand, voiceProbeCommand, type SpeechCommand } from './osSpeech'

export interface ChildLike {
  readonly stdin: { end(text?: string): void } | null
  kill(): boolean
  once(event: 'exit', listener: (code: number | null) => void): unknown
  once(event: 'error', listener: (error: Error) => void): unknown
}

export type Spawn = (command: string, args: readonly string[]) => ChildLike

function run(spawn: Spawn, command: SpeechCommand): { child: ChildLike; done: Promise<number | null> } {
  const child = spawn(command.command, command.args)
  const done = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.once('error', () => resolve(null))
  })
  child.stdin?.end(command.stdin ?? undefined)
  return { child, done }
}

export function osSpeech(platform: NodeJS.Platform, spawn: Spawn): BridgeSpeech {
  let current: ChildLike | null = null
  const known = new Map<BridgeUtterance['lang'], Promise<boolean>>()
  // Synchronous, so two utterances asked for back to back cannot both start.
  const stop = () => {
    current?.kill()
    current = null
  }
  return {
    available(lang) {
      let answer = known.get(lang)
      if (!answer) {
        const probe = voiceProbeCommand(platform, lang)
        answer = probe ? run(spawn, probe).done.then((code) => code === 0) : Promise.resolve(false)
        known.set(lang, answer)
      }
      return answer
    },
    async speak(utterance) {
      stop()
      const command = speechCommand(platform, utterance)
      if (!command) return
      const started = run(spawn, command)
      current = started.child
      await started.done
      if (current === started.child) current = null
    },
    cancel: async () => stop(),
  }
}
