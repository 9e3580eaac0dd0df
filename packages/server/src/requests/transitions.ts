/**
 * Every change of a request's state: one conditional update (the state it must be in, and for
 * staff, that it is theirs) plus its timeline entry, in one transaction. A step taken twice, or
 * out of order, changes nothing and answers REQUEST_NOT_ACTIVE.
 */
import type { ServiceRequest, StaffServiceRequest, TimelineEvent, TransferRequest } from '@bangban/core/api'
import { sql, type Transaction, type UpdateObject } from 'kysely'
import type { Database, ServiceRequestStatus } from '../db/schema'
import { AppError } from '../util/errors'
import { OPEN_STATUSES, onDutyWorker, pickWorker, requireGrid, type Worker } from './dispatch'
import { appendEvent, type Actor } from './events'
import type { RequestDeps } from './submit'
import { residentRequestView, staffRequestView, type StaffViewer } from './views'

interface Step {
  readonly from: readonly ServiceRequestStatus[]
  readonly to: ServiceRequestStatus
  readonly event: TimelineEvent
  readonly actor: Actor
  readonly note?: string | null
  /** Only when the request is assigned to this member of staff. */
  readonly assignee?: string
  /** Only when the request belongs to this resident. */
  readonly resident?: string
  readonly set?: (at: string) => UpdateObject<Database, 'service_requests'>
}

async function take(trx: Transaction<Database>, at: string, id: string, step: Step): Promise<void> {
  let update = trx
    .updateTable('service_requests')
    .set({ status: step.to, updated_at: at, ...step.set?.(at) })
    .where('id', '=', id)
    .where('status', 'in', step.from)
  if (step.assignee !== undefined) update = update.where('assignee_staff_id', '=', step.assignee)
  if (step.resident !== undefined) update = update.where('resident_id', '=', step.resident)
  const moved = await update.executeTakeFirst()
  if (Number(moved.numUpdatedRows) !== 1) {
    let owned = trx.selectFrom('service_requests').select('id').where('id', '=', id)
    if (step.assignee !== undefined) owned = owned.where('assignee_staff_id', '=', step.assignee)
    if (step.resident !== undefined) owned = owned.where('resident_id', '=', step.resident)
    throw new AppError((await owned.executeTakeFirst()) ? 'REQUEST_NOT_ACTIVE' : 'NOT_FOUND')
  }
  await appendEvent(trx, id, step.event, step.to, at, step.actor, step.note ?? null)
}

async function run(
  deps: RequestDeps,
  id: string,
  step: Step | ((trx: Transaction<Database>) => Promise<Step>),
) {
  await deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString()
    await take(trx, at, id, typeof step === 'function' ? await step(trx) : step)
  })
}

/** The first response is whatever a grid worker does first. */
const firstResponse = (at: string) => ({ first_response_at: sql<string>`COALESCE(first_response_at, ${at})` })

export async function acceptRequest(
  deps: RequestDeps,
  viewer: StaffViewer,
  id: string,
): Promise<StaffServiceRequest> {
  const me: Actor = { kind: 'staff', id: viewer.id }
  await run(deps, id, {
    from: ['dispatched'],
    to: 'accepted',
    event: 'accepted',
    actor: me,
    assignee: viewer.id,
    set: firstResponse,
  })
  return staffRequestView(deps.db, viewer, id)
}

export async function progressRequest(
  deps: RequestDeps,
  viewer: StaffViewer,
  id: string,
  note: string,
): Promise<StaffServiceRequest> {
  const me: Actor = { kind: 'staff', id: viewer.id }
  await run(deps, id, {
    from: ['dispatched', 'accepted', 'in-progress'],
    to: 'in-progress',
    event: 'progress',
    actor: me,
    note,
    assignee: viewer.id,
    set: firstResponse,
  })
  return staffRequestView(deps.db, viewer, id)
}

export async function resolveRequest(
  deps: RequestDeps,
  viewer: StaffViewer,
  id: string,
  note: string,
): Promise<StaffServiceRequest> {
  const me: Actor = { kind: 'staff', id: viewer.id }
  await run(deps, id, {
    from: ['dispatched', 'accepted', 'in-progress'],
    to: 'resolved',
    event: 'resolved',
    actor: me,
    note,
    assignee: viewer.id,
    set: (at) => ({ ...firstResponse(at), resolved_at: at }),
  })
  return staffRequestView(deps.db, viewer, id)
}

/** To another grid (its least-loaded on-duty worker) or to a named on-duty grid worker. */
export async function transferRequest(
  deps: RequestDeps,
  viewer: StaffViewer,
  id: string,
  target: TransferRequest,
): Promise<StaffServiceRequest> {
  await run(deps, id, async (trx) => {
    let worker: Worker | null
    if (target.staffId !== undefined) {
      worker = await onDutyWorker(trx, target.staffId)
    } else {
      worker = await pickWorker(trx, await requireGrid(trx, target.gridId!), viewer.id)
    }
    if (!worker || worker.id === viewer.id || !worker.grid_id) throw new AppError('NO_GRID_WORKER')
    const gridId = worker.grid_id
    const to = worker.id
    return {
      from: OPEN_STATUSES,
      to: 'dispatched',
      event: 'transferred',
      actor: { kind: 'staff', id: viewer.id },
      note: target.note ?? null,
      // Admins may move any request; a grid worker only their own.
      ...(viewer.admin ? {} : { assignee: viewer.id }),
      set: () => ({ assignee_staff_id: to, grid_id: gridId }),
    }
  })
  // Shown once more to whoever handed it on, without the contact number (no longer theirs to call).
  return staffRequestView(deps.db, { ...viewer, admin: true }, id)
}

export async function rateRequest(
  deps: RequestDeps,
  residentId: string,
  id: string,
  score: number,
  comment: string | undefined,
): Promise<ServiceRequest> {
  await run(deps, id, {
    from: ['resolved'],
    to: 'closed',
    event: 'rated',
    actor: { kind: 'resident', id: residentId },
    note: comment || null,
    resident: residentId,
    set: (at) => ({ closed_at: at, rating_score: score, rating_comment: comment || null }),
  })
  return residentRequestView(deps.db, residentId, id)
}

/** Back to work: to the same grid worker while on duty, else to whoever is on duty in the grid. */
export async function reopenRequest(
  deps: RequestDeps,
  residentId: string,
  id: string,
  reason: string | undefined,
): Promise<ServiceRequest> {
  await run(deps, id, async (trx) => {
    const current = await trx
      .selectFrom('service_requests')
      .select(['assignee_staff_id', 'grid_id'])
      .where('id', '=', id)
      .where('resident_id', '=', residentId)
      .executeTakeFirst()
    if (!current) throw new AppError('NOT_FOUND')
    const same = current.assignee_staff_id ? await onDutyWorker(trx, current.assignee_staff_id) : null
    const worker = same ?? (await pickWorker(trx, current.grid_id))
    return {
      from: ['resolved'],
      to: worker ? 'dispatched' : 'submitted',
      event: 'reopened',
      actor: { kind: 'resident', id: residentId },
      note: reason ?? null,
      resident: residentId,
      set: () => ({ resolved_at: null, assignee_staff_id: worker?.id ?? null }),
    }
  })
  return residentRequestView(deps.db, residentId, id)
}
