import { randomBytes } from 'node:crypto'

/** A new random id with a readable prefix, e.g. `apt_3kq9…` (128 bits, URL-safe). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('base64url').replace(/[-_]/g, 'x')}`
}
