/**
 * What NODE_ENV=production forbids unless a named setting says it is intended: the payment sandbox
 * (every order "paid" by a staff confirmation, no WeChat Pay) and the WeChat sign-in stand-in
 * (any code signs in, as a made-up openid). The SMS log sender has its own rule in sms/config.ts.
 * Secret files (the WeChat Pay merchant key) must not be readable by the group or others there;
 * the audit signing key is checked the same way everywhere (audit/tree.ts).
 */
import { statSync } from 'node:fs'

export interface ProductionInputs {
  readonly env: Record<string, string | undefined>
  readonly wechatPayConfigured: boolean
  readonly wechatConfigured: boolean
  /** File mode bits, or null when the file cannot be inspected (its reader reports that). */
  readonly modeOf?: (path: string) => number | null
}

export const ALLOW_SANDBOX = 'BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION'
export const ALLOW_WECHAT_STANDIN = 'BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION'

/** Secret files the service reads by path, by the setting that names them. */
export const SECRET_FILE_SETTINGS = ['WECHATPAY_MERCHANT_PRIVATE_KEY_PATH'] as const

export function fileMode(path: string): number | null {
  try {
    return statSync(path).mode & 0o777
  } catch {
    return null
  }
}

/** A problem line when a secret file may be read by the group or others, else null. */
export function secretFileProblem(
  setting: string,
  path: string,
  modeOf: (path: string) => number | null = fileMode,
): string | null {
  const mode = modeOf(path)
  if (mode === null || (mode & 0o077) === 0) return null
  return `${setting}: ${path} may be read by others (mode ${mode.toString(8)}): chmod 600 it (owned by the service's user)`
}

/** Values the deployment guide shows as placeholders: copied unchanged, anyone who read the guide has the key. */
export const PLACEHOLDER_KIOSK_KEYS = ['replace-with-a-random-key', 'the-same-key-on-every-instance']

export function productionProblems(inputs: ProductionInputs): string[] {
  const { env } = inputs
  if (env.NODE_ENV !== 'production') return []
  const problems: string[] = []
  if (!inputs.wechatPayConfigured && env[ALLOW_SANDBOX] !== '1')
    problems.push(
      `WECHATPAY_*: none set, so the payment sandbox would take payments (staff confirm them, no money moves); with NODE_ENV=production configure WeChat Pay, or set ${ALLOW_SANDBOX}=1 for a cash-only deployment that offers no WeChat Pay`,
    )
  if (!inputs.wechatConfigured && env[ALLOW_WECHAT_STANDIN] !== '1')
    problems.push(
      `WECHAT_APPID: not set, so the WeChat sign-in stand-in would let any code sign in; with NODE_ENV=production configure the mini-program (WECHAT_APPID, WECHAT_APPSECRET), or set ${ALLOW_WECHAT_STANDIN}=1 for a deployment without the mini-program`,
    )
  if (env.BANGBAN_KIOSK_KEY && PLACEHOLDER_KIOSK_KEYS.includes(env.BANGBAN_KIOSK_KEY))
    problems.push(
      "BANGBAN_KIOSK_KEY: still the placeholder from the deployment guide; make a random key (node -e \"console.log(require('node:crypto').randomBytes(24).toString('base64url'))\")",
    )
  for (const setting of SECRET_FILE_SETTINGS) {
    const path = env[setting]
    if (!path) continue
    const problem = secretFileProblem(setting, path, inputs.modeOf)
    if (problem) problems.push(problem)
  }
  return problems
}
