/**
 * The kiosk's configuration file: which service it talks to, its key, its devices, idle times
 * and screen orientation. Validated at start; a wrong file shows staff an error screen instead of
 * a half-working kiosk.
 */
import { z } from 'zod'

const paperWidthMm = z.union([z.literal(58), z.literal(80)]).default(80)

const printer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('network'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(9100),
    paperWidthMm,
    timeoutMs: z.number().int().min(500).max(60_000).default(5000),
  }),
  z.object({
    kind: z.literal('serial'),
    /** COM3 on Windows, /dev/ttyUSB0 on Linux. */
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(9600),
    paperWidthMm,
  }),
  z.object({
    kind: z.literal('usb'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    paperWidthMm,
  }),
  /** The OS printer queue through Chromium's silent print: only when raw ESC/POS is impossible. */
  z.object({
    kind: z.literal('system'),
    deviceName: z.string().min(1),
    paperWidthMm,
  }),
  /** The simulator: each receipt's ESC/POS bytes go to a file in this folder. */
  z.object({ kind: z.literal('file'), directory: z.string().min(1), paperWidthMm }),
])

const idCardReader = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('http'),
    /** A reader service on this machine only: the card's data must not cross the network. */
    url: z
      .string()
      .url()
      .refine((value) => isLoopback(value), {
        message: 'must be a loopback address (127.0.0.1 or localhost)',
      }),
    pollIntervalMs: z.number().int().min(200).max(10_000).default(800),
  }),
  z.object({ kind: z.literal('none') }),
])

const qrScanner = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('keyboard'),
    /** Longest gap between two keys of one scan; people type slower than this. */
    maxKeyGapMs: z.number().int().min(5).max(100).default(30),
    minLength: z.number().int().min(1).max(64).default(4),
  }),
  z.object({
    kind: z.literal('serial'),
    path: z.string().min(1),
    baudRate: z.number().int().positive().default(9600),
  }),
  z.object({ kind: z.literal('none') }),
])

export const kioskConfigSchema = z
  .object({
    kioskName: z.string().min(1).max(60),
    serviceUrl: z
      .string()
      .url()
      .refine((value) => /^https?:\/\//.test(value), { message: 'must be an http(s) URL' })
      .transform((value) => value.replace(/\/+$/, '')),
    /** Issued by the service for this kiosk (X-Kiosk-Key). */
    kioskKey: z.string().min(16).max(200),
    orientation: z.enum(['portrait', 'landscape']).default('portrait'),
    idle: z
      .object({
        warnAfterSeconds: z.number().int().min(15).max(600).default(60),
        endAfterSeconds: z.number().int().min(20).max(900).default(90),
      })
      .default({ warnAfterSeconds: 60, endAfterSeconds: 90 })
      .refine((idle) => idle.endAfterSeconds > idle.warnAfterSeconds, {
        message: 'endAfterSeconds must be later than warnAfterSeconds',
      }),
    voiceCommands: z.boolean().default(false),
    /** handset: a handset or headphones are fitted, so personal data may be spoken; each visit starts at volume and slow. */
    audio: z
      .object({
        handset: z.boolean().default(false),
        volume: z.enum(['low', 'medium', 'high']).default('medium'),
        slow: z.boolean().default(false),
      })
      .strict()
      .default({ handset: false, volume: 'medium', slow: false }),
    devices: z.object({
      printer,
      idCardReader: idCardReader.default({ kind: 'none' }),
      qrScanner: qrScanner.default({ kind: 'keyboard', maxKeyGapMs: 30, minLength: 4 }),
    }),
    /** Honoured only in an unpackaged (development) build: a packaged kiosk never opens devtools. */
    developer: z.object({ devTools: z.boolean().default(false) }).default({ devTools: false }),
  })
  .strict()
  .refine((config) => !/^http:/.test(config.serviceUrl) || isLoopback(config.serviceUrl), {
    message: 'serviceUrl must use https unless it is on this machine',
    path: ['serviceUrl'],
  })

export type KioskConfig = z.output<typeof kioskConfigSchema>
export type PrinterConfig = KioskConfig['devices']['printer']
export type IdCardReaderConfig = KioskConfig['devices']['idCardReader']
export type QrScannerConfig = KioskConfig['devices']['qrScanner']

function isLoopback(value: string): boolean {
  try {
    const host = new URL(value).hostname
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
  } catch {
    return false
  }
}
