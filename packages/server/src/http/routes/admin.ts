import type { FastifyInstance } from 'fastify'
import { currentHead } from '../../audit/tree'
import { adminDashboard } from '../../dashboard/dashboard'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, ctx, 'adminDashboard', async () => {
    const [board, head] = await Promise.all([
      adminDashboard(ctx.db, ctx.clock),
      currentHead(ctx, ctx.clock.now()),
    ])
    return {
      ...board,
      auditHead: head
        ? { shortHash: head.shortHash, treeSize: head.treeSize, signedAt: head.signedAt }
        : null,
    }
  })
}
