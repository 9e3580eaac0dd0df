/**
 * A helper's view of a resident never holds a full ID number or phone number. Proved twice: on
 * paper, by walking the response schema of every route a member of staff or a delegated token
 * can call (the service sends exactly what those schemas allow, nothing more); and in practice,
 * by a helper doing every job on both engines and searching each answer for the numbers.
 */
import {
  contract,
  type Contract,
  MASKED_PATTERN,
  personalNumbers,
  type PersonalNumberMeta,
  type RouteDef,
  type RouteName,
} from '@bangban/core/api'
import { maskIdNumber, maskPhone } from '@bangban/core/domain'
import type { z } from 'zod'
import { residentByIdNumber, residentByPhone } from '../src/auth/residents'
import { createSession } from '../src/auth/sessions'
import { principalsOf } from '../src/http/routing'
import { DEMO_RESIDENT } from '../src/seed/demo'
import {
  bearer,
  engines,
  idNumberFor,
  KIOSK_KEY,
  residents,
  staffToken,
  startService,
  testDatabase,
  type TestDatabase,
} from './support/service'

// ---------------------------------------------------------------------------------------------
// On paper: the response schemas.

/** Who can get an answer from a route. */
type Door = 'public' | 'kiosk' | 'biller' | 'resident' | 'delegated' | 'helper' | 'grid-worker' | 'admin'

/**
 * Every route, classified by hand. A new route fails the test until it is added here, after
 * checking what its answer shows a helper; a route whose callers change fails until this is updated.
 */
const DOORS: Record<RouteName, readonly Door[]> = {
  signInWithIdCard: ['kiosk'],
  requestPhoneCode: ['public'],
  signInWithPhone: ['public'],
  signOut: ['resident'],
  deleteMyAccount: ['resident'],
  me: ['delegated', 'resident'],
  listProviders: ['public'],
  listAvailability: ['public'],
  listSlots: ['public'],
  createAppointment: ['delegated', 'resident'],
  listAppointments: ['delegated', 'resident'],
  cancelAppointment: ['delegated', 'resident'],
  rescheduleAppointment: ['delegated', 'resident'],
  staffSignIn: ['public'],
  staffSignOut: ['admin', 'grid-worker', 'helper'],
  staffMe: ['admin', 'grid-worker', 'helper'],
  listBills: ['delegated', 'helper', 'kiosk', 'resident'],
  createPayment: ['delegated', 'helper', 'kiosk', 'resident'],
  getPayment: ['admin', 'delegated', 'helper', 'kiosk', 'resident'],
  wechatPayNotify: ['public'],
  sandboxConfirmPayment: ['admin', 'helper'],
  listRequestCategories: ['public'],
  createServiceRequest: ['delegated', 'resident'],
  listServiceRequests: ['delegated', 'resident'],
  getServiceRequest: ['delegated', 'resident'],
  rateServiceRequest: ['delegated', 'resident'],
  reopenServiceRequest: ['delegated', 'resident'],
  listStaffRequests: ['admin', 'grid-worker'],
  getStaffRequest: ['admin', 'grid-worker'],
  acceptServiceRequest: ['grid-worker'],
  progressServiceRequest: ['grid-worker'],
  transferServiceRequest: ['admin', 'grid-worker'],
  resolveServiceRequest: ['grid-worker'],
  adminMetrics: ['admin'],
  adminDashboard: ['admin'],
  listGrids: ['public'],
  createConsent: ['admin', 'helper'],
  getConsent: ['admin', 'grid-worker', 'helper', 'resident'],
  approveConsent: ['resident'],
  denyConsent: ['resident'],
  issueDelegatedToken: ['admin', 'helper'],
  revokeConsent: ['admin', 'grid-worker', 'helper', 'resident'],
  listMyConsents: ['resident'],
  myAudit: ['resident'],
  myAuditProof: ['resident'],
  auditHead: ['admin', 'delegated', 'grid-worker', 'helper', 'kiosk', 'resident'],
  adminAudit: ['admin'],
  takeQueueNumber: ['kiosk'],
  cancelQueueNumber: ['kiosk'],
  callNextNumber: ['admin', 'helper'],
  queueStatus: ['public'],
  signInWithWechat: ['public'],
  linkWechat: ['public'],
  wechatSubscribeTemplates: ['public'],
  subscribeWechatMessages: ['resident'],
  createFamilyGrant: ['resident'],
  getFamilyGrant: ['resident'],
  approveFamilyGrant: ['resident'],
  denyFamilyGrant: ['resident'],
  revokeFamilyGrant: ['resident'],
  issueFamilyToken: ['resident'],
  listMyFamilyGrants: ['resident'],
  // The administration area: admins only; a kiosk PC enrols with its one-time code.
  adminListPlaces: ['admin'],
  adminAddPlace: ['admin'],
  adminChangePlace: ['admin'],
  adminListServices: ['admin'],
  adminAddService: ['admin'],
  adminChangeService: ['admin'],
  adminListGrids: ['admin'],
  adminAddGrid: ['admin'],
  adminChangeGrid: ['admin'],
  adminListCategories: ['admin'],
  adminAddCategory: ['admin'],
  adminChangeCategory: ['admin'],
  adminListStaff: ['admin'],
  adminAddStaff: ['admin'],
  adminChangeStaff: ['admin'],
  adminDisableStaff: ['admin'],
  adminResetStaffPassword: ['admin'],
  adminListKiosks: ['admin'],
  adminAddKiosk: ['admin'],
  adminRotateKiosk: ['admin'],
  adminRevokeKiosk: ['admin'],
  adminListBillers: ['admin'],
  adminAddBiller: ['admin'],
  adminRotateBiller: ['admin'],
  adminRevokeBiller: ['admin'],
  enrolKiosk: ['public'],
  adminImport: ['admin'],
  adminListImports: ['admin'],
  adminReconciliation: ['admin'],
  // A biller's system pushes bills and fetches what was paid: no resident's data.
  pushBills: ['biller'],
  billerReconciliation: ['biller'],
  linkMyWechat: ['resident'],
  unlinkMyWechat: ['resident'],
}

const ALL_ROLES = ['helper', 'grid-worker', 'admin'] as const

/** The doors a route opens, as its contract entry says. */
function doorsOf(def: RouteDef): Door[] {
  const principals = principalsOf(def)
  const doors = new Set<Door>(principals.length === 0 ? ['public'] : [])
  if (principals.includes('kiosk')) doors.add('kiosk')
  if (principals.includes('biller')) doors.add('biller')
  if (principals.includes('resident')) {
    doors.add('resident')
    // A delegated token is refused on resident routes without a consent scope.
    if (def.scope) doors.add('delegated')
  }
  if (principals.includes('staff')) for (const role of def.roles ?? ALL_ROLES) doors.add(role)
  return [...doors].sort()
}

const STAFF_OR_DELEGATED: ReadonlySet<Door> = new Set([
  'public',
  'delegated',
  'helper',
  'grid-worker',
  'admin',
])
/** What a helper at the counter can reach: with their own token, with a grant, or with none. */
const HELPER_REACHES: ReadonlySet<Door> = new Set(['public', 'delegated', 'helper'])

const routeNames = Object.keys(contract) as RouteName[]
const routes = routeNames.map((name) => ({ name, def: contract[name] as RouteDef }))
const reachedByStaffOrDelegated = routes.filter(({ def }) =>
  doorsOf(def).some((d) => STAFF_OR_DELEGATED.has(d)),
)
const reachedByHelper = routes.filter(({ def }) => doorsOf(def).some((d) => HELPER_REACHES.has(d)))

/** Words of a field name that say it holds an ID number or a phone number. */
function soundsPersonal(field: string): boolean {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
  if (words.some((w) => ['phone', 'mobile', 'tel', 'telephone', 'contact', 'identity'].includes(w)))
    return true
  return words.some((w, i) => w === 'id' && ['number', 'no', 'card'].includes(words[i + 1] ?? ''))
}

interface Leaf {
  readonly path: string
  readonly field: string
  readonly type: string
  readonly meta: PersonalNumberMeta | undefined
  readonly schema: z.ZodType
}

const LEAF_TYPES = new Set([
  'string',
  'number',
  'bigint',
  'boolean',
  'null',
  'undefined',
  'literal',
  'enum',
  'date',
  'template_literal',
])
const WRAPPERS = new Set(['nullable', 'optional', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'])

/**
 * Every value a schema can hold, with the field it sits in. A kind of schema this walk does not
 * know (unknown, any, custom, transform…) could hold anything: the walk refuses it.
 */
function leavesOf(schema: z.ZodType, path = '', field = '', seen = new Set<z.ZodType>()): Leaf[] {
  const meta = personalNumbers.get(schema)
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def
  if (meta || LEAF_TYPES.has(def.type))
    return [{ path: path || '(root)', field, type: def.type, meta, schema }]
  if (seen.has(schema)) return []
  seen.add(schema)
  const walk = (inner: unknown, at = path, name = field) => leavesOf(inner as z.ZodType, at, name, seen)
  if (WRAPPERS.has(def.type)) return walk(def.innerType)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const out = Object.entries(shape).flatMap(([key, value]) => walk(value, `${path}.${key}`, key))
      return def.catchall ? [...out, ...walk(def.catchall, `${path}.*`, '*')] : out
    }
    case 'array':
      return walk(def.element, `${path}[]`)
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => walk(option))
    case 'intersection':
      return [...walk(def.left), ...walk(def.right)]
    case 'pipe':
      return [...walk(def.in), ...walk(def.out)]
    case 'lazy':
      return walk((def.getter as () => z.ZodType)())
    case 'record':
      return walk(def.valueType, `${path}.*`, '*')
    case 'tuple':
      return [
        ...(def.items as z.ZodType[]).flatMap((item, i) => walk(item, `${path}[${i}]`)),
        ...(def.rest ? walk(def.rest, `${path}[]`) : []),
      ]
    default:
      throw new Error(`${path || '(root)'}: a ${def.type} schema could hold anything; give it a shape`)
  }
}

/** What is wrong with a response schema, as seen by the callers the route lets in. */
function problemsOf(schema: z.ZodType, helperReaches: boolean): string[] {
  return leavesOf(schema).flatMap((leaf) => {
    if (leaf.meta?.shown === 'masked') return []
    if (leaf.meta?.shown === 'full-to-assignee')
      return helperReaches ? [`${leaf.path}: shown in full to some, on a route a helper can call`] : []
    return soundsPersonal(leaf.field) ? [`${leaf.path}: a ${leaf.type} that is not a masked type`] : []
  })
}

const FULL_ID = DEMO_RESIDENT.idNumber
const FULL_MOBILE = '13812345678'

describe('response schemas: identifiers are masked types on every route staff or a grant can call', () => {
  it('has every route classified, as the contract says', () => {
    const unclassified = routeNames.filter((name) => !(name in DOORS))
    expect({ unclassified }).toEqual({ unclassified: [] })
    expect(Object.keys(DOORS).sort()).toEqual([...routeNames].sort())
    for (const { name, def } of routes)
      expect({ name, doors: doorsOf(def) }).toEqual({ name, doors: [...DOORS[name]].sort() })
    expect(reachedByStaffOrDelegated.length).toBeGreaterThan(30)
    expect(reachedByHelper.length).toBeGreaterThan(20)
  })

  it('finds no field that could carry a full ID number or phone number', () => {
    const problems = reachedByStaffOrDelegated.flatMap(({ name, def }) =>
      problemsOf(
        def.response,
        doorsOf(def).some((d) => HELPER_REACHES.has(d)),
      ).map((p) => `${name} ${p}`),
    )
    expect(problems).toEqual([])
  })

  it('catches a plain string identifier, a nested one and a number, and lets masked types pass', async () => {
    const { z } = await import('zod')
    const { MaskedIdNumber, MaskedPhone, AssigneeContactPhone } = await import('@bangban/core/api')
    expect(problemsOf(z.object({ contactPhone: z.string() }), true)).toEqual([
      '.contactPhone: a string that is not a masked type',
    ])
    expect(
      problemsOf(z.array(z.object({ holder: z.object({ idNumber: z.string().nullable() }) })), true),
    ).toEqual(['[].holder.idNumber: a string that is not a masked type'])
    expect(problemsOf(z.object({ mobile: z.number() }), false)).toHaveLength(1)
    expect(() => problemsOf(z.object({ extra: z.unknown() }), true)).toThrow(/could hold anything/)
    expect(
      problemsOf(
        z.object({ maskedIdNumber: MaskedIdNumber.nullable(), phone: MaskedPhone.optional() }),
        true,
      ),
    ).toEqual([])
    expect(problemsOf(z.object({ contactPhone: AssigneeContactPhone }), false)).toEqual([])
    expect(problemsOf(z.object({ contactPhone: AssigneeContactPhone }), true)).toHaveLength(1)
    // Not every field is suspect: staff and account numbers are no one's ID or phone.
    expect(
      problemsOf(z.object({ staffNo: z.string(), accountNo: z.string(), paidNo: z.string() }), true),
    ).toEqual([])
  })

  it('makes a masked type refuse a full number wherever it is sent', () => {
    const masked = reachedByStaffOrDelegated
      .flatMap(({ def }) => leavesOf(def.response))
      .filter((leaf) => leaf.meta?.shown === 'masked')
    expect(masked.map((leaf) => leaf.meta?.kind)).toEqual(expect.arrayContaining(['id-number', 'phone']))
    for (const leaf of masked) {
      for (const full of [FULL_ID, FULL_MOBILE, '010-65123456', idNumberFor(7)])
        expect({ path: leaf.path, full, ok: leaf.schema.safeParse(full).success }).toEqual({
          path: leaf.path,
          full,
          ok: false,
        })
      for (const shown of [maskIdNumber(FULL_ID), maskPhone(FULL_MOBILE), maskPhone('010-65123456'), '****'])
        expect(leaf.schema.safeParse(shown).success).toBe(true)
    }
    expect(MASKED_PATTERN.test(maskIdNumber(FULL_ID))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// In practice: a helper does every job, and no answer holds a number.

type Who = 'helper' | 'delegated' | 'admin' | 'assignee' | 'resident' | 'kiosk'

interface Seen {
  readonly name: RouteName
  readonly who: Who
  readonly status: number
  readonly body: string
}

interface Call {
  readonly params?: Record<string, string>
  readonly query?: Record<string, string>
  readonly body?: object
}

/** Any whole mainland ID number, and any whole mobile number. */
const ANY_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/
const ANY_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/

describe.each(engines)('what a helper is sent, on %s', (engine) => {
  let database: TestDatabase
  let service: Awaited<ReturnType<typeof startService>>
  let demoId: string
  const tokens = {} as Record<Who, string>
  const seen: Seen[] = []
  /** Numbers no helper answer may hold: the demo resident's, other residents', the staff's own. */
  const secrets: string[] = []
  const OTHER_MOBILE = '13700009999'
  const OTHER_CONTACT = '13600001111'

  beforeAll(async () => {
    database = testDatabase(engine)
    service = await startService(database)
    const { db, clock, idPepper } = service.ctx
    const demo = await residentByIdNumber(db, clock, idPepper, DEMO_RESIDENT.name, DEMO_RESIDENT.idNumber)
    demoId = demo.id
    // The resident has a mobile number on file, so the masked form has something to hide.
    await db.updateTable('residents').set({ phone: FULL_MOBILE }).where('id', '=', demo.id).execute()
    tokens.resident = (await createSession(db, clock, demo.id, 'id-card', 3600, null)).token
    tokens.helper = await staffToken(service, 'H1001')
    tokens.admin = await staffToken(service, 'A0001')
    // Other residents with their own requests in the same grid, for the helper not to see.
    const [byCard] = await residents(service, 1, 900)
    const byPhone = await residentByPhone(db, clock, OTHER_MOBILE)
    const phoneSession = await createSession(db, clock, byPhone.id, 'phone', 3600, null)
    for (const [token, contactPhone] of [
      [byCard!.token, OTHER_CONTACT],
      [phoneSession.token, OTHER_MOBILE],
    ] as const) {
      const res = await service.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: bearer(token),
        payload: { categoryId: 'cat-repair', description: '楼道灯坏了', gridId: 'grid-xfl-1', contactPhone },
      })
      expect(res.statusCode).toBe(201)
    }
    const staffPhones = (await db.selectFrom('staff').select('phone').execute()).map((s) => s.phone)
    const id = DEMO_RESIDENT.idNumber
    secrets.push(id, id.slice(6, 14), FULL_MOBILE, idNumberFor(900), OTHER_MOBILE, OTHER_CONTACT)
    secrets.push(...staffPhones.filter((phone): phone is string => Boolean(phone)))
  })
  afterAll(async () => {
    await service.close()
    await database.drop()
  })

  async function call<N extends RouteName>(
    who: Who,
    name: N,
    input: Call = {},
  ): Promise<z.infer<Contract[N]['response']>> {
    const def = contract[name] as RouteDef
    const path = def.path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(input.params![key]!))
    const url = input.query ? `${path}?${new URLSearchParams(input.query).toString()}` : path
    const headers = who === 'kiosk' ? { 'x-kiosk-key': KIOSK_KEY } : bearer(tokens[who])
    const res = await service.app.inject({
      method: def.method,
      url,
      headers,
      ...(input.body ? { payload: input.body } : {}),
    })
    seen.push({ name, who, status: res.statusCode, body: res.body })
    expect({ name, who, status: res.statusCode }).toEqual({ name, who, status: def.status })
    // A 204 has no body: its answer is null, as the contract says (z.null()).
    return (res.body ? res.json() : null) as z.infer<Contract[N]['response']>
  }

  /** The grid worker a request is dispatched to signs in. */
  async function assigneeOf(requestId: string): Promise<void> {
    const request = await call('admin', 'getStaffRequest', { params: { id: requestId } })
    const staffId = request.assigneeStaffId!
    const { staff_no } = await service.ctx.db
      .selectFrom('staff')
      .select('staff_no')
      .where('id', '=', staffId)
      .executeTakeFirstOrThrow()
    tokens.assignee = await staffToken(service, staff_no)
  }

  it('lets the helper do every job, with its own token and with a grant', async () => {
    // With the helper's own token: public lists, the counter queue, bills of an account, cash.
    await call('helper', 'staffMe')
    await call('helper', 'listProviders')
    await call('helper', 'listAvailability', { query: { serviceId: 'svc-general' } })
    const slots = await call('helper', 'listSlots', {
      query: { serviceId: 'svc-general', date: '2026-12-05' },
    })
    await call('helper', 'listRequestCategories')
    await call('helper', 'listGrids')
    await call('helper', 'wechatSubscribeTemplates')
    const givenBack = await call('kiosk', 'takeQueueNumber')
    await call('kiosk', 'cancelQueueNumber', { params: { id: givenBack.id } })
    await call('kiosk', 'takeQueueNumber')
    await call('helper', 'callNextNumber', { body: { windowNo: 2 } })
    await call('helper', 'queueStatus')
    await call('helper', 'listBills', { query: { accountNo: 'W1000001' } })
    const cash = await call('helper', 'createPayment', {
      body: { billIds: ['bill-w1000001-1'], method: 'counter-cash', cashReceivedFen: 100_000 },
    })
    await call('helper', 'getPayment', { params: { id: cash.id } })
    const qr = await call('kiosk', 'createPayment', {
      body: { billIds: ['bill-e2000001-1'], method: 'wechat-native' },
    })
    await call('helper', 'sandboxConfirmPayment', { params: { id: qr.id } })
    await call('helper', 'getPayment', { params: { id: qr.id } })

    // The grant: asked for, approved by the resident, exchanged for a token.
    const consent = await call('helper', 'createConsent', {
      body: { scopes: ['booking', 'payment', 'request'] },
    })
    await call('helper', 'getConsent', { params: { id: consent.id } })
    await call('resident', 'approveConsent', { params: { id: consent.id }, body: { code: consent.code } })
    await call('helper', 'getConsent', { params: { id: consent.id } })
    const issued = await call('helper', 'issueDelegatedToken', { params: { id: consent.id } })
    tokens.delegated = issued.token
    // The masks are there, and are the resident's.
    expect(issued.resident).toMatchObject({
      id: demoId,
      maskedIdNumber: '110***********002X',
      maskedPhone: '138****5678',
    })

    // With the grant: who the resident is, booking, bills and cash, a request followed to the end.
    expect(await call('delegated', 'me')).toMatchObject({ maskedPhone: '138****5678' })
    const booked = await call('delegated', 'createAppointment', { body: { slotId: slots[0]!.id } })
    await call('delegated', 'rescheduleAppointment', {
      params: { id: booked.id },
      body: { slotId: slots[1]!.id },
    })
    await call('delegated', 'listAppointments')
    await call('delegated', 'cancelAppointment', { params: { id: booked.id } })
    await call('delegated', 'listBills')
    const medical = await call('delegated', 'createPayment', {
      body: { billIds: ['bill-med-1'], method: 'counter-cash', cashReceivedFen: 100_000 },
    })
    await call('delegated', 'getPayment', { params: { id: medical.id } })
    // The receipt's last line, printed with the grant's token and at the counter.
    await call('delegated', 'auditHead')
    await call('helper', 'auditHead')
    // The resident gives their mobile as the call-back number, out loud, at the counter.
    const request = await call('delegated', 'createServiceRequest', {
      body: {
        categoryId: 'cat-repair',
        description: '水龙头漏水',
        gridId: 'grid-xfl-1',
        contactPhone: FULL_MOBILE,
      },
    })
    const params = { id: request.id }
    await assigneeOf(request.id)
    await call('assignee', 'acceptServiceRequest', { params })
    await call('assignee', 'resolveServiceRequest', { params, body: { note: '已更换水龙头' } })
    await call('delegated', 'reopenServiceRequest', { params, body: { reason: '还在漏' } })
    await assigneeOf(request.id)
    await call('assignee', 'acceptServiceRequest', { params })
    await call('assignee', 'resolveServiceRequest', { params, body: { note: '已更换阀门' } })
    await call('delegated', 'rateServiceRequest', { params, body: { score: 5 } })
    await call('delegated', 'listServiceRequests')
    await call('delegated', 'getServiceRequest', { params })
    await call('helper', 'revokeConsent', { params: { id: consent.id } })

    // Every GET route the helper can reach was answered, with its own token or the grant's.
    const answered = new Set(
      seen.filter((s) => (s.who === 'helper' || s.who === 'delegated') && s.status < 300).map((s) => s.name),
    )
    const gets = reachedByHelper.filter(({ def }) => def.method === 'GET').map(({ name }) => name)
    expect(gets.filter((name) => !answered.has(name))).toEqual([])
  })

  it('sends the helper no whole ID number or phone number, theirs or anyone else’s', () => {
    const helperSeen = seen.filter((s) => s.who === 'helper' || s.who === 'delegated')
    expect(helperSeen.length).toBeGreaterThan(30)
    for (const { name, who, body } of helperSeen) {
      const leaked = secrets.filter((secret) => body.includes(secret))
      expect({ name, who, leaked, anyId: ANY_ID.test(body), anyMobile: ANY_MOBILE.test(body) }).toEqual({
        name,
        who,
        leaked: [],
        anyId: false,
        anyMobile: false,
      })
    }
  })

  it('shows admins the same masks; only the assigned grid worker gets the number to ring', async () => {
    const requests = await call('admin', 'listStaffRequests', { query: { scope: 'all' } })
    expect(requests.length).toBeGreaterThanOrEqual(3)
    await call('admin', 'adminMetrics')
    await call('admin', 'adminDashboard')
    await call('admin', 'adminAudit', { query: { residentId: demoId } })
    const mine = requests.find((r) => r.description === '水龙头漏水')!
    expect(await call('admin', 'getStaffRequest', { params: { id: mine.id } })).toMatchObject({
      contactPhone: '138****5678',
    })
    for (const { name, body } of seen.filter((s) => s.who === 'admin'))
      expect({ name, leaked: secrets.filter((s) => body.includes(s)), anyId: ANY_ID.test(body) }).toEqual({
        name,
        leaked: [],
        anyId: false,
      })
    // The one exception, and why it is typed apart: the worker who must ring back sees the number.
    expect(await call('assignee', 'getStaffRequest', { params: { id: mine.id } })).toMatchObject({
      contactPhone: FULL_MOBILE,
    })
    for (const { body } of seen.filter((s) => s.who === 'assignee')) expect(ANY_ID.test(body)).toBe(false)
  })

  it('refuses to send a resident whose stored mask is a whole number (the contract checks each answer)', async () => {
    const { db } = service.ctx
    const [byCard] = await residents(service, 1, 901)
    const full = idNumberFor(901)
    // A bug, or a bad import, puts the whole number where the mask belongs.
    await db.updateTable('residents').set({ id_number_masked: full }).where('id', '=', byCard!.id).execute()
    const res = await service.app.inject({ url: '/api/v1/me', headers: bearer(byCard!.token) })
    expect(res.statusCode).toBe(500)
    expect(res.json().error.code).toBe('INTERNAL')
    expect(res.body).not.toContain(full)
    await db
      .updateTable('residents')
      .set({ id_number_masked: maskIdNumber(full) })
      .where('id', '=', byCard!.id)
      .execute()
    expect((await service.app.inject({ url: '/api/v1/me', headers: bearer(byCard!.token) })).statusCode).toBe(
      200,
    )
  })
})
