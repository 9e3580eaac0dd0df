import { normalizeMobile, parseIdNumber } from '@bangban/core/domain'
import type { FastifyInstance } from 'fastify'
import { sendPhoneCode, verifyPhoneCode } from '../../auth/phoneCodes'
import { getResident, residentByIdNumber, residentByPhone, residentSummary } from '../../auth/residents'
import { createSession, revokeSession } from '../../auth/sessions'
import { deleteAccount } from '../../auth/account'
import { AppError } from '../../util/errors'
import { beginWechatSignIn, completeWechatLink, linkTicket } from '../../wechat/links'
import { wechatRoutes } from '../../wechat/routes'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

/** Per-address limits on the sign-in routes (per instance; the per-number SMS limit is in the database). */
const signInLimit = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }
const codeLimit = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }

function requireMobile(phone: string): string {
  const mobile = normalizeMobile(phone)
  if (!mobile) throw new AppError('INVALID_PHONE')
  return mobile
}

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(
    app,
    ctx,
    'signInWithIdCard',
    async ({ body, caller }) => {
      const parsed = parseIdNumber(body.idNumber, undefined)
      if (!parsed.ok) throw new AppError('INVALID_ID_NUMBER', { problem: parsed.problem })
      const resident = await residentByIdNumber(
        ctx.db,
        ctx.clock,
        ctx.idPepper,
        body.name,
        parsed.value.idNumber,
      )
      const session = await createSession(
        ctx.db,
        ctx.clock,
        resident.id,
        'id-card',
        ctx.sessionTtlSeconds.idCard,
        caller.deviceId,
      )
      return { ...session, resident: residentSummary(resident) }
    },
    signInLimit,
  )

  defineRoute(
    app,
    ctx,
    'requestPhoneCode',
    async ({ body }) => sendPhoneCode(ctx.db, ctx.clock, ctx.sms, requireMobile(body.phone)),
    codeLimit,
  )

  defineRoute(
    app,
    ctx,
    'signInWithPhone',
    async ({ body }) => {
      const phone = requireMobile(body.phone)
      await verifyPhoneCode(ctx.db, ctx.clock, phone, body.code)
      const resident = await residentByPhone(ctx.db, ctx.clock, phone)
      const session = await createSession(
        ctx.db,
        ctx.clock,
        resident.id,
        'phone',
        ctx.sessionTtlSeconds.phone,
        null,
      )
      return { ...session, resident: residentSummary(resident) }
    },
    signInLimit,
  )

  defineRoute(
    app,
    ctx,
    'signInWithWechat',
    async ({ body }) => {
      const identity = await ctx.wechat.auth.code2Session(body.code)
      const start = await beginWechatSignIn(ctx.db, ctx.clock, identity)
      if (start.outcome === 'needs-link') return start
      const resident = await getResident(ctx.db, start.residentId)
      const session = await createSession(
        ctx.db,
        ctx.clock,
        resident.id,
        'wechat',
        ctx.sessionTtlSeconds.phone,
        null,
        identity.openid,
      )
      return { outcome: 'signed-in' as const, ...session, resident: residentSummary(resident) }
    },
    signInLimit,
  )

  defineRoute(
    app,
    ctx,
    'linkWechat',
    async ({ body }) => {
      const phone = requireMobile(body.phone)
      // A lapsed link token is said before the SMS code is spent.
      await linkTicket(ctx.db, ctx.clock, body.linkToken)
      await verifyPhoneCode(ctx.db, ctx.clock, phone, body.code)
      const resident = await residentByPhone(ctx.db, ctx.clock, phone)
      const identity = await completeWechatLink(ctx.db, ctx.clock, body.linkToken, resident.id)
      const session = await createSession(
        ctx.db,
        ctx.clock,
        resident.id,
        'wechat',
        ctx.sessionTtlSeconds.phone,
        null,
        identity.openid,
      )
      return { ...session, resident: residentSummary(resident) }
    },
    signInLimit,
  )

  defineRoute(app, ctx, 'signOut', async ({ caller }) => {
    await revokeSession(ctx.db, ctx.clock, caller.token)
    return null
  })

  defineRoute(app, ctx, 'deleteMyAccount', async ({ caller }) => {
    await deleteAccount(ctx.db, ctx.clock, caller.residentId)
    return null
  })

  defineRoute(app, ctx, 'me', async ({ caller }) =>
    residentSummary(await getResident(ctx.db, caller.residentId)),
  )

  wechatRoutes(app, ctx)
}
