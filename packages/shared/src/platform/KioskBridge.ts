/**
 * The one narrow bridge the kiosk's Electron preload exposes to the H5 page (as
 * `window.bangbanKiosk`). The page uses it when present and the in-page simulators otherwise, so
 * this interface is all the page may ever ask of the machine: no Node, no files, no IPC at large.
 */
import type { IdCardReading, Receipt } from './Platform'

/** The global name the preload exposes the bridge under. */
export const KIOSK_BRIDGE_GLOBAL = 'bangbanKiosk'

export type KioskOrientation = 'portrait' | 'landscape'

/** What the page may know of the kiosk it runs on (from the kiosk's configuration file). */
export interface WipeOptions {
  readonly reload?: boolean
}

export interface KioskInfo {
  /** The kiosk's name in its configuration, for staff (e.g. a centre's lobby kiosk). */
  readonly kioskName: string
  /** The service the shell forwards `/api/` to; shown to staff, never fetched directly by the page. */
  readonly serviceUrl: string
  /** Sent as X-Kiosk-Key: identifies this kiosk to the service (ID card sign-in needs it). */
  readonly kioskKey: string
  readonly orientation: KioskOrientation
  readonly idle: { readonly warnAfterMs: number; readonly endAfterMs: number }
  /** The microphone is allowed only when voice commands are on. */
  readonly voiceCommands: boolean
  /**
   * The kiosk's voice: a handset or headphones fitted (personal data may then be spoken, EN 301 549
   * §5.1.3.9), and the volume and speed every visit starts with. Older shells do not send it.
   */
  readonly audio?: {
    readonly handset: boolean
    readonly volume: 'low' | 'medium' | 'high'
    readonly slow: boolean
  }
  readonly shellVersion: string
}

/** A card as the bridge hands it over once: for the sign-in request only, never to be stored. */
export interface BridgeIdCard extends IdCardReading {
  /** Last day of validity (YYYY-MM-DD), or null for a card valid for life (长期). */
  readonly validUntil: string | null
}

export interface BridgeUtterance {
  /** Already normalised for speech (numbers written out). */
  readonly text: string
  readonly lang: 'zh-CN' | 'zh-HK' | 'en'
  /** 1 is normal. */
  readonly rate: number
  /** 0 – 1. */
  readonly volume: number
}

/** Speech by the operating system's voices, for when the page's own `speechSynthesis` has none. */
export interface BridgeSpeech {
  /** Whether the OS can speak the language (known once asked; the answer does not change). */
  available(lang: BridgeUtterance['lang']): Promise<boolean>
  /** Resolves when the OS voice finished or was cancelled. */
  speak(utterance: BridgeUtterance): Promise<void>
  cancel(): Promise<void>
}

export interface KioskBridge {
  /** Resolves when the printer took the receipt; rejects with a message for staff if it could not. */
  printReceipt(receipt: Receipt): Promise<void>
  readonly idCard: {
    /** Calls back for every card read; returns an unsubscribe function. */
    onRead(listener: (card: BridgeIdCard) => void): () => void
  }
  readonly qrScanner: {
    /** Calls back with the text of every code scanned; returns an unsubscribe function. */
    onScan(listener: (text: string) => void): () => void
  }
  readonly speech: BridgeSpeech
  readonly session: {
    /**
     * Clears the window's storage, cache and cookies in the main process and reloads the welcome
     * screen; with `reload: false` (a helper stays signed in) the page, already wiped, is kept.
     */
    wipe(options?: WipeOptions): Promise<void>
  }
  kioskInfo(): Promise<KioskInfo>
}
