/**
 * How an ended account or key is marked in place (admin/commands.ts): a disabled member of staff's
 * password hash is replaced by a value no password verifies (passwords.ts accepts only
 * `scrypt$…`), a withdrawn kiosk's key hash by a value no key's SHA-256 equals.
 */
export const DISABLED_PASSWORD_PREFIX = 'disabled$'
export const REVOKED_KEY_PREFIX = 'revoked$'
