import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { defineRoute } from '../routing'

export function placeRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, ctx, 'listGrids', async () => {
    const rows = await ctx.db
      .selectFrom('grids')
      .select(['id', 'name', 'community', 'area'])
      .where('active', '=', 1)
      .orderBy('sort_order')
      .orderBy('id')
      .execute()
    return rows
  })
}
