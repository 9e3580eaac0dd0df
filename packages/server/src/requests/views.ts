/**
 * Requests as residents and staff see them, with their timelines. Names of people are masked for
 * everyone; the contact number is shown in full only to the grid worker who must call back.
 */
import type { ServiceRequest, StaffServiceRequest, TimelineEntry } from '@bangban/core/api'
import { maskName, maskPhone } from '@bangban/core/domain'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { AppError } from '../util/errors'

type Db = Kysely<Database> | Transaction<Database>

async function timeline(db: Db, requestId: string): Promise<TimelineEntry[]> {
  const events = await db
    .selectFrom('request_events as e')
    .leftJoin('staff as s', (join) => join.onRef('s.id', '=', 'e.actor_id').on('e.actor_kind', '=', 'staff'))
    .leftJoin('residents as r', (join) =>
      join.onRef('r.id', '=', 'e.actor_id').on('e.actor_kind', '=', 'resident'),
    )
    .select([
      'e.event',
      'e.status',
      'e.at',
      'e.actor_kind',
      'e.note',
      's.name as staff_name',
      'r.name as resident_name',
    ])
    .where('e.request_id', '=', requestId)
    .orderBy('e.seq')
    .execute()
  return events.map((e) => {
    const name = e.staff_name ?? e.resident_name
    return {
      event: e.event as TimelineEntry['event'],
      status: e.status,
      at: e.at,
      by: { kind: e.actor_kind, maskedName: name ? maskName(name) : null },
      note: e.note,
    }
  })
}

async function row(db: Db, id: string) {
  const found = await db
    .selectFrom('service_requests as q')
    .innerJoin('request_categories as c', 'c.id', 'q.category_id')
    .innerJoin('grids as g', 'g.id', 'q.grid_id')
    .innerJoin('residents as r', 'r.id', 'q.resident_id')
    .leftJoin('staff as s', 's.id', 'q.assignee_staff_id')
    .selectAll('q')
    .select([
      'c.name as category_name',
      'g.name as grid_name',
      'r.name as resident_name',
      's.name as assignee_name',
      's.grid_id as assignee_grid_id',
    ])
    .where('q.id', '=', id)
    .executeTakeFirst()
  if (!found) throw new AppError('NOT_FOUND')
  return found
}

type Row = Awaited<ReturnType<typeof row>>

async function view(db: Db, q: Row): Promise<ServiceRequest> {
  return {
    id: q.id,
    requestNo: q.request_no,
    categoryId: q.category_id,
    categoryName: q.category_name,
    description: q.description,
    address: q.address,
    gridId: q.grid_id,
    gridName: q.grid_name,
    status: q.status,
    assignee: q.assignee_name ? { maskedName: maskName(q.assignee_name), gridId: q.assignee_grid_id } : null,
    createdAt: q.created_at,
    dueAt: q.due_at,
    firstResponseAt: q.first_response_at,
    resolvedAt: q.resolved_at,
    closedAt: q.closed_at,
    escalated: q.escalated_at !== null,
    rating: q.rating_score === null ? null : { score: q.rating_score, comment: q.rating_comment },
    timeline: await timeline(db, q.id),
    maskedContactPhone: q.contact_phone ? maskPhone(q.contact_phone) : null,
  }
}

/** The resident's own request; NOT_FOUND for anyone else's. */
export async function residentRequestView(db: Db, residentId: string, id: string): Promise<ServiceRequest> {
  const q = await row(db, id)
  if (q.resident_id !== residentId) throw new AppError('NOT_FOUND')
  return view(db, q)
}

export interface StaffViewer {
  readonly id: string
  readonly admin: boolean
}

/** A grid worker sees requests assigned to them; an admin sees any. */
export async function staffRequestView(
  db: Db,
  viewer: StaffViewer,
  id: string,
): Promise<StaffServiceRequest> {
  const q = await row(db, id)
  const assignee = q.assignee_staff_id === viewer.id
  if (!assignee && !viewer.admin) throw new AppError('NOT_FOUND')
  return {
    ...(await view(db, q)),
    residentMaskedName: maskName(q.resident_name),
    contactPhone: assignee ? q.contact_phone : maskPhone(q.contact_phone),
    assigneeStaffId: q.assignee_staff_id,
  }
}
