/**
 * Ways the ESC/POS bytes reach the printer. Network (raw TCP, port 9100) needs nothing beyond
 * Node; serial and USB go through a port object of the `serialport` / `usb` packages, which a
 * real kiosk build adds (see README) and which are passed in, so this code is tested without them.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { Socket } from 'node:net'
import path from 'node:path'

export interface PrinterTransport {
  /** Resolves when every byte was handed to the printer. */
  write(bytes: Uint8Array): Promise<void>
}

export function networkTransport(options: {
  host: string
  port: number
  timeoutMs: number
}): PrinterTransport {
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => {
        const socket = new Socket()
        let settled = false
        const finish = (error?: Error) => {
          if (settled) return
          settled = true
          socket.destroy()
          if (error) reject(error)
          else resolve()
        }
        socket.setTimeout(options.timeoutMs, () => finish(new Error('printer did not answer in time')))
        socket.once('error', (error) => finish(error))
        // Closed before every byte was flushed (refused, unreachable, reset): the receipt did not print.
        socket.once('close', () => finish(new Error('printer connection closed before the receipt was sent')))
        socket.connect(options.port, options.host, () => {
          socket.end(Buffer.from(bytes), () => finish())
        })
      }),
  }
}

/** The part of a `serialport` SerialPort (v12) this transport uses. */
export interface SerialPortLike {
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean
  drain(callback: (error: Error | null) => void): void
  close(callback: (error: Error | null) => void): void
}

export type SerialOpener = (options: { path: string; baudRate: number }) => Promise<SerialPortLike>

export function serialTransport(
  options: { path: string; baudRate: number },
  open: SerialOpener,
): PrinterTransport {
  return {
    async write(bytes) {
      const port = await open(options)
      const step = (run: (done: (error: Error | null | undefined) => void) => void) =>
        new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve())))
      try {
        await step((done) => port.write(Buffer.from(bytes), done))
        await step((done) => port.drain(done))
      } finally {
        await step((done) => port.close(done)).catch(() => undefined)
      }
    },
  }
}

/** The part of a `usb` (node-usb) device's bulk OUT endpoint this transport uses. */
export interface UsbOutLike {
  transfer(data: Buffer): Promise<void>
  release(): Promise<void>
}

export type UsbOpener = (options: { vendorId: number; productId: number }) => Promise<UsbOutLike>

export function usbTransport(
  options: { vendorId: number; productId: number },
  open: UsbOpener,
): PrinterTransport {
  return {
    async write(bytes) {
      const out = await open(options)
      try {
        await out.transfer(Buffer.from(bytes))
      } finally {
        await out.release().catch(() => undefined)
      }
    },
  }
}

/** The simulator: every receipt's bytes land in a file, to inspect or send to a printer later. */
export function fileTransport(directory: string, now: () => Date = () => new Date()): PrinterTransport {
  let sequence = 0
  return {
    async write(bytes) {
      await mkdir(directory, { recursive: true })
      sequence += 1
      const stamp = now().toISOString().replace(/[:.]/g, '-')
      await writeFile(path.join(directory, `receipt-${stamp}-${sequence}.bin`), bytes)
    },
  }
}
