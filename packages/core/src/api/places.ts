import { z } from 'zod'
import { Id } from './common'

/** A grid (网格): the small area one grid worker looks after. */
export const Grid = z.object({
  id: Id,
  name: z.string(),
  community: z.string(),
  /** What it covers, in words residents recognise (buildings, streets). */
  area: z.string(),
})
export type Grid = z.infer<typeof Grid>
