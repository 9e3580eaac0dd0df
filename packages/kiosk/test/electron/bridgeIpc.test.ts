/** The preload bridge and the main process's IPC handlers, joined by an in-memory IPC. */
import type { BridgeSpeech, KioskInfo } from '@bangban/shared/platform/KioskBridge'
import type { Receipt } from '@bangban/shared/platform/Platform'
import { CHANNELS } from '../../electron/ipc/channels'
import { registerIpc, type GuardedIpc } from '../../electron/main/ipcHandlers'
import { createBridge, type RendererIpc } from '../../electron/preload/bridge'
import type { SenderInfo } from '../../electron/ipc/senderPolicy'
import { TICKET } from '../support/receipts'

const INFO: KioskInfo = {
  kioskName: 'lobby',
  serviceUrl: 'https://bangban.example.gov.cn',
  kioskKey: 'kiosk-key-0123456789abcdef',
  orientation: 'portrait',
  idle: { warnAfterMs: 60_000, endAfterMs: 90_000 },
  voiceCommands: false,
  shellVersion: '0.1.0',
}

function connect(sender: SenderInfo = { contentsId: 7, frameUrl: 'app://kiosk/index.html', topFrame: true }) {
  const handlers = new Map<string, (sender: SenderInfo, args: readonly unknown[]) => Promise<unknown>>()
  const listeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>()
  const ipcMain: GuardedIpc = { handle: (channel, handler) => void handlers.set(channel, handler) }
  const renderer: RendererIpc = {
    invoke: async (channel, ...args) => {
      const handler = handlers.get(channel)
      if (!handler) throw new Error(`no handler for ${channel}`)
      return handler(sender, args)
    },
    on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
  }
  const printed: Receipt[] = []
  const speech: BridgeSpeech & { said: string[] } = {
    said: [],
    available: async (lang) => lang === 'zh-CN',
    speak: async (u) => void speech.said.push(u.text),
    cancel: async () => undefined,
  }
  const deps = {
    kioskContentsId: () => 7,
    print: jest.fn(async (receipt: Receipt) => void printed.push(receipt)),
    wipe: jest.fn(async (_options: { reload: boolean }) => undefined),
    speech,
    info: INFO,
    log: jest.fn(),
  }
  registerIpc(ipcMain, deps)
  const emit = (channel: string, value: unknown) => listeners.get(channel)?.forEach((l) => l({}, value))
  return { bridge: createBridge(renderer), deps, printed, speech, emit, handlers, listeners }
}

describe('the bridge over IPC', () => {
  it('registers exactly the bridge channels', () => {
    expect([...connect().handlers.keys()].sort()).toEqual(
      [
        CHANNELS.print,
        CHANNELS.wipe,
        CHANNELS.info,
        CHANNELS.speechAvailable,
        CHANNELS.speechSpeak,
        CHANNELS.speechCancel,
      ].sort(),
    )
  })

  it('prints a receipt, wipes, tells the kiosk info, and speaks', async () => {
    const { bridge, printed, deps, speech } = connect()
    await bridge.printReceipt(TICKET)
    expect(printed).toEqual([TICKET])
    await bridge.session.wipe()
    expect(deps.wipe).toHaveBeenLastCalledWith({ reload: true })
    await bridge.session.wipe({ reload: false })
    expect(deps.wipe).toHaveBeenLastCalledWith({ reload: false })
    await expect(bridge.kioskInfo()).resolves.toEqual(INFO)
    await expect(bridge.speech.available('zh-CN')).resolves.toBe(true)
    await expect(bridge.speech.available('en')).resolves.toBe(false)
    await bridge.speech.speak({ text: '请选择要办的事', lang: 'zh-CN', rate: 1, volume: 1 })
    expect(speech.said).toEqual(['请选择要办的事'])
  })

  it('refuses receipts and utterances of the wrong shape', async () => {
    const { bridge, printed } = connect()
    await expect(
      bridge.printReceipt({ ...TICKET, lines: [{ label: 'x', value: 'y'.repeat(500) }] }),
    ).rejects.toThrow('INVALID')
    await expect(bridge.printReceipt({ ...TICKET, extra: 1 } as unknown as Receipt)).rejects.toThrow(
      'INVALID',
    )
    await expect(bridge.speech.speak({ text: '', lang: 'zh-CN', rate: 1, volume: 1 })).rejects.toThrow(
      'INVALID',
    )
    await expect(bridge.speech.speak({ text: 'x', lang: 'fr' as never, rate: 1, volume: 1 })).rejects.toThrow(
      'INVALID',
    )
    await expect(bridge.speech.available('fr' as never)).resolves.toBe(false)
    expect(printed).toEqual([])
  })

  it('reports a printer failure as a code, not the device error', async () => {
    const { bridge, deps } = connect()
    deps.print.mockRejectedValueOnce(new Error('connect ECONNREFUSED 192.168.10.50:9100'))
    const error = await bridge.printReceipt(TICKET).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe('PRINTER_FAILED')
    expect(deps.log).toHaveBeenCalledWith('print-failed', {
      message: expect.stringContaining('ECONNREFUSED'),
    })
  })

  it.each([
    ['another window', { contentsId: 8, frameUrl: 'app://kiosk/index.html', topFrame: true }],
    ['a sub-frame', { contentsId: 7, frameUrl: 'app://kiosk/index.html', topFrame: false }],
    ['a page from elsewhere', { contentsId: 7, frameUrl: 'https://evil.example/', topFrame: true }],
    ['a frame that is gone', { contentsId: 7, frameUrl: undefined, topFrame: true }],
  ])('answers nothing to %s', async (_name, sender) => {
    const { bridge, deps } = connect(sender)
    await expect(bridge.kioskInfo()).rejects.toThrow('FORBIDDEN')
    await expect(bridge.session.wipe()).rejects.toThrow('FORBIDDEN')
    expect(deps.wipe).not.toHaveBeenCalled()
    expect(deps.log).toHaveBeenCalledWith('ipc-refused', { channel: CHANNELS.info })
  })

  it('fans cards and scans out to the page listeners, with one IPC subscription, until unsubscribed', () => {
    const { bridge, emit, listeners } = connect()
    const cards: unknown[] = []
    const scans: string[] = []
    const stopA = bridge.idCard.onRead((c) => cards.push(c))
    bridge.idCard.onRead((c) => cards.push(c))
    bridge.qrScanner.onScan((s) => scans.push(s))
    expect(listeners.get(CHANNELS.idCard)).toHaveLength(1)
    const card = { name: '王小明', idNumber: '11010519491231002X', validUntil: null }
    emit(CHANNELS.idCard, card)
    expect(cards).toEqual([card, card])
    stopA()
    emit(CHANNELS.idCard, card)
    expect(cards).toHaveLength(3)
    emit(CHANNELS.idCard, { name: 1 })
    expect(cards).toHaveLength(3)
    emit(CHANNELS.qrScan, 'BB:T:A012')
    emit(CHANNELS.qrScan, 42)
    expect(scans).toEqual(['BB:T:A012'])
  })
})
