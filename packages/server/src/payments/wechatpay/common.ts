/**
 * Small helpers shared by the WeChat Pay files. Kept free of the rest of the service so the module
 * can be lifted out as is.
 */
import { randomBytes } from 'node:crypto'

/** Structurally the same as the service's `Clock`, declared here to keep the module self-contained. */
export interface WechatPayClock {
  now(): Date
}

export const systemWechatPayClock: WechatPayClock = { now: () => new Date() }

/** WeChat timestamps are whole seconds since the epoch. */
export function unixSeconds(clock: WechatPayClock): number {
  return Math.floor(clock.now().getTime() / 1000)
}

/** 32 upper-case hex characters (128 random bits), the shape WeChat's own examples use. */
export function randomNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase()
}

/** Headers as fetch gives them (`Headers`) or as node:http gives them (lower-cased record). */
export type HeaderSource =
  { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>

/** Case-insensitive single header value; a repeated header counts as absent (ambiguous). */
export function headerValue(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const v = (headers as { get(name: string): string | null }).get(name)
    return v === null ? undefined : v
  }
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(
    headers as Record<string, string | readonly string[] | undefined>,
  )) {
    if (key.toLowerCase() !== wanted) continue
    if (typeof value === 'string') return value
    return value !== undefined && value.length === 1 ? value[0] : undefined
  }
  return undefined
}

/** Raw body bytes: signatures are over bytes, never over a re-serialised object. */
export function bodyBytes(body: string | Uint8Array | undefined): Buffer {
  if (body === undefined) return Buffer.alloc(0)
  return typeof body === 'string'
    ? Buffer.from(body, 'utf8')
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
}

/**
 * RFC 3339 in China Standard Time, the form WeChat's docs use (`2018-06-08T10:34:56+08:00`).
 * China has had no daylight saving since 1991, so a fixed +08:00 is exact.
 */
export function toWechatTime(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000)
  return `${shifted.toISOString().slice(0, 19)}+08:00`
}
