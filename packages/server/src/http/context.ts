import type { Hash } from '@bangban/core/audit'
import type { Kysely } from 'kysely'
import type { AuditSigner } from '../audit/tree'
import type { SmsProvider } from '../auth/sms'
import type { Engine } from '../db/engine'
import type { Database } from '../db/schema'
import type { PaymentProvider } from '../payments/provider'
import type { WechatPayConfig } from '../payments/wechatpay'
import type { Clock } from '../util/clock'
import type { WechatAuth } from '../wechat/auth'
import type { WechatNotifier } from '../wechat/notifier'

/** What every route handler may use. */
export interface AppContext {
  /** Signs the audit log's tree heads (key outside the database) and witnesses them in a folder. */
  readonly audit: {
    readonly signer: AuditSigner
    readonly witnessDir: string | null
    readonly leaves: () => Promise<readonly Hash[]>
  }
  readonly db: Kysely<Database>
  readonly engine: Engine
  readonly clock: Clock
  readonly sms: SmsProvider
  /** Pepper for ID-number HMACs, from the deployment's settings. */
  readonly idPepper: string
  readonly sessionTtlSeconds: { readonly idCard: number; readonly phone: number; readonly staff: number }
  readonly wechat: {
    /** WeChat's code2Session, or the development stand-in. */
    readonly auth: WechatAuth
    /** Subscribe messages through WeChat, or the development stand-in that logs them. */
    readonly notifier: WechatNotifier
  }
  readonly payments: {
    /** WeChat Pay when configured, else the demo sandbox. */
    readonly provider: PaymentProvider
    /** Set with WeChat Pay: what its callbacks are checked with. */
    readonly wechat: WechatPayConfig | null
    readonly ttlSeconds: number
    /** Tests only: runs inside the settling transaction before it commits. */
    readonly beforeSettleCommit?: (paymentId: string) => void | Promise<void>
  }
}
