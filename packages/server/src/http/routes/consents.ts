import type { FastifyInstance } from 'fastify'
import { currentHead, proveResidentEntry } from '../../audit/tree'
import { AppError } from '../../util/errors'
import { auditEntries } from '../../audit/views'
import {
  answerConsent,
  issueDelegatedToken,
  requestConsent,
  revokeConsent,
  viewConsent,
} from '../../consents/grants'
import { consentView } from '../../consents/views'
import { sha256 } from '../../util/hash'
import { type ResidentCaller, residentOf, type StaffMemberCaller } from '../caller'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

/** Per-address limit on answering grants (per instance); the per-grant limit of code tries is in the database. */
const answerLimit = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }

export function consentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const inSession = (caller: StaffMemberCaller) => ({ helper: caller.staff, sessionToken: caller.token })
  /** The kiosk of the resident's session, when they answer at one (an ID-card sign-in there). */
  const answering = async (caller: ResidentCaller) => {
    const session = await ctx.db
      .selectFrom('sessions')
      .select('device_id')
      .where('token_hash', '=', sha256(caller.token))
      .executeTakeFirst()
    return { residentId: caller.residentId, deviceId: session?.device_id ?? null }
  }
  defineRoute(app, ctx, 'createConsent', async ({ body, caller }) =>
    requestConsent(ctx, inSession(caller), body.scopes, body.minutes),
  )
  defineRoute(app, ctx, 'getConsent', async ({ params, query, caller }) =>
    viewConsent(
      ctx,
      caller.staff
        ? { staffId: caller.staff.id }
        : { residentId: residentOf(caller), ...(query.qrToken ? { qrToken: query.qrToken } : {}) },
      params.id,
    ),
  )
  defineRoute(
    app,
    ctx,
    'approveConsent',
    async ({ params, body, caller }) => answerConsent(ctx, await answering(caller), params.id, body, true),
    answerLimit,
  )
  defineRoute(
    app,
    ctx,
    'denyConsent',
    async ({ params, body, caller }) => answerConsent(ctx, await answering(caller), params.id, body, false),
    answerLimit,
  )
  defineRoute(app, ctx, 'issueDelegatedToken', async ({ params, caller }) =>
    issueDelegatedToken(ctx, inSession(caller), params.id),
  )
  defineRoute(app, ctx, 'revokeConsent', async ({ params, caller }) =>
    revokeConsent(
      ctx,
      caller.staff ? { staffId: caller.staff.id } : { residentId: residentOf(caller) },
      params.id,
    ),
  )
  defineRoute(app, ctx, 'listMyConsents', async ({ caller }) => {
    const rows = await ctx.db
      .selectFrom('consents')
      .selectAll()
      .where('resident_id', '=', caller.residentId)
      .orderBy('requested_at', 'desc')
      .limit(100)
      .execute()
    const now = ctx.clock.now().toISOString()
    return Promise.all(rows.map((row) => consentView(ctx.db, row, now)))
  })
  defineRoute(app, ctx, 'myAudit', async ({ caller }) =>
    auditEntries(ctx.db, { residentId: caller.residentId, limit: 200 }),
  )
  defineRoute(app, ctx, 'myAuditProof', async ({ params, caller }) =>
    proveResidentEntry(ctx, caller.residentId, params.seq, ctx.clock.now()),
  )
  defineRoute(app, ctx, 'auditHead', async () => {
    const head = await currentHead(ctx, ctx.clock.now())
    // Every running service has entries (its kiosks' registration, sign-ins): none is a broken log.
    if (!head) throw new AppError('NOT_FOUND')
    return head
  })
  defineRoute(app, ctx, 'adminAudit', async ({ query }) => auditEntries(ctx.db, query))
}
