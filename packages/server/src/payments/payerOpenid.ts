/**
 * Who pays a JSAPI order: the WeChat user signed in to the mini-program. A session opened by
 * WeChat sign-in carries its openid, so the phone need not (and may not) name another one. A
 * family member acting for a resident pays with their own WeChat: the one their token was asked from.
 */
import type { CreatePaymentRequest } from '@bangban/core/api'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Caller } from '../http/caller'
import { AppError } from '../util/errors'
import { openidOfSession } from '../wechat/links'

export function withPayerOpenid(request: CreatePaymentRequest, openid: string | null): CreatePaymentRequest {
  if (request.method !== 'wechat-jsapi' || !openid) return request
  if (request.payerOpenid !== undefined && request.payerOpenid !== openid)
    throw new AppError('VALIDATION_FAILED', [
      { where: 'body.payerOpenid', problem: 'not the signed-in WeChat user' },
    ])
  return { ...request, payerOpenid: openid }
}

export async function withSessionOpenid(
  db: Kysely<Database>,
  sessionToken: string | null,
  request: CreatePaymentRequest,
): Promise<CreatePaymentRequest> {
  if (request.method !== 'wechat-jsapi' || !sessionToken) return request
  return withPayerOpenid(request, await openidOfSession(db, sessionToken))
}

/** The caller's WeChat payer: a helper's delegated token is no WeChat session and names none. */
export async function withCallerOpenid(
  db: Kysely<Database>,
  caller: Caller,
  request: CreatePaymentRequest,
): Promise<CreatePaymentRequest> {
  if (caller.family) return withPayerOpenid(request, caller.family.payerOpenid)
  return withSessionOpenid(db, caller.delegation ? null : caller.token, request)
}
