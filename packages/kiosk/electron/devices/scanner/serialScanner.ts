/**
 * A scanner in serial (USB-COM) mode sends each code as a line. Immune to the input method, so
 * it is the mode to choose where staff cannot keep the keyboard layout on English.
 */
import type { QrScanner } from '../types'

/** The part of a `serialport` SerialPort this reader uses. */
export interface SerialReadable {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  close(callback?: (error: Error | null) => void): void
}

const MAX_LINE = 4096

/** Splits a byte stream into codes at CR or LF; a runaway line without an end is dropped. */
export function lineSplitter(onLine: (line: string) => void) {
  let pending = ''
  return {
    push(chunk: Buffer) {
      pending += chunk.toString('utf8')
      const parts = pending.split(/\r\n|\r|\n/)
      pending = parts.pop() ?? ''
      if (pending.length > MAX_LINE) pending = ''
      for (const part of parts) {
        const line = part.trim()
        if (line) onLine(line)
      }
    },
    reset() {
      pending = ''
    },
  }
}

export function serialScanner(
  open: () => Promise<SerialReadable>,
  onError: (error: Error) => void,
): QrScanner {
  let port: SerialReadable | null = null
  let splitter: ReturnType<typeof lineSplitter> | null = null
  return {
    start(onScan) {
      splitter = lineSplitter(onScan)
      open()
        .then((opened) => {
          port = opened
          opened.on('data', (chunk) => splitter?.push(chunk))
          opened.on('error', onError)
        })
        .catch(onError)
    },
    reset: () => splitter?.reset(),
    stop() {
      port?.close()
      port = null
    },
  }
}
