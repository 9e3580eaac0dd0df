/**
 * The administration area over HTTP, on both engines: an administrator builds a district's
 * reference data (a place and a service residents can book, a grid with its buildings and a grid
 * worker that requests are dispatched to, a request category), manages staff and kiosks, and every
 * change is audited; refusals are plain translated errors that change nothing; helpers are refused.
 */
import { verifyChain } from '../src/audit/log'
import { bearer, describeOnEngines, residents, staffToken } from './support/service'

describeOnEngines('administration area', (on) => {
  let admin: string
  let helper: string
  beforeAll(async () => {
    admin = await staffToken(on.service, 'A0001')
    helper = await staffToken(on.service, 'H1001')
  })
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token = admin) =>
    on.service.app.inject({
      method,
      url,
      headers: { ...bearer(token), 'accept-language': 'zh-CN' },
      ...(payload ? { payload } : {}),
    })
  const audit = (action: string) =>
    on.service.ctx.db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'target'])
      .where('action', '=', action)
      .execute()

  it('adds a place and a service that residents can then book', async () => {
    const place = await call('POST', '/api/v1/admin/places', {
      id: 'prv-hpl-clinic',
      name: '和平里社区卫生服务站',
      kind: 'clinic',
      address: '和平里 5 号',
      sortOrder: 3,
    })
    expect(place.statusCode).toBe(201)
    expect(place.json()).toMatchObject({ id: 'prv-hpl-clinic', active: true })
    const service = await call('POST', '/api/v1/admin/services', {
      id: 'svc-hpl-general',
      providerId: 'prv-hpl-clinic',
      name: '全科',
      kind: 'department',
      ticketPrefix: 'h',
      slotTimes: ['09:00-09:30', '08:30-09:00'],
      openWeekdays: [1, 2, 3, 4, 5],
      capacityPerSlot: 3,
      daysAhead: 7,
    })
    expect(service.statusCode).toBe(201)
    expect(service.json()).toMatchObject({ ticketPrefix: 'H', slotTimes: ['08:30-09:00', '09:00-09:30'] })
    const providers = (await call('GET', '/api/v1/providers')).json() as Array<{ id: string }>
    expect(providers.map((p) => p.id)).toContain('prv-hpl-clinic')
    // 2026-12-02 is a Wednesday: two slots of three places.
    const slots = (await call('GET', '/api/v1/slots?serviceId=svc-hpl-general&date=2026-12-02')).json()
    expect(slots).toHaveLength(2)
    const [resident] = await residents(on.service, 1, 700)
    const booked = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: bearer(resident!.token),
      payload: { slotId: slots[0].id },
    })
    expect(booked.statusCode).toBe(201)
    expect(booked.json().ticketNo).toMatch(/^H/)
    expect(await audit('service.added')).toEqual([
      { actor_kind: 'staff', actor_id: 'stf-a0001', target: 'svc-hpl-general' },
    ])
  })

  it('retires a service and a place: residents are no longer offered them', async () => {
    const changed = await call('PUT', '/api/v1/admin/services/svc-hpl-general', {
      providerId: 'prv-hpl-clinic',
      name: '全科',
      kind: 'department',
      ticketPrefix: 'H',
      slotTimes: ['08:30-09:00'],
      openWeekdays: [1],
      capacityPerSlot: 3,
      daysAhead: 7,
      active: false,
    })
    expect(changed.json()).toMatchObject({ active: false })
    expect((await call('GET', '/api/v1/slots?serviceId=svc-hpl-general&date=2026-12-02')).statusCode).toBe(
      404,
    )
    await call('PUT', '/api/v1/admin/places/prv-hpl-clinic', {
      name: '和平里社区卫生服务站',
      kind: 'clinic',
      address: '和平里 5 号',
      active: false,
    })
    const providers = (await call('GET', '/api/v1/providers')).json() as Array<{ id: string }>
    expect(providers.map((p) => p.id)).not.toContain('prv-hpl-clinic')
    const all = (await call('GET', '/api/v1/admin/places')).json() as Array<{ id: string; active: boolean }>
    expect(all.find((p) => p.id === 'prv-hpl-clinic')).toMatchObject({ active: false })
  })

  it('adds a grid with its buildings and a grid worker: a request from there goes to them', async () => {
    const grid = await call('POST', '/api/v1/admin/grids', {
      id: 'grid-hpl-1',
      name: '和平里第一网格',
      community: '和平里社区',
      area: '和平里小区 1–4 号楼',
      addresses: ['和平里小区1号楼', '和平里小区 2 号楼'],
    })
    expect(grid.statusCode).toBe(201)
    // One address belongs to one grid.
    const clash = await call('POST', '/api/v1/admin/grids', {
      id: 'grid-hpl-2',
      name: '和平里第二网格',
      community: '和平里社区',
      area: '和平里小区',
      addresses: ['和平里小区 1 号楼'],
    })
    expect(clash.statusCode).toBe(409)
    expect(clash.json().error).toMatchObject({
      code: 'ADMIN_CONFLICT',
      message: '地址“和平里小区 1 号楼”已属于网格 grid-hpl-1，一个地址只能属于一个网格。',
    })
    const worker = await call('POST', '/api/v1/admin/staff', {
      staffNo: 'g3001',
      name: '钱网格',
      roles: ['grid-worker'],
      gridId: 'grid-hpl-1',
      phone: '13900003001',
      password: 'grid-worker-pass-1',
    })
    expect(worker.statusCode).toBe(201)
    expect(worker.json()).toMatchObject({ staffNo: 'G3001', maskedPhone: '139****3001', disabled: false })
    expect(JSON.stringify(worker.json())).not.toContain('13900003001')
    const [resident] = await residents(on.service, 1, 701)
    const request = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: bearer(resident!.token),
      payload: {
        categoryId: 'cat-repair',
        description: '楼道灯坏了',
        address: '和平里小区2号楼3单元',
        contactPhone: '13800001111',
      },
    })
    expect(request.statusCode).toBe(201)
    const row = await on.service.ctx.db
      .selectFrom('service_requests')
      .select(['grid_id', 'assignee_staff_id'])
      .where('id', '=', request.json().id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ grid_id: 'grid-hpl-1', assignee_staff_id: worker.json().id })
    const grids = (await call('GET', '/api/v1/admin/grids')).json() as Array<{ id: string; workers: number }>
    expect(grids.find((g) => g.id === 'grid-hpl-1')).toMatchObject({ workers: 1 })
  })

  it('adds and retires a request category', async () => {
    const added = await call('POST', '/api/v1/admin/request-categories', {
      id: 'cat-elevator',
      name: '电梯故障',
      kind: 'repair',
      timeLimitHours: 12,
    })
    expect(added.statusCode).toBe(201)
    const names = async () =>
      ((await call('GET', '/api/v1/request-categories')).json() as Array<{ id: string }>).map((c) => c.id)
    expect(await names()).toContain('cat-elevator')
    await call('PUT', '/api/v1/admin/request-categories/cat-elevator', {
      name: '电梯故障',
      kind: 'repair',
      timeLimitHours: 12,
      active: false,
    })
    expect(await names()).not.toContain('cat-elevator')
  })

  it('refuses wrong entries in plain words, changing nothing', async () => {
    const before = (await verifyChain(on.service.ctx.db)).entries
    const noGrid = await call('POST', '/api/v1/admin/staff', {
      staffNo: 'G3002',
      name: '孙网格',
      roles: ['grid-worker'],
      password: 'grid-worker-pass-2',
    })
    expect(noGrid.statusCode).toBe(400)
    expect(noGrid.json().error.details).toEqual([{ where: 'body.gridId', problem: 'custom' }])
    const taken = await call('POST', '/api/v1/admin/staff', {
      staffNo: 'H1001',
      name: '重复',
      roles: ['helper'],
      password: 'long-enough-pass',
    })
    expect(taken.json().error).toMatchObject({
      code: 'ADMIN_CONFLICT',
      message: '编号 H1001 已经有人用了，请换一个。',
    })
    const english = await on.service.app.inject({
      method: 'POST',
      url: '/api/v1/admin/staff',
      headers: { ...bearer(admin), 'accept-language': 'en' },
      payload: {
        staffNo: 'G3003',
        name: 'x',
        roles: ['grid-worker'],
        gridId: 'grid-none',
        password: 'long-enough-pass',
      },
    })
    expect(english.json().error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no grid with the id grid-none.',
    })
    const invisible = await call('POST', '/api/v1/admin/places', {
      id: 'prv-x',
      name: '假\u202e名',
      kind: 'clinic',
      address: 'x',
    })
    expect(invisible.statusCode).toBe(400)
    const badSlot = await call('POST', '/api/v1/admin/services', {
      id: 'svc-x',
      providerId: 'prv-xfl-health',
      name: 'x',
      kind: 'department',
      ticketPrefix: 'X',
      slotTimes: ['09:30-09:00'],
      openWeekdays: [1],
      capacityPerSlot: 1,
      daysAhead: 1,
    })
    expect(badSlot.json().error.details).toEqual([{ where: 'body.slotTimes.0', problem: 'custom' }])
    expect((await verifyChain(on.service.ctx.db)).entries).toBe(before)
  })

  it('disables a helper at once, resets the password, and never locks out the last administrator', async () => {
    const own = await call('POST', '/api/v1/admin/staff/A0001/disable')
    expect(own.json().error).toMatchObject({ code: 'ADMIN_CONFLICT', details: { problem: 'ownAccount' } })
    const disabled = await call('POST', '/api/v1/admin/staff/H1002/disable')
    expect(disabled.statusCode).toBe(200)
    expect(disabled.json().staff).toMatchObject({ staffNo: 'H1002', disabled: true, onDuty: false })
    const again = await call('POST', '/api/v1/admin/staff/H1002/disable')
    expect(again.json().error.message).toBe('H1002 已经停用了。')
    const reset = await call('POST', '/api/v1/admin/staff/H1002/password', { password: 'fresh-password-1' })
    expect(reset.json().staff).toMatchObject({ disabled: false, onDuty: true })
    // A second admin may not take the first admin's role away while they are the only one.
    const demote = await call('PUT', '/api/v1/admin/staff/A0001', { name: '赵站长', roles: ['helper'] })
    expect(demote.json().error).toMatchObject({ details: { problem: 'ownAccount' } })
    expect(await audit('staff.disabled')).toEqual([
      { actor_kind: 'staff', actor_id: 'stf-a0001', target: 'H1002' },
    ])
  })

  it('registers a kiosk by enrolment code and rotates it with an overlap', async () => {
    const added = await call('POST', '/api/v1/admin/kiosks', { id: 'kiosk-hpl-1', name: '和平里 1 号机' })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({
      kiosk: { state: 'pending' },
      enrolCode: expect.stringMatching(/^\w{4}-\w{4}-\w{4}$/),
    })
    const enrol = (code: string) =>
      on.service.app.inject({ method: 'POST', url: '/api/v1/kiosk-enrolment', payload: { code } })
    const first = (await enrol(added.json().enrolCode)).json().key as string
    const signIn = (key: string) =>
      on.service.app.inject({
        method: 'POST',
        url: '/api/v1/queue/tickets',
        headers: { 'x-kiosk-key': key },
      })
    expect((await signIn(first)).statusCode).toBe(201)
    const rotated = await call('POST', '/api/v1/admin/kiosks/kiosk-hpl-1/rotate', { overlapHours: 24 })
    expect(rotated.json().kiosk.state).toBe('active')
    // Until the code is used the old key works; after, both for a day.
    expect((await signIn(first)).statusCode).toBe(201)
    const second = (await enrol(rotated.json().enrolCode)).json().key as string
    expect((await signIn(first)).statusCode).toBe(201)
    expect((await signIn(second)).statusCode).toBe(201)
    const listed = (await call('GET', '/api/v1/admin/kiosks')).json() as Array<{ id: string; state: string }>
    expect(listed.find((k) => k.id === 'kiosk-hpl-1')).toMatchObject({ state: 'rotating' })
    const revoked = await call('POST', '/api/v1/admin/kiosks/kiosk-hpl-1/revoke')
    expect(revoked.json().kiosk.state).toBe('revoked')
    expect((await signIn(first)).statusCode).toBe(401)
    expect((await signIn(second)).statusCode).toBe(401)
  })

  it('lets only administrators in', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/admin/staff'],
      ['GET', '/api/v1/admin/places'],
      ['POST', '/api/v1/admin/kiosks'],
    ] as const) {
      const res = await call(method, url, method === 'POST' ? { id: 'k', name: 'k' } : undefined, helper)
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 })
    }
    const { problem } = await verifyChain(on.service.ctx.db)
    expect(problem).toBeNull()
  })
})
