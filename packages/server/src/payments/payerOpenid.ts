/**
 * Who pays a JSAPI order: the WeChat user signed in to the mini-program, as the service knows it
 * from the session (WeChat sign-in, or a phone session the resident linked their WeChat to); the
 * phone never names one. A family member acting for a resident pays with their own WeChat: the one
 * their token was asked from. No WeChat user behind the session: WECHAT_LINK_REQUIRED, and the
 * mini-program asks the resident to link theirs first.
 */
import type { CreatePaymentRequest } from '@bangban/core/api'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { Caller } from '../http/caller'
import { AppError } from '../util/errors'
import { openidOfSession } from '../wechat/links'

/** A payment as the service orders it: the request, and for JSAPI the payer the service found. */
export type PaymentOrderRequest = CreatePaymentRequest & { readonly payerOpenid?: string }

export function withPayerOpenid(request: CreatePaymentRequest, openid: string | null): PaymentOrderRequest {
  if (request.method !== 'wechat-jsapi') return request
  if (!openid) throw new AppError('WECHAT_LINK_REQUIRED')
  return { ...request, payerOpenid: openid }
}

/** The caller's WeChat payer: a helper's delegated token is no WeChat session and names none. */
export async function withCallerOpenid(
  db: Kysely<Database>,
  caller: Caller,
  request: CreatePaymentRequest,
): Promise<PaymentOrderRequest> {
  if (request.method !== 'wechat-jsapi') return request
  if (caller.family) return withPayerOpenid(request, caller.family.payerOpenid)
  // A kiosk or a helper never pays this way: createPayment says so.
  if (caller.deviceId || caller.staff || caller.delegation) return request
  // Not signed in at all: sign in first (the mini-program offers WeChat sign-in).
  if (!caller.residentId || !caller.token) throw new AppError('UNAUTHENTICATED')
  return withPayerOpenid(request, await openidOfSession(db, caller.token))
}
