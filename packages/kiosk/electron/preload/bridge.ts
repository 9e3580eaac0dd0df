/**
 * Builds the page's bridge over a minimal IPC surface. The page gets functions only, never
 * `ipcRenderer` itself, and each function talks on exactly one channel.
 */
import type { BridgeIdCard, KioskBridge, KioskInfo } from '@bangban/shared/platform/KioskBridge'
import { CHANNELS } from '../ipc/channels'

export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void
}

/** One IPC subscription per channel, fanned out to the page's listeners. */
function fanOut<T>(ipc: RendererIpc, channel: string, isValid: (value: unknown) => value is T) {
  const listeners = new Set<(value: T) => void>()
  let subscribed = false
  return (listener: (value: T) => void) => {
    if (!subscribed) {
      subscribed = true
      ipc.on(channel, (_event, value) => {
        if (isValid(value)) listeners.forEach((l) => l(value))
      })
    }
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }
}

function isCard(value: unknown): value is BridgeIdCard {
  const card = value as BridgeIdCard
  return (
    typeof card === 'object' &&
    card !== null &&
    typeof card.name === 'string' &&
    typeof card.idNumber === 'string'
  )
}

const isText = (value: unknown): value is string => typeof value === 'string'

export function createBridge(ipc: RendererIpc): KioskBridge {
  const onCard = fanOut(ipc, CHANNELS.idCard, isCard)
  const onScan = fanOut(ipc, CHANNELS.qrScan, isText)
  return {
    printReceipt: async (receipt) => {
      await ipc.invoke(CHANNELS.print, receipt)
    },
    idCard: { onRead: onCard },
    qrScanner: { onScan },
    speech: {
      available: async (lang) => (await ipc.invoke(CHANNELS.speechAvailable, lang)) === true,
      speak: async (utterance) => {
        await ipc.invoke(CHANNELS.speechSpeak, utterance)
      },
      cancel: async () => {
        await ipc.invoke(CHANNELS.speechCancel)
      },
    },
    session: {
      wipe: async (options) => {
        await ipc.invoke(CHANNELS.wipe, { reload: options?.reload !== false })
      },
    },
    kioskInfo: async () => (await ipc.invoke(CHANNELS.info)) as KioskInfo,
  }
}
