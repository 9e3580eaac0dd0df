/**
 * The real service (SQLite, demo data, a clock the test moves) behind the simulator's wx.request:
 * the built mini-program talks to it exactly as a phone would, through Fastify's inject.
 */
import { consoleSmsProvider } from '../../server/src/auth/sms'
import { createSession } from '../../server/src/auth/sessions'
import { residentByIdNumber } from '../../server/src/auth/residents'
import {
  idNumberFor,
  startService,
  testDatabase,
  type Started,
  type TestDatabase,
} from '../../server/test/support/service'
import type { Handler } from './sim'

export interface TestService {
  readonly service: Started
  /** Sign-in codes "sent" by SMS, newest last. */
  readonly sms: ReturnType<typeof consoleSmsProvider>
  /** What the phone's wx.request reaches. */
  readonly handler: Handler
  /** Every call the phone made: method and path with query. */
  readonly seen: string[]
  close(): Promise<void>
}

export async function startTestService(env: Record<string, string> = {}): Promise<TestService> {
  const database: TestDatabase = testDatabase('sqlite')
  const sms = consoleSmsProvider({ info: () => undefined })
  const service = await startService(database, undefined, { sms, env })
  const seen: string[] = []
  const handler: Handler = async (method, url, body, header) => {
    const path = url.replace(/^https?:\/\/[^/]+/, '')
    seen.push(`${method} ${path}`)
    const response = await service.app.inject({
      method: method as 'GET',
      url: path,
      headers: { ...header, 'content-type': 'application/json' },
      ...(body === undefined || body === null || body === '' ? {} : { payload: String(body) }),
    })
    // The mini-program asks for the raw text (dataType "其他") and parses it itself.
    return { status: response.statusCode, body: response.body }
  }
  return {
    service,
    sms,
    handler,
    seen,
    close: async () => {
      await service.close()
      await database.drop()
    },
  }
}

/** A resident signed in on a phone: the session the mini-program keeps in its storage. */
export async function phoneSession(
  service: Started,
  n: number,
  method: 'phone' | 'wechat' = 'phone',
  openid: string | null = null,
): Promise<{ residentId: string; stored: Record<string, unknown> }> {
  const { db, clock, idPepper } = service.ctx
  const resident = await residentByIdNumber(db, clock, idPepper, '王小明', idNumberFor(n))
  // The phone checks expiry against its own clock, not the service's test clock: long enough for both.
  const { token, expiresAt } = await createSession(
    db,
    clock,
    resident.id,
    method,
    10 * 365 * 86400,
    null,
    openid,
  )
  return {
    residentId: resident.id,
    stored: {
      language: 'zh-CN',
      session: {
        token,
        expiresAt,
        resident: { id: resident.id, maskedName: '王*明', maskedIdNumber: null, maskedPhone: null },
      },
    },
  }
}
