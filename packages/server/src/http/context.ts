import type { Kysely } from 'kysely'
import type { SmsProvider } from '../auth/sms'
import type { Engine } from '../db/connect'
import type { Database } from '../db/schema'
import type { Clock } from '../util/clock'

/** What every route handler may use. */
export interface AppContext {
  readonly db: Kysely<Database>
  readonly engine: Engine
  readonly clock: Clock
  readonly sms: SmsProvider
  /** Pepper for ID-number HMACs, from the deployment's settings. */
  readonly idPepper: string
  readonly sessionTtlSeconds: { readonly idCard: number; readonly phone: number }
}
