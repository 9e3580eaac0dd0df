/** The devices the main process drives; each has a real adapter and a simulator. */
import type { BridgeIdCard } from '@bangban/shared/platform/KioskBridge'

export interface IdCardReader {
  /** Starts watching for cards; each card placed on the reader is reported once. */
  start(onCard: (card: BridgeIdCard) => void): void
  stop(): void
}

export interface QrScanner {
  start(onScan: (text: string) => void): void
  /** Forgets a half-read code (at the end of a visit). */
  reset(): void
  stop(): void
}

/** For staff-facing logs only: never a card's number or a scanned text. */
export type DeviceLog = (event: string, detail?: Record<string, string | number | boolean>) => void
