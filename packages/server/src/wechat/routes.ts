/** The mini-program's routes: subscribe messages and 亲友代办 (registered with the sign-in routes). */
import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../http/context'
import { defineRoute } from '../http/routing'
import {
  answerFamilyGrant,
  issueFamilyToken,
  myFamilyGrants,
  requestFamilyGrant,
  revokeFamilyGrant,
  viewFamilyGrant,
} from './family'
import { unlinkWechat } from '../auth/account'
import { linkWechatToSession, openidOfSession } from './links'
import { recordSubscriptions } from './messages'

export function wechatRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, ctx, 'wechatSubscribeTemplates', async () => ({
    appointment: ctx.wechat.notifier.templateId('appointment'),
    request: ctx.wechat.notifier.templateId('request'),
  }))

  defineRoute(app, ctx, 'subscribeWechatMessages', async ({ body, caller }) => ({
    credits: await recordSubscriptions(
      ctx.db,
      ctx.clock,
      caller.residentId,
      caller.token ? await openidOfSession(ctx.db, caller.token) : null,
      body.accepted,
    ),
  }))

  defineRoute(app, ctx, 'linkMyWechat', async ({ body, caller }) => {
    const identity = await ctx.wechat.auth.code2Session(body.code)
    await linkWechatToSession(ctx.db, ctx.clock, caller.residentId, caller.token, identity)
    return null
  })
  defineRoute(app, ctx, 'unlinkMyWechat', async ({ caller }) => {
    await unlinkWechat(ctx.db, ctx.clock, caller.residentId)
    return null
  })

  defineRoute(app, ctx, 'createFamilyGrant', async ({ body, caller }) =>
    requestFamilyGrant(ctx, caller.residentId, body.scopes),
  )
  defineRoute(app, ctx, 'getFamilyGrant', async ({ params, query, caller }) =>
    viewFamilyGrant(ctx, caller.residentId, params.id, query.qrToken),
  )
  defineRoute(app, ctx, 'approveFamilyGrant', async ({ params, body, caller }) =>
    answerFamilyGrant(ctx, caller.residentId, params.id, body.qrToken, true),
  )
  defineRoute(app, ctx, 'denyFamilyGrant', async ({ params, body, caller }) =>
    answerFamilyGrant(ctx, caller.residentId, params.id, body.qrToken, false),
  )
  defineRoute(app, ctx, 'revokeFamilyGrant', async ({ params, caller }) =>
    revokeFamilyGrant(ctx, caller.residentId, params.id),
  )
  defineRoute(app, ctx, 'issueFamilyToken', async ({ params, caller }) =>
    issueFamilyToken(ctx, caller.residentId, caller.token, params.id),
  )
  defineRoute(app, ctx, 'listMyFamilyGrants', async ({ caller }) => myFamilyGrants(ctx, caller.residentId))
}
