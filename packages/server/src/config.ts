/** Configuration from the environment, validated before anything starts. */
import { z } from 'zod'

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BANGBAN_SESSION_MINUTES_KIOSK: z.coerce.number().int().min(1).max(240).default(30),
  BANGBAN_SESSION_HOURS_PHONE: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 30),
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
})

export type Config = z.infer<typeof Env>

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.safeParse(blanksRemoved)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`The service cannot start: the configuration is wrong.\n${lines.join('\n')}`)
  }
  return parsed.data
}
