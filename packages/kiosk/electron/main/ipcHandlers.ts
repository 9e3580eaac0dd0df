/**
 * The main process's side of the bridge. Each channel answers only the kiosk window's own page
 * (senderPolicy) and validates what it is sent (messages); anything else is refused.
 */
import type { BridgeSpeech, KioskInfo } from '@bangban/shared/platform/KioskBridge'
import type { Receipt } from '@bangban/shared/platform/Platform'
import { CHANNELS, type InvokeChannel } from '../ipc/channels'
import { receiptMessage, speechLang, utteranceMessage, wipeMessage } from '../ipc/messages'
import { senderAllowed, type SenderInfo } from '../ipc/senderPolicy'

export interface GuardedIpc {
  handle(
    channel: InvokeChannel,
    handler: (sender: SenderInfo, args: readonly unknown[]) => Promise<unknown>,
  ): void
}

export interface IpcDeps {
  kioskContentsId(): number | null
  print(receipt: Receipt): Promise<void>
  wipe(options: { reload: boolean }): Promise<void>
  readonly speech: BridgeSpeech
  readonly info: KioskInfo
  log(event: string, detail?: Record<string, string>): void
}

/** What the page sees of a failure: a stable code, never a stack or a device path. */
export class BridgeError extends Error {
  constructor(readonly code: 'FORBIDDEN' | 'INVALID' | 'PRINTER_FAILED') {
    super(code)
  }
}

export function registerIpc(ipc: GuardedIpc, deps: IpcDeps): void {
  const handle = (channel: InvokeChannel, run: (args: readonly unknown[]) => Promise<unknown>) =>
    ipc.handle(channel, async (sender, args) => {
      if (!senderAllowed(sender, deps.kioskContentsId())) {
        deps.log('ipc-refused', { channel })
        throw new BridgeError('FORBIDDEN')
      }
      return run(args)
    })

  handle(CHANNELS.print, async ([receipt]) => {
    const parsed = receiptMessage.safeParse(receipt)
    if (!parsed.success) throw new BridgeError('INVALID')
    try {
      await deps.print(parsed.data)
    } catch (error) {
      deps.log('print-failed', { message: String(error) })
      throw new BridgeError('PRINTER_FAILED')
    }
  })
  handle(CHANNELS.wipe, async ([options]) => {
    // Anything but an explicit `reload: false` wipes the strongest way: with a fresh page.
    const parsed = wipeMessage.safeParse(options)
    await deps.wipe({ reload: !(parsed.success && parsed.data?.reload === false) })
  })
  handle(CHANNELS.info, async () => deps.info)
  handle(CHANNELS.speechAvailable, async ([lang]) => {
    const parsed = speechLang.safeParse(lang)
    return parsed.success ? deps.speech.available(parsed.data) : false
  })
  handle(CHANNELS.speechSpeak, async ([utterance]) => {
    const parsed = utteranceMessage.safeParse(utterance)
    if (!parsed.success) throw new BridgeError('INVALID')
    await deps.speech.speak(parsed.data)
  })
  handle(CHANNELS.speechCancel, () => deps.speech.cancel())
}
