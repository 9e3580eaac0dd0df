import type { StaffServiceRequest } from '@bangban/core/api'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { OPEN_STATUSES } from './dispatch'
import { staffRequestView, type StaffViewer } from './views'

/**
 * A grid worker's own requests (open: still to do); an admin's: escalated or undispatched open
 * requests (open), or the latest of all (all).
 */
export async function listStaffRequests(
  db: Kysely<Database>,
  viewer: StaffViewer & { readonly gridWorker: boolean },
  scope: 'open' | 'all',
): Promise<StaffServiceRequest[]> {
  let query = db.selectFrom('service_requests').select('id').orderBy('created_at', 'desc').limit(200)
  if (viewer.gridWorker) {
    query = query.where('assignee_staff_id', '=', viewer.id)
    if (scope === 'open') query = query.where('status', 'in', OPEN_STATUSES)
  } else if (scope === 'open') {
    query = query
      .where('status', 'in', OPEN_STATUSES)
      .where((eb) => eb.or([eb('escalated_at', 'is not', null), eb('assignee_staff_id', 'is', null)]))
  }
  const rows = await query.execute()
  // A grid worker who is also an admin sees their own list here; admin rights still show the rest.
  return Promise.all(rows.map((r) => staffRequestView(db, viewer, r.id)))
}
