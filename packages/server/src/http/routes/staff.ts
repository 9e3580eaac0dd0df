import type { FastifyInstance } from 'fastify'
import { revokeStaffSession, signInStaff } from '../../auth/staffSessions'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

/** Per-address limit on staff sign-in (per instance); the per-staff-number limit is in the database. */
const signInLimit = { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }

export function staffRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(
    app,
    ctx,
    'staffSignIn',
    async ({ body }) =>
      signInStaff(ctx.db, ctx.clock, body.staffNo, body.password, ctx.sessionTtlSeconds.staff),
    signInLimit,
  )
  defineRoute(app, ctx, 'staffSignOut', async ({ caller }) => {
    await revokeStaffSession(ctx.db, ctx.clock, caller.token)
    return null
  })
  defineRoute(app, ctx, 'staffMe', async ({ caller }) => {
    const { id, staffNo, name, roles, gridId } = caller.staff
    return { id, staffNo, name, roles, gridId }
  })
}
