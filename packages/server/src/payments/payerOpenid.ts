/**
 * Who pays a JSAPI order: the WeChat user signed in to the mini-program. A session opened by
 * WeChat sign-in carries its openid, so the phone need not (and may not) name another one.
 */
import type { CreatePaymentRequest } from '@bangban/shared/api'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { AppError } from '../util/errors'
import { openidOfSession } from '../wechat/links'

export async function withSessionOpenid(
  db: Kysely<Database>,
  sessionToken: string | null,
  request: CreatePaymentRequest,
): Promise<CreatePaymentRequest> {
  if (request.method !== 'wechat-jsapi' || !sessionToken) return request
  const openid = await openidOfSession(db, sessionToken)
  if (!openid) return request
  if (request.payerOpenid !== undefined && request.payerOpenid !== openid)
    throw new AppError('VALIDATION_FAILED', [
      { where: 'body.payerOpenid', problem: 'not the signed-in WeChat user' },
    ])
  return { ...request, payerOpenid: openid }
}
