/**
 * Device simulators for development and tests (left out of production builds): a developer's
 * console or Playwright drives them as `window.bangbanSimulator`.
 */
import type { IdCardReading, KioskDevices, Receipt } from '@bangban/shared/platform/Platform'

export interface Simulator {
  insertIdCard(card: IdCardReading): void
  /** A card on the reader that cannot be read (a misread chip). */
  insertUnreadableCard(): void
  /** How many screens listen for a card now: a test waits for one before it inserts a card. */
  idCardListeners(): number
  scanQr(text: string): void
  readonly printed: Receipt[]
  /** Paper out or jammed: every print fails until it is set back. */
  printerFails: boolean
  readonly speech: Array<{ kind: 'speak' | 'cancel'; text?: string; lang?: string }>
}

declare global {
  interface Window {
    bangbanSimulator?: Simulator
  }
}

export function simulatedDevices(): { devices: KioskDevices; simulator: Simulator } {
  const cardListeners = new Set<(card: IdCardReading) => void>()
  const scanListeners = new Set<(text: string) => void>()
  const cardErrorListeners = new Set<(code: string) => void>()
  const simulator: Simulator = {
    insertIdCard: (card) => cardListeners.forEach((listener) => listener(card)),
    insertUnreadableCard: () => cardErrorListeners.forEach((listener) => listener('BAD_NUMBER')),
    idCardListeners: () => cardListeners.size,
    scanQr: (text) => scanListeners.forEach((listener) => listener(text)),
    printed: [],
    printerFails: false,
    speech: [],
  }
  const devices: KioskDevices = {
    onIdCard(listener) {
      cardListeners.add(listener)
      return () => cardListeners.delete(listener)
    },
    onIdCardError(listener) {
      cardErrorListeners.add(listener)
      return () => cardErrorListeners.delete(listener)
    },
    onQrScan(listener) {
      scanListeners.add(listener)
      return () => scanListeners.delete(listener)
    },
    async printReceipt(receipt) {
      if (simulator.printerFails) throw new Error('printer: out of paper')
      simulator.printed.push(receipt)
    },
  }
  return { devices, simulator }
}
