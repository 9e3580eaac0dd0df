/** Configuration from the environment, validated before anything starts. */
import { z } from 'zod'
import { loadWechatPayConfig, WechatPayConfigError, type WechatPayConfig } from './payments/wechatpay'
import { loadWechatConfig, WechatConfigError, type WechatMiniProgramConfig } from './wechat/config'
import { DEFAULT_TRUST_PROXY, parseTrustProxy, type TrustProxy } from './http/trustProxy'
import { loadSmsConfig, SmsConfigError, type SmsConfig } from './sms/config'
import { productionProblems } from './ops/production'

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('sqlite:./data/bangban.db')
    .refine((url) => /^(postgres(ql)?:\/\/|sqlite:|file:)/.test(url) || !url.includes('://'), {
      message: 'must be postgres://…, sqlite:<path> or a file path',
    }),
  BANGBAN_SEED: z.enum(['', 'demo']).default(''),
  BANGBAN_KIOSK_KEY: z.string().min(16, 'must be at least 16 characters').max(256).optional(),
  BANGBAN_DEMO_STAFF_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
  BANGBAN_KIOSK_DIR: z.string().optional(),
  /** Ed25519 key (PKCS#8 PEM) that signs the audit log's tree heads; never in the database. */
  BANGBAN_AUDIT_KEY_FILE: z.string().optional(),
  /** Where this instance appends every signed tree head (the operator ships it elsewhere). */
  BANGBAN_AUDIT_WITNESS_DIR: z.string().optional(),
  /** Only `production` is read: it refuses development stand-ins (ops/production.ts, sms/config.ts). */
  NODE_ENV: z.string().optional(),
  /** With NODE_ENV=production: the payment sandbox is intended (cash only, no WeChat Pay). */
  BANGBAN_PAYMENTS_ALLOW_SANDBOX_IN_PRODUCTION: z.enum(['1']).optional(),
  /** With NODE_ENV=production: the WeChat sign-in stand-in is intended (no mini-program). */
  BANGBAN_WECHAT_ALLOW_STANDIN_IN_PRODUCTION: z.enum(['1']).optional(),
  /** The release named in /healthz, at start and in the metrics (e.g. a tag or commit); default the package version. */
  BANGBAN_RELEASE: z.string().min(1).max(80).optional(),
  /** The Prometheus listener (GET /metrics); 0 = none. Never the public port. */
  BANGBAN_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  BANGBAN_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** /readyz says 503 when this instance's clock stands further than this from the database's. */
  BANGBAN_MAX_CLOCK_SKEW_SECONDS: z.coerce.number().min(0.5).max(3600).default(5),
  /** On SIGTERM /readyz says 503 this long before the server stops taking requests. */
  BANGBAN_DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BANGBAN_SESSION_MINUTES_KIOSK: z.coerce.number().int().min(1).max(240).default(30),
  BANGBAN_SESSION_HOURS_PHONE: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 30),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  BANGBAN_SESSION_HOURS_STAFF: z.coerce.number().int().min(1).max(24).default(12),
  /** How long a QR code or JSAPI order stays payable. */
  BANGBAN_PAYMENT_MINUTES: z.coerce.number().int().min(5).max(120).default(15),
  /** Senders allowed to name the client in X-Forwarded-For (the per-address rate limits count it). */
  TRUST_PROXY: z
    .string()
    .default(DEFAULT_TRUST_PROXY)
    .transform((value, ctx): TrustProxy => {
      const parsed = parseTrustProxy(value)
      if ('trust' in parsed) return parsed.trust
      ctx.addIssue({ code: 'custom', message: parsed.problem })
      return z.NEVER
    }),
})

export type Config = z.infer<typeof Env> & {
  /** WeChat Pay (all WECHATPAY_* set and valid), or null: the demo sandbox takes payments. */
  readonly wechatPay: WechatPayConfig | null
  /** The mini-program's WeChat sign-in and subscribe messages (WECHAT_APPID, …), or null: development stand-ins. */
  readonly wechat: WechatMiniProgramConfig | null
  /** Which sender delivers sign-in codes (BANGBAN_SMS): the log, or Tencent Cloud SMS. */
  readonly sms: SmsConfig
}

/** Whether any WECHATPAY_* is set (then its own problems are listed, not the sandbox's). */
const WECHATPAY_SET = (env: Record<string, unknown>) =>
  Object.keys(env).some((k) => k.startsWith('WECHATPAY_'))

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  readFile?: (path: string) => string,
  modeOf?: (path: string) => number | null,
): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.safeParse(blanksRemoved)
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
  // WeChat Pay is all or nothing: any WECHATPAY_* set means every one must be right.
  let wechatPay: WechatPayConfig | null = null
  try {
    wechatPay = loadWechatPayConfig(env, readFile)
  } catch (error) {
    if (!(error instanceof WechatPayConfigError)) throw error
    lines.push(...error.problems.map((problem) => `  ${problem}`))
  }
  let wechat: WechatMiniProgramConfig | null = null
  try {
    wechat = loadWechatConfig(env)
  } catch (error) {
    if (!(error instanceof WechatConfigError)) throw error
    lines.push(...error.problems.map((problem) => `  ${problem}`))
  }
  // A JSAPI order is for an openid of the app it names: the mini-program's, or WeChat refuses it.
  if (wechat && wechatPay && wechat.appid !== wechatPay.appid) {
    lines.push("  WECHATPAY_APPID must be the mini-program's WECHAT_APPID (JSAPI payments use its openids)")
  }
  let sms: SmsConfig = { sender: 'log' }
  try {
    sms = loadSmsConfig(env)
  } catch (error) {
    if (!(error instanceof SmsConfigError)) throw error
    lines.push(...error.problems.map((problem) => `  ${problem}`))
  }
  const production = productionProblems({
    env: blanksRemoved,
    wechatPayConfigured: wechatPay !== null || WECHATPAY_SET(blanksRemoved),
    wechatConfigured: wechat !== null || Object.keys(blanksRemoved).some((k) => /^WECHAT_(?!PAY)/.test(k)),
    ...(modeOf ? { modeOf } : {}),
  })
  lines.push(...production.map((problem) => `  ${problem}`))
  if (!parsed.success || lines.length > 0) {
    throw new ConfigError(`The service cannot start: the configuration is wrong.\n${lines.join('\n')}`)
  }
  return { ...parsed.data, wechatPay, wechat, sms }
}
