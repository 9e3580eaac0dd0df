/**
 * Serial and USB need native modules (`serialport` 12, `usb` 2) that a kiosk build adds only
 * when its hardware needs them (README: "Serial and USB devices"). They are loaded at run time,
 * so the shell builds and runs without them, and a kiosk configured for one without the module
 * says so clearly instead of failing obscurely.
 */
import { createRequire } from 'node:module'
import type { SerialReadable } from './scanner/serialScanner'
import type { SerialOpener, UsbOpener } from './printer/transports'

type Loader = (name: string) => unknown

const defaultLoader: Loader = (name) => createRequire(__filename)(name)

function need(load: Loader, name: string): unknown {
  try {
    return load(name)
  } catch {
    throw new Error(`device needs the '${name}' package, which this kiosk build does not include`)
  }
}

interface SerialPortModule {
  SerialPort: new (options: { path: string; baudRate: number; autoOpen: boolean }) => SerialReadable & {
    open(callback: (error: Error | null) => void): void
    write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean
    drain(callback: (error: Error | null) => void): void
    close(callback: (error: Error | null) => void): void
  }
}

async function openSerial(load: Loader, path: string, baudRate: number) {
  const { SerialPort } = need(load, 'serialport') as SerialPortModule
  const port = new SerialPort({ path, baudRate, autoOpen: false })
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())))
  return port
}

export function serialOpener(load: Loader = defaultLoader): SerialOpener {
  return ({ path, baudRate }) => openSerial(load, path, baudRate)
}

export function serialReadableOpener(path: string, baudRate: number, load: Loader = defaultLoader) {
  return (): Promise<SerialReadable> => openSerial(load, path, baudRate)
}

interface UsbEndpoint {
  direction: 'in' | 'out'
  transfer(data: Buffer, callback: (error?: Error) => void): void
}
interface UsbInterface {
  claim(): void
  release(callback: (error?: Error) => void): void
  endpoints: UsbEndpoint[]
  isKernelDriverActive?(): boolean
  detachKernelDriver?(): void
}
interface UsbModule {
  findByIds(
    vendorId: number,
    productId: number,
  ): { open(): void; close(): void; interfaces?: UsbInterface[] } | undefined
}

export function usbOpener(load: Loader = defaultLoader): UsbOpener {
  return async ({ vendorId, productId }) => {
    const usb = need(load, 'usb') as UsbModule
    const device = usb.findByIds(vendorId, productId)
    if (!device) throw new Error('USB printer not found')
    device.open()
    // Printer class devices have one interface with a bulk OUT endpoint.
    const iface = device.interfaces?.[0]
    const out = iface?.endpoints.find((endpoint) => endpoint.direction === 'out')
    if (!iface || !out) {
      device.close()
      throw new Error('USB printer has no OUT endpoint')
    }
    if (process.platform === 'linux' && iface.isKernelDriverActive?.()) iface.detachKernelDriver?.()
    iface.claim()
    return {
      transfer: (data) =>
        new Promise<void>((resolve, reject) =>
          out.transfer(data, (error) => (error ? reject(error) : resolve())),
        ),
      release: () =>
        new Promise<void>((resolve) =>
          iface.release(() => {
            device.close()
            resolve()
          }),
        ),
    }
  }
}
