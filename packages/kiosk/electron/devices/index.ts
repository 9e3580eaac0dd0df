/** Builds the configured devices. Electron-specific pieces (silent print) are passed in. */
import type { Receipt } from '@bangban/shared/platform/Platform'
import type { IdCardReaderConfig, PrinterConfig, QrScannerConfig } from '../config/schema'
import { httpIdCardReader } from './idCard/httpReader'
import { serialOpener, serialReadableOpener, usbOpener } from './optionalModules'
import { escposPrinter, type ReceiptPrinter } from './printer/printer'
import { fileTransport, networkTransport, serialTransport, usbTransport } from './printer/transports'
import { keyboardScanner, type KeyboardScanner } from './scanner/keyboardScanner'
import { serialScanner } from './scanner/serialScanner'
import type { DeviceLog, IdCardReader, QrScanner } from './types'

export function createPrinter(
  config: PrinterConfig,
  systemPrint: (receipt: Receipt, deviceName: string, paperWidthMm: 58 | 80) => Promise<void>,
): ReceiptPrinter {
  switch (config.kind) {
    case 'network':
      return escposPrinter(networkTransport(config), config.paperWidthMm)
    case 'serial':
      return escposPrinter(serialTransport(config, serialOpener()), config.paperWidthMm)
    case 'usb':
      return escposPrinter(usbTransport(config, usbOpener()), config.paperWidthMm)
    case 'file':
      return escposPrinter(fileTransport(config.directory), config.paperWidthMm)
    case 'system':
      return { print: (receipt) => systemPrint(receipt, config.deviceName, config.paperWidthMm) }
  }
}

const noReader: IdCardReader = { start: () => undefined, stop: () => undefined }

export function createIdCardReader(config: IdCardReaderConfig, log: DeviceLog): IdCardReader {
  return config.kind === 'http' ? httpIdCardReader(config, log) : noReader
}

/** The scanner, and the key hook of the window when it is a keyboard wedge. */
export function createQrScanner(
  config: QrScannerConfig,
  log: DeviceLog,
): { scanner: QrScanner; keyboard: KeyboardScanner | null } {
  if (config.kind === 'keyboard') {
    const keyboard = keyboardScanner(config, log)
    return { scanner: keyboard, keyboard }
  }
  if (config.kind === 'serial') {
    const scanner = serialScanner(serialReadableOpener(config.path, config.baudRate), (error) =>
      log('qr-scanner-error', { message: error.message }),
    )
    return { scanner, keyboard: null }
  }
  return {
    scanner: { start: () => undefined, reset: () => undefined, stop: () => undefined },
    keyboard: null,
  }
}
