/**
 * AEAD_AES_256_GCM as WeChat Pay uses it for callback `resource`s: key = the APIv3 key (32 bytes),
 * IV = `nonce` (its UTF-8 bytes, 12 in practice), AAD = `associated_data`, and the base64
 * `ciphertext` ends with the 16-byte tag. Failures are typed so a tampered callback becomes a
 * refusal, never a raw crypto exception surfacing as a 500.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export const RESOURCE_ALGORITHM = 'AEAD_AES_256_GCM'
const TAG_BYTES = 16

export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  associated_data?: string
  nonce: string
  original_type?: string
}

export type DecryptFailureCode = 'UNSUPPORTED_ALGORITHM' | 'BAD_KEY' | 'MALFORMED' | 'AUTH_FAILED'

export class WechatPayDecryptError extends Error {
  override readonly name = 'WechatPayDecryptError'
  constructor(
    readonly code: DecryptFailureCode,
    message: string,
  ) {
    super(message)
  }
}

/** The APIv3 key is a 32-character ASCII string in the merchant console; accept it as text or bytes. */
export function apiV3KeyBytes(key: string | Uint8Array): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key)
  if (bytes.length !== 32)
    throw new WechatPayDecryptError('BAD_KEY', `APIv3 key must be 32 bytes, got ${bytes.length}`)
  return bytes
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Returns the plaintext (UTF-8), or throws `WechatPayDecryptError`. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string | Uint8Array): string {
  if (resource.algorithm !== RESOURCE_ALGORITHM) {
    throw new WechatPayDecryptError(
      'UNSUPPORTED_ALGORITHM',
      `unsupported algorithm ${String(resource.algorithm)}`,
    )
  }
  const key = apiV3KeyBytes(apiV3Key)
  if (typeof resource.ciphertext !== 'string' || !BASE64.test(resource.ciphertext)) {
    throw new WechatPayDecryptError('MALFORMED', 'ciphertext is not base64')
  }
  if (typeof resource.nonce !== 'string' || resource.nonce.length === 0) {
    throw new WechatPayDecryptError('MALFORMED', 'nonce is missing')
  }
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length < TAG_BYTES)
    throw new WechatPayDecryptError('MALFORMED', 'ciphertext is shorter than the tag')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'), {
      authTagLength: TAG_BYTES,
    })
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
    const plain = Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ])
    return plain.toString('utf8')
  } catch {
    // Node's message ("Unsupported state or unable to authenticate data") says nothing useful.
    throw new WechatPayDecryptError(
      'AUTH_FAILED',
      'ciphertext, tag, nonce or associated_data do not authenticate',
    )
  }
}

export type DecryptResult =
  { ok: true; plaintext: string } | { ok: false; code: DecryptFailureCode; detail: string }

export function tryDecryptResource(
  resource: EncryptedResource,
  apiV3Key: string | Uint8Array,
): DecryptResult {
  try {
    return { ok: true, plaintext: decryptResource(resource, apiV3Key) }
  } catch (err) {
    if (err instanceof WechatPayDecryptError) return { ok: false, code: err.code, detail: err.message }
    throw err
  }
}

/** 12 alphanumeric characters, like the nonces WeChat puts in its callbacks. */
function resourceNonce(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  return Array.from(randomBytes(12), (b) => alphabet[b % alphabet.length]).join('')
}

/** The inverse, for tests and the local stand-in: what WeChat does before calling us. */
export function encryptResource(
  plaintext: string,
  apiV3Key: string | Uint8Array,
  opts: { associatedData?: string; nonce?: string; originalType: string },
): Required<EncryptedResource> {
  const nonce = opts.nonce ?? resourceNonce()
  const associated = opts.associatedData ?? ''
  const cipher = createCipheriv('aes-256-gcm', apiV3KeyBytes(apiV3Key), Buffer.from(nonce, 'utf8'), {
    authTagLength: TAG_BYTES,
  })
  cipher.setAAD(Buffer.from(associated, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return {
    algorithm: RESOURCE_ALGORITHM,
    ciphertext: body.toString('base64'),
    associated_data: associated,
    nonce,
    original_type: opts.originalType,
  }
}
