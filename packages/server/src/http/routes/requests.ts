import type { FastifyInstance } from 'fastify'
import { requestMetrics } from '../../requests/metrics'
import { listStaffRequests } from '../../requests/staffLists'
import { listResidentRequests, submitRequest } from '../../requests/submit'
import {
  acceptRequest,
  progressRequest,
  rateRequest,
  reopenRequest,
  resolveRequest,
  transferRequest,
} from '../../requests/transitions'
import { residentRequestView, staffRequestView, type StaffViewer } from '../../requests/views'
import type { AppContext } from '../context'
import type { StaffMemberCaller } from '../caller'
import { defineRoute } from '../routing'

function viewer(caller: StaffMemberCaller): StaffViewer & { gridWorker: boolean } {
  const staff = caller.staff
  return {
    id: staff.id,
    admin: staff.roles.includes('admin'),
    gridWorker: staff.roles.includes('grid-worker'),
  }
}

export function requestRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, ctx, 'listRequestCategories', async () => {
    const rows = await ctx.db
      .selectFrom('request_categories')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('sort_order')
      .execute()
    return rows.map((c) => ({ id: c.id, name: c.name, kind: c.kind, timeLimitHours: c.time_limit_hours }))
  })
  defineRoute(app, ctx, 'createServiceRequest', async ({ body, caller, idempotencyKey }) =>
    submitRequest(ctx, caller.residentId, body, idempotencyKey),
  )
  defineRoute(app, ctx, 'listServiceRequests', async ({ caller }) =>
    listResidentRequests(ctx.db, caller.residentId),
  )
  defineRoute(app, ctx, 'getServiceRequest', async ({ params, caller }) =>
    residentRequestView(ctx.db, caller.residentId, params.id),
  )
  defineRoute(app, ctx, 'rateServiceRequest', async ({ params, body, caller }) =>
    rateRequest(ctx, caller.residentId, params.id, body.score, body.comment),
  )
  defineRoute(app, ctx, 'reopenServiceRequest', async ({ params, body, caller }) =>
    reopenRequest(ctx, caller.residentId, params.id, body.reason),
  )
  defineRoute(app, ctx, 'listStaffRequests', async ({ query, caller }) =>
    listStaffRequests(ctx.db, viewer(caller), query.scope ?? 'open'),
  )
  defineRoute(app, ctx, 'getStaffRequest', async ({ params, caller }) =>
    staffRequestView(ctx.db, viewer(caller), params.id),
  )
  defineRoute(app, ctx, 'acceptServiceRequest', async ({ params, caller }) =>
    acceptRequest(ctx, viewer(caller), params.id),
  )
  defineRoute(app, ctx, 'progressServiceRequest', async ({ params, body, caller }) =>
    progressRequest(ctx, viewer(caller), params.id, body.note),
  )
  defineRoute(app, ctx, 'transferServiceRequest', async ({ params, body, caller }) =>
    transferRequest(ctx, viewer(caller), params.id, body),
  )
  defineRoute(app, ctx, 'resolveServiceRequest', async ({ params, body, caller }) =>
    resolveRequest(ctx, viewer(caller), params.id, body.note),
  )
  defineRoute(app, ctx, 'adminMetrics', async ({ query }) => requestMetrics(ctx.db, ctx.clock, query))
}
