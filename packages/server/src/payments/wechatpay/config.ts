/**
 * WeChat Pay configuration from the environment. Nothing set → null (the caller uses its sandbox
 * provider); something set → everything must be right, and every problem is listed at once so an
 * operator fixes the deployment in one go.
 */
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { z } from 'zod'

export interface WechatPayConfig {
  baseUrl: string
  mchid: string
  appid: string
  merchantSerial: string
  merchantPrivateKey: KeyObject
  apiV3Key: Buffer
  /** By `Wechatpay-Serial`: the public key under its `PUB_KEY_ID_…`, certificates under their serials. */
  verificationKeys: Map<string, KeyObject>
  notifyUrl: string
}

export class WechatPayConfigError extends Error {
  override readonly name = 'WechatPayConfigError'
  constructor(readonly problems: string[]) {
    super(
      `WeChat Pay is partly configured; fix these environment variables (or unset all WECHATPAY_*):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
  }
}

export const OFFICIAL_BASE_URL = 'https://api.mch.weixin.qq.com'

/** Every variable this module reads; setting any of them switches WeChat Pay on. */
export const WECHATPAY_ENV_VARS = [
  'WECHATPAY_BASE_URL',
  'WECHATPAY_MCHID',
  'WECHATPAY_APPID',
  'WECHATPAY_MERCHANT_SERIAL',
  'WECHATPAY_MERCHANT_PRIVATE_KEY_PATH',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH',
  'WECHATPAY_PLATFORM_PUBLIC_KEY_ID',
  'WECHATPAY_PLATFORM_CERT_PATHS',
  'WECHATPAY_NOTIFY_URL',
] as const

const Env = z.object({
  WECHATPAY_BASE_URL: z.url({ protocol: /^https?$/ }).default(OFFICIAL_BASE_URL),
  WECHATPAY_MCHID: z.string().regex(/^\d{6,32}$/, 'must be the digits of the merchant number'),
  WECHATPAY_APPID: z.string().regex(/^wx[0-9a-zA-Z]{16}$/, 'must look like wx followed by 16 characters'),
  WECHATPAY_MERCHANT_SERIAL: z
    .string()
    .regex(/^[0-9A-Fa-f]{8,64}$/, 'must be the hex serial of the merchant API certificate'),
  WECHATPAY_MERCHANT_PRIVATE_KEY_PATH: z.string(),
  WECHATPAY_APIV3_KEY: z
    .string()
    .refine((k) => Buffer.byteLength(k, 'utf8') === 32, 'must be exactly 32 bytes'),
  // Public-key mode (every merchant since late 2024) and/or legacy platform certificates.
  WECHATPAY_PLATFORM_PUBLIC_KEY_PATH: z.string().optional(),
  WECHATPAY_PLATFORM_PUBLIC_KEY_ID: z
    .string()
    .regex(/^PUB_KEY_ID_[0-9A-Za-z]+$/, 'must look like PUB_KEY_ID_…')
    .optional(),
  WECHATPAY_PLATFORM_CERT_PATHS: z.string().optional(),
  WECHATPAY_NOTIFY_URL: z
    .url({ protocol: /^https?$/ })
    .refine((u) => !u.includes('?'), 'must not carry query parameters'),
})

/**
 * @param readFile injected so tests need no files; reads PEM text.
 */
export function loadWechatPayConfig(
  env: NodeJS.ProcessEnv = process.env,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): WechatPayConfig | null {
  // Blank counts as unset, as in the service's main config (templates leave `X=` lines).
  const set = Object.fromEntries(WECHATPAY_ENV_VARS.flatMap((k) => (env[k] ? [[k, env[k]]] : [])))
  if (Object.keys(set).length === 0) return null

  const problems: string[] = []
  const parsed = Env.safeParse(set)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.')
      problems.push(set[name] === undefined ? `${name} is missing` : `${name} ${issue.message}`)
    }
  }
  const e = parsed.success ? parsed.data : undefined
  const has = (k: (typeof WECHATPAY_ENV_VARS)[number]): boolean => set[k] !== undefined

  if (has('WECHATPAY_PLATFORM_PUBLIC_KEY_PATH') !== has('WECHATPAY_PLATFORM_PUBLIC_KEY_ID')) {
    problems.push(
      has('WECHATPAY_PLATFORM_PUBLIC_KEY_PATH')
        ? 'WECHATPAY_PLATFORM_PUBLIC_KEY_ID is missing'
        : 'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH is missing',
    )
  } else if (!has('WECHATPAY_PLATFORM_PUBLIC_KEY_PATH') && !has('WECHATPAY_PLATFORM_CERT_PATHS')) {
    problems.push(
      'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH and WECHATPAY_PLATFORM_PUBLIC_KEY_ID are missing (or give WECHATPAY_PLATFORM_CERT_PATHS)',
    )
  }
  // WeChat only calls https URLs, so a plain-http notify URL can only be meant for a local stand-in.
  const base = set.WECHATPAY_BASE_URL ?? OFFICIAL_BASE_URL
  if (base === OFFICIAL_BASE_URL && set.WECHATPAY_NOTIFY_URL?.startsWith('http:')) {
    problems.push('WECHATPAY_NOTIFY_URL must be https for the real WeChat Pay')
  }

  const merchantPrivateKey = readKey(
    problems,
    'WECHATPAY_MERCHANT_PRIVATE_KEY_PATH',
    set.WECHATPAY_MERCHANT_PRIVATE_KEY_PATH,
    readFile,
    (pem) => {
      const k = createPrivateKey(pem)
      if (k.asymmetricKeyType !== 'rsa' || (k.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
        throw new KeyProblem('is not an RSA private key of at least 2048 bits')
      return k
    },
  )
  const verificationKeys = new Map<string, KeyObject>()
  const publicKey = readKey(
    problems,
    'WECHATPAY_PLATFORM_PUBLIC_KEY_PATH',
    set.WECHATPAY_PLATFORM_PUBLIC_KEY_PATH,
    readFile,
    (pem) => {
      if (pem.includes('BEGIN CERTIFICATE'))
        throw new KeyProblem('holds a certificate; list certificates in WECHATPAY_PLATFORM_CERT_PATHS')
      return createPublicKey(pem)
    },
  )
  if (publicKey && set.WECHATPAY_PLATFORM_PUBLIC_KEY_ID)
    verificationKeys.set(set.WECHATPAY_PLATFORM_PUBLIC_KEY_ID, publicKey)
  for (const path of (set.WECHATPAY_PLATFORM_CERT_PATHS ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const cert = readKey(
      problems,
      'WECHATPAY_PLATFORM_CERT_PATHS',
      path,
      readFile,
      (pem) => new X509Certificate(pem),
    )
    if (cert) verificationKeys.set(cert.serialNumber.toUpperCase(), cert.publicKey)
  }

  if (problems.length > 0 || !e || !merchantPrivateKey) throw new WechatPayConfigError(problems)
  return {
    baseUrl: e.WECHATPAY_BASE_URL.replace(/\/+$/, ''),
    mchid: e.WECHATPAY_MCHID,
    appid: e.WECHATPAY_APPID,
    merchantSerial: e.WECHATPAY_MERCHANT_SERIAL.toUpperCase(),
    merchantPrivateKey,
    apiV3Key: Buffer.from(e.WECHATPAY_APIV3_KEY, 'utf8'),
    verificationKeys,
    notifyUrl: e.WECHATPAY_NOTIFY_URL,
  }
}

class KeyProblem extends Error {}

/** Reads and parses one PEM file, recording a readable problem instead of throwing. */
function readKey<T>(
  problems: string[],
  name: string,
  path: string | undefined,
  readFile: (p: string) => string,
  parse: (pem: string) => T,
): T | undefined {
  if (path === undefined) return undefined
  let pem: string
  try {
    pem = readFile(path)
  } catch (err) {
    problems.push(
      `${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    )
    return undefined
  }
  try {
    return parse(pem)
  } catch (err) {
    const why = err instanceof KeyProblem ? err.message : `is not a valid PEM (${(err as Error).message})`
    problems.push(`${name}: ${path} ${why}`)
    return undefined
  }
}
