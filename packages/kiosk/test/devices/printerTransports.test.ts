/** Getting the bytes to the printer: raw TCP 9100 on localhost, serial and USB through fakes, the file simulator. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { receiptBytes } from '../../electron/devices/printer/layout'
import { escposPrinter } from '../../electron/devices/printer/printer'
import {
  fileTransport,
  networkTransport,
  serialTransport,
  usbTransport,
  type SerialPortLike,
} from '../../electron/devices/printer/transports'
import { PAYMENT, TICKET } from '../support/receipts'

/** A stand-in for a network thermal printer: keeps what each connection sent. */
async function fakeNetworkPrinter(behaviour: 'receive' | 'hang' = 'receive') {
  const jobs: Buffer[] = []
  const sockets: Socket[] = []
  const server: Server = createServer((socket) => {
    sockets.push(socket)
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks))
      if (behaviour === 'receive') socket.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    port,
    jobs,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy())
        server.close(() => resolve())
      }),
  }
}

describe('the network printer (raw TCP 9100)', () => {
  it('receives the exact bytes of each receipt, one job after another', async () => {
    const printer = await fakeNetworkPrinter()
    try {
      const escpos = escposPrinter(
        networkTransport({ host: '127.0.0.1', port: printer.port, timeoutMs: 2000 }),
        58,
      )
      await Promise.all([escpos.print(TICKET), escpos.print(PAYMENT)])
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(printer.jobs).toEqual([
        Buffer.from(receiptBytes(TICKET, 58)),
        Buffer.from(receiptBytes(PAYMENT, 58)),
      ])
    } finally {
      await printer.close()
    }
  })

  it('fails when nothing listens, and the next receipt still prints', async () => {
    const printer = await fakeNetworkPrinter()
    const port = printer.port
    await printer.close()
    const escpos = escposPrinter(networkTransport({ host: '127.0.0.1', port, timeoutMs: 1000 }), 80)
    await expect(escpos.print(TICKET)).rejects.toThrow(/ECONNREFUSED/)
  })
})

describe('the serial and USB printers', () => {
  it('writes, drains and closes the serial port, and closes it on a write error', async () => {
    const calls: string[] = []
    const written: Buffer[] = []
    const port = (failWrite: boolean): SerialPortLike => ({
      write: (data, done) => {
        calls.push('write')
        written.push(data)
        done(failWrite ? new Error('EIO') : null)
        return true
      },
      drain: (done) => {
        calls.push('drain')
        done(null)
      },
      close: (done) => {
        calls.push('close')
        done(null)
      },
    })
    const opened: Array<{ path: string; baudRate: number }> = []
    const ok = serialTransport({ path: 'COM3', baudRate: 9600 }, async (o) => (opened.push(o), port(false)))
    await ok.write(receiptBytes(TICKET, 80))
    expect(opened).toEqual([{ path: 'COM3', baudRate: 9600 }])
    expect(calls).toEqual(['write', 'drain', 'close'])
    expect(written[0]!.equals(Buffer.from(receiptBytes(TICKET, 80)))).toBe(true)
    calls.length = 0
    const failing = serialTransport({ path: 'COM3', baudRate: 9600 }, async () => port(true))
    await expect(failing.write(new Uint8Array([1]))).rejects.toThrow('EIO')
    expect(calls).toEqual(['write', 'close'])
  })

  it('transfers to the USB OUT endpoint and releases it', async () => {
    const transferred: Buffer[] = []
    let released = 0
    const transport = usbTransport({ vendorId: 0x0416, productId: 0x5011 }, async () => ({
      transfer: async (data) => void transferred.push(data),
      release: async () => void (released += 1),
    }))
    await transport.write(Uint8Array.from([0x1b, 0x40]))
    expect(transferred).toEqual([Buffer.from([0x1b, 0x40])])
    expect(released).toBe(1)
  })
})

describe('the file simulator', () => {
  it('keeps each receipt as a .bin file', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bangban-print-')), 'out')
    const printer = escposPrinter(
      fileTransport(dir, () => new Date('2026-11-29T02:00:00Z')),
      58,
    )
    await printer.print(TICKET)
    await printer.print(PAYMENT)
    const files = readdirSync(dir).sort()
    expect(files).toEqual([
      'receipt-2026-11-29T02-00-00-000Z-1.bin',
      'receipt-2026-11-29T02-00-00-000Z-2.bin',
    ])
    expect(readFileSync(join(dir, files[0]!)).equals(Buffer.from(receiptBytes(TICKET, 58)))).toBe(true)
  })
})
