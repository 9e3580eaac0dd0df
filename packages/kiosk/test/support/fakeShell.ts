/**
 * For the browser tests: the preload's real bridge (electron/preload/bridge.ts) over a fake IPC
 * that plays the main process. Bundled by the test and injected before the page loads, it lets
 * the page run exactly as it does in the shell, with the test sending cards and scans.
 */
import type { KioskInfo } from '@bangban/shared/platform/KioskBridge'
import { createBridge } from '../../electron/preload/bridge'

declare const FAKE_SHELL_INFO: KioskInfo

interface FakeShell {
  /** Every invoke the page made: channel and arguments. */
  readonly calls: Array<{ channel: string; args: unknown[] }>
  /** Sends a main → page message (a card read, a code scanned). */
  emit(channel: string, value: unknown): void
}

const listeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>()
const shell: FakeShell = {
  calls: [],
  emit: (channel, value) => listeners.get(channel)?.forEach((listener) => listener({}, value)),
}
const answers: Record<string, unknown> = {
  'bangban:info': FAKE_SHELL_INFO,
  'bangban:speech-available': false,
}

Object.assign(window, {
  bangbanFakeShell: shell,
  bangbanKiosk: createBridge({
    invoke: async (channel, ...args) => {
      shell.calls.push({ channel, args })
      return answers[channel]
    },
    on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
  }),
})
