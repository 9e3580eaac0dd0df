/** Service requests: dispatch, the timeline through every state, ratings, reopening, transfer, escalation. */
import type { ServiceRequest, StaffServiceRequest } from '@bangban/core/api'
import { superviseRequests } from '../src/requests/escalation'
import { residentRequestView } from '../src/requests/views'
import { bearer, describeOnEngines, residents, staffToken, TEST_NOW } from './support/service'

describeOnEngines('service requests', (on) => {
  let resident: string
  let residentId: string
  const staff: Record<string, string> = {}

  beforeAll(async () => {
    const [someone] = await residents(on.service, 1, 600)
    resident = someone!.token
    residentId = someone!.id
    for (const no of ['G2001', 'G2002', 'G2003', 'G2004', 'A0001', 'H1001'])
      staff[no] = await staffToken(on.service, no)
  })
  // Each test starts at the same moment (sessions last an hour; some tests move time on).
  afterEach(() => on.service.clock.set(TEST_NOW))

  const submit = (payload: object, headers: Record<string, string> = bearer(resident)) =>
    on.service.app.inject({ method: 'POST', url: '/api/v1/requests', headers, payload })
  const act = (no: string, id: string, action: string, payload?: object) =>
    on.service.app.inject({
      method: 'POST',
      url: `/api/v1/staff/requests/${id}/${action}`,
      headers: bearer(staff[no]!),
      ...(payload ? { payload } : {}),
    })
  const mine = async (id: string) =>
    (
      await on.service.app.inject({ url: `/api/v1/requests/${id}`, headers: bearer(resident) })
    ).json() as ServiceRequest
  const base = {
    categoryId: 'cat-repair',
    description: 'The stairwell light is broken',
    contactPhone: '138 1234 5678',
  }

  it('lists the categories with their time limits', async () => {
    const res = await on.service.app.inject({ url: '/api/v1/request-categories' })
    expect(res.json()).toEqual(
      expect.arrayContaining([{ id: 'cat-repair', name: '维修报修', kind: 'repair', timeLimitHours: 48 }]),
    )
  })

  it('dispatches to the on-duty grid worker of the grid with the least open work, ties by staff number', async () => {
    // Grid 1 has G2001 and G2004, both idle: G2001 first, then G2004, then G2001 again.
    const assignees: string[] = []
    for (let i = 0; i < 3; i++) {
      const res = await submit({ ...base, gridId: 'grid-xfl-1' })
      expect(res.statusCode).toBe(201)
      expect(res.json()).toMatchObject({
        status: 'dispatched',
        gridId: 'grid-xfl-1',
        requestNo: expect.stringMatching(/^R20261201\d{3}$/),
      })
      const row = await on.service.ctx.db
        .selectFrom('service_requests')
        .select('assignee_staff_id')
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow()
      assignees.push(row.assignee_staff_id!)
    }
    expect(assignees).toEqual(['stf-g2001', 'stf-g2004', 'stf-g2001'])
    const shown = (await submit({ ...base, gridId: 'grid-xfl-2' })).json() as ServiceRequest
    expect(shown.assignee).toEqual({ maskedName: '刘*格', gridId: 'grid-xfl-2' })
  })

  it('calls back on the number of an earlier request of the same resident (contactFrom), never of another', async () => {
    const first = (await submit({ ...base, gridId: 'grid-xfl-1' })).json() as ServiceRequest
    const again = await submit({
      categoryId: 'cat-repair',
      description: 'Still broken',
      gridId: 'grid-xfl-1',
      contactFrom: first.id,
    })
    expect(again.statusCode).toBe(201)
    const row = await on.service.ctx.db
      .selectFrom('service_requests')
      .select('contact_phone')
      .where('id', '=', again.json().id)
      .executeTakeFirstOrThrow()
    expect(row.contact_phone).toBe('13812345678')

    // Someone else's request gives nothing: refused like a bad number, the number never shown.
    const [other] = await residents(on.service, 1, 650)
    const theirs = await submit(
      { categoryId: 'cat-repair', description: 'x', gridId: 'grid-xfl-1', contactFrom: first.id },
      bearer(other!.token),
    )
    expect(theirs.statusCode).toBe(400)
    expect(theirs.json().error.code).toBe('INVALID_PHONE')
    expect(theirs.body).not.toContain('13812345678')
    // Both, or neither: refused before anything is stored.
    expect((await submit({ ...base, gridId: 'grid-xfl-1', contactFrom: first.id })).statusCode).toBe(400)
    expect(
      (await submit({ categoryId: 'cat-repair', description: 'x', gridId: 'grid-xfl-1' })).statusCode,
    ).toBe(400)
  })

  it('finds the grid from the address, else uses the default grid; waits when nobody is on duty', async () => {
    const byAddress = (await submit({ ...base, address: '幸福里小区 6 号楼 1 单元 101 室' })).json()
    expect(byAddress.gridId).toBe('grid-xfl-2')
    const street = (await submit({ ...base, address: '和平巷 12 号门口' })).json()
    expect(street.gridId).toBe('grid-xfl-3')
    const unknown = (await submit({ ...base, address: '不知道在哪里' })).json()
    expect(unknown.gridId).toBe('grid-xfl-1')

    await on.service.ctx.db.updateTable('staff').set({ on_duty: 0 }).where('id', '=', 'stf-g2003').execute()
    try {
      const waiting = (await submit({ ...base, gridId: 'grid-xfl-3' })).json() as ServiceRequest
      expect(waiting).toMatchObject({ status: 'submitted', assignee: null })
      await on.service.ctx.db.updateTable('staff').set({ on_duty: 1 }).where('id', '=', 'stf-g2003').execute()
      expect(
        (await superviseRequests(on.service.ctx.db, on.service.clock)).dispatched,
      ).toBeGreaterThanOrEqual(1)
      expect(await mine(waiting.id)).toMatchObject({
        status: 'dispatched',
        assignee: { gridId: 'grid-xfl-3' },
      })
    } finally {
      await on.service.ctx.db.updateTable('staff').set({ on_duty: 1 }).where('id', '=', 'stf-g2003').execute()
    }
  })

  it('refuses bad input with a clear code and creates nothing', async () => {
    const before = await on.service.ctx.db.selectFrom('service_requests').select('id').execute()
    const cases: Array<[object, string]> = [
      [{ ...base, gridId: 'grid-xfl-1', contactPhone: '12345' }, 'INVALID_PHONE'],
      [{ categoryId: 'cat-repair', description: 'x', contactPhone: '13812345678' }, 'VALIDATION_FAILED'],
      [{ ...base, categoryId: 'cat-none', gridId: 'grid-xfl-1' }, 'VALIDATION_FAILED'],
      [{ ...base, gridId: 'grid-none' }, 'VALIDATION_FAILED'],
      [{ ...base, gridId: 'grid-xfl-1', description: '   ' }, 'VALIDATION_FAILED'],
    ]
    for (const [payload, code] of cases) expect((await submit(payload)).json().error.code).toBe(code)
    expect((await submit({ ...base, gridId: 'grid-xfl-1' }, {})).statusCode).toBe(401)
    expect(await on.service.ctx.db.selectFrom('service_requests').select('id').execute()).toHaveLength(
      before.length,
    )
    // A landline with its area code is a fine contact number.
    expect((await submit({ ...base, gridId: 'grid-xfl-1', contactPhone: '010-6512 3456' })).statusCode).toBe(
      201,
    )
  })

  it('tracks a request through accept, progress, resolve and rating, with who and when', async () => {
    const created = (await submit({ ...base, gridId: 'grid-xfl-2' })).json() as ServiceRequest
    const id = created.id
    // Only the assignee (G2002) may act; others do not even see it.
    expect((await act('G2001', id, 'accept')).statusCode).toBe(404)
    on.service.clock.advance(10 * 60_000)
    const accepted = (await act('G2002', id, 'accept')).json() as StaffServiceRequest
    expect(accepted).toMatchObject({
      status: 'accepted',
      contactPhone: '13812345678',
      residentMaskedName: '居***0',
    })
    expect((await act('G2002', id, 'accept')).json().error.code).toBe('REQUEST_NOT_ACTIVE')
    on.service.clock.advance(20 * 60_000)
    await act('G2002', id, 'progress', { note: 'Bought a new lamp' })
    on.service.clock.advance(20 * 60_000)
    expect((await act('G2002', id, 'resolve', { note: 'Lamp replaced' })).json().status).toBe('resolved')
    // The admin sees it, with the number masked.
    const seen = await on.service.app.inject({
      url: `/api/v1/staff/requests/${id}`,
      headers: bearer(staff.A0001!),
    })
    expect(seen.json().contactPhone).toBe('138****5678')

    const rated = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/rate`,
      headers: bearer(resident),
      payload: { score: 5, comment: 'Quick, thank you' },
    })
    expect(rated.json()).toMatchObject({
      status: 'closed',
      rating: { score: 5, comment: 'Quick, thank you' },
    })
    const view = await mine(id)
    expect(view.timeline.map((t) => [t.event, t.status, t.by.kind])).toEqual([
      ['submitted', 'submitted', 'resident'],
      ['dispatched', 'dispatched', 'system'],
      ['accepted', 'accepted', 'staff'],
      ['progress', 'in-progress', 'staff'],
      ['resolved', 'resolved', 'staff'],
      ['rated', 'closed', 'resident'],
    ])
    expect(view.timeline[2]!.by.maskedName).toBe('刘*格')
    expect(view.timeline[3]!.note).toBe('Bought a new lamp')
    expect(view.firstResponseAt).toBe(view.timeline[2]!.at)
    expect(Date.parse(view.resolvedAt!) - Date.parse(view.createdAt)).toBe(50 * 60_000)
    const again = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/rate`,
      headers: bearer(resident),
      payload: { score: 1 },
    })
    expect(again.json().error.code).toBe('REQUEST_NOT_ACTIVE')
  })

  it('lets the resident reopen a resolved request (back to the same worker) and nobody else touch it', async () => {
    const { id } = (await submit({ ...base, gridId: 'grid-xfl-3' })).json() as ServiceRequest
    await act('G2003', id, 'resolve', { note: 'Done' })
    const [other] = await residents(on.service, 1, 601)
    const theft = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/reopen`,
      headers: bearer(other!.token),
      payload: {},
    })
    expect(theft.statusCode).toBe(404)
    const reopened = await on.service.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/reopen`,
      headers: bearer(resident),
      payload: { reason: 'Still broken' },
    })
    expect(reopened.json()).toMatchObject({
      status: 'dispatched',
      resolvedAt: null,
      assignee: { gridId: 'grid-xfl-3' },
    })
    expect(reopened.json().timeline.at(-1)).toMatchObject({ event: 'reopened', note: 'Still broken' })
    expect((await act('G2003', id, 'accept')).statusCode).toBe(200)
  })

  it('transfers to another grid (its least-loaded worker) or to a named worker; the old assignee loses it', async () => {
    const { id } = (await submit({ ...base, gridId: 'grid-xfl-3' })).json() as ServiceRequest
    const moved = await act('G2003', id, 'transfer', { gridId: 'grid-xfl-2', note: 'Their building' })
    expect(moved.json()).toMatchObject({
      status: 'dispatched',
      gridId: 'grid-xfl-2',
      assigneeStaffId: 'stf-g2002',
    })
    expect(moved.json().contactPhone).toBe('138****5678')
    expect((await act('G2003', id, 'progress', { note: 'x' })).statusCode).toBe(404)
    expect((await act('G2002', id, 'transfer', { staffId: 'stf-g2004' })).json().assigneeStaffId).toBe(
      'stf-g2004',
    )
    expect((await act('G2004', id, 'transfer', { staffId: 'stf-h1001' })).json().error.code).toBe(
      'NO_GRID_WORKER',
    )
    expect(
      (await act('G2004', id, 'transfer', { gridId: 'grid-xfl-1', staffId: 'stf-g2001' })).statusCode,
    ).toBe(400)
    expect((await act('H1001', id, 'accept')).statusCode).toBe(403)
    const list = await on.service.app.inject({ url: '/api/v1/staff/requests', headers: bearer(staff.G2004!) })
    expect((list.json() as StaffServiceRequest[]).map((r) => r.id)).toContain(id)
  })

  it('escalates overdue requests once, under a controllable clock, and lists them for admins', async () => {
    const { id } = (
      await submit({
        ...base,
        categoryId: 'cat-consultation',
        gridId: 'grid-xfl-2',
        description: 'Pension question',
      })
    ).json() as ServiceRequest
    // A day later every session has expired: look at the stored request directly.
    const stored = () => residentRequestView(on.service.ctx.db, residentId, id)
    on.service.clock.advance(23 * 3600_000)
    try {
      const early = await superviseRequests(on.service.ctx.db, on.service.clock)
      expect((await stored()).escalated).toBe(false)
      on.service.clock.advance(2 * 3600_000)
      const due = await superviseRequests(on.service.ctx.db, on.service.clock)
      expect(due.escalated).toBeGreaterThan(early.escalated)
      expect((await superviseRequests(on.service.ctx.db, on.service.clock)).escalated).toBe(0)
      const view = await stored()
      expect(view).toMatchObject({ escalated: true, status: 'dispatched' })
      expect(view.timeline.filter((t) => t.event === 'escalated')).toEqual([
        expect.objectContaining({ by: { kind: 'system', maskedName: null } }),
      ])
      const adminList = await on.service.app.inject({
        url: '/api/v1/staff/requests',
        headers: bearer(await staffToken(on.service, 'A0001')),
      })
      expect((adminList.json() as StaffServiceRequest[]).map((r) => r.id)).toContain(id)
    } finally {
      on.service.clock.set(TEST_NOW)
    }
  })

  it('replays a submission retried with the same Idempotency-Key', async () => {
    const headers = { ...bearer(resident), 'idempotency-key': 'request-key-01' }
    const a = await submit({ ...base, gridId: 'grid-xfl-1' }, headers)
    const b = await submit({ ...base, gridId: 'grid-xfl-1' }, headers)
    expect(b.json().id).toBe(a.json().id)
    expect((await submit({ ...base, gridId: 'grid-xfl-2' }, headers)).json().error.code).toBe(
      'IDEMPOTENCY_CONFLICT',
    )
  })
})
