/** The keyboard-wedge scanner as a device: the window's key events go in, scanned codes come out. */
import type { DeviceLog, QrScanner } from '../types'
import { wedgeDecoder, type KeyVerdict, type WedgeOptions } from './wedge'

export interface KeyboardScanner extends QrScanner {
  /** For `before-input-event`: every keyDown of the kiosk window. */
  onKeyDown(key: string, at: number): KeyVerdict
}

export function keyboardScanner(options: WedgeOptions, log: DeviceLog): KeyboardScanner {
  let listener: ((text: string) => void) | null = null
  let warned = false
  const decoder = wedgeDecoder(
    options,
    (text) => listener?.(text),
    () => {
      if (warned) return
      warned = true
      // Staff must switch the kiosk to the English input method, or the scanner to serial mode.
      log('qr-scanner-ime-active')
    },
  )
  return {
    start(onScan) {
      listener = onScan
    },
    reset: () => decoder.reset(),
    stop() {
      listener = null
      decoder.reset()
    },
    onKeyDown: (key, at) => (listener ? decoder.key(key, at) : 'pass'),
  }
}
