/** Every route of the contract, fed generated bad input: never a 5xx, always our error body. */
import { contract, ErrorBody, type RouteName } from '@bangban/core/api'
import fc from 'fast-check'
import type { Service } from '../src/service'
import {
  bearer,
  describeOnEngines,
  KIOSK_KEY,
  residents,
  staffToken,
  type TestDatabase,
} from './support/service'
import { startWechatService, wechatSetup, type WechatSetup } from './support/wechat'

const hugeString = fc.string({ minLength: 5000, maxLength: 20000 })
const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  hugeString,
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', "' OR 1=1 --", '%00', '😀', 'NaN'),
)
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'slotId',
      'name',
      'idNumber',
      'phone',
      'code',
      'extra',
      '__proto__',
      'billIds',
      'method',
      'payerOpenid',
      'cashReceivedFen',
      'categoryId',
      'description',
      'gridId',
      'address',
      'contactPhone',
      'score',
      'note',
      'staffId',
      'staffNo',
      'password',
    ),
    fc.oneof(
      weirdString,
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.boolean(),
      fc.array(weirdString, { maxLength: 30 }),
      fc.constantFrom(
        'wechat-native',
        'wechat-jsapi',
        'counter-cash',
        'cat-repair',
        'grid-xfl-1',
        'bill-w1000001-1',
      ),
    ),
  ),
)

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

describeOnEngines('fuzzing every route', (on) => {
  let token: string
  let staff: string

  beforeAll(async () => {
    token = (await residents(on.service, 1, 900))[0]!.token
    // A0001 is admin and helper: the staff routes it may call are fuzzed past their role check.
    staff = await staffToken(on.service, 'A0001')
  })

  const names = Object.keys(contract) as RouteName[]

  it.each(names)('%s never answers 5xx to bad input', async (name) => {
    const def = contract[name]
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          param: weirdString,
          query: fc.dictionary(
            fc.constantFrom('serviceId', 'date', 'x', 'slotId', 'accountNo', 'scope', 'from', 'to'),
            weirdString,
          ),
          body: fc.option(anyJson),
          rawBody: fc.option(fc.constantFrom('{', 'not json', '[]', '{"slotId":', 'null', '"x"')),
          auth: fc.constantFrom('valid', 'staff', 'none', 'garbage'),
          garbage: weirdString,
          kioskKey: fc.oneof(fc.constant(KIOSK_KEY), weirdString),
          idem: fc.option(weirdString),
          contentType: fc.constantFrom(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=latin1',
          ),
        }),
        async (input) => {
          const path = def.path.replace(/:([A-Za-z]+)/g, () => encodeURIComponent(input.param))
          const query = new URLSearchParams(input.query).toString()
          const headers: Record<string, string> = {
            'x-kiosk-key': input.kioskKey.replace(/[^\x20-\x7e]/g, ''),
          }
          if (input.auth === 'valid') Object.assign(headers, bearer(token))
          if (input.auth === 'staff') Object.assign(headers, bearer(staff))
          if (input.auth === 'garbage') headers.authorization = input.garbage.replace(/[^\x20-\x7e]/g, '')
          if (input.idem !== null) headers['idempotency-key'] = input.idem.replace(/[^\x20-\x7e]/g, '')
          const hasBody = def.method !== 'GET' && (input.body !== null || input.rawBody !== null)
          if (hasBody) headers['content-type'] = input.contentType
          const res = await on.service.app.inject({
            method: def.method,
            url: `${path}${query ? `?${query}` : ''}`,
            headers,
            ...(hasBody ? { payload: input.rawBody ?? JSON.stringify(input.body) } : {}),
          })
          const wellFormed = res.statusCode < 400 || ErrorBody.safeParse(safeJson(res.body)).success
          if (res.statusCode >= 500 || !wellFormed)
            throw new Error(`${def.method} ${def.path} → ${res.statusCode} ${res.body.slice(0, 300)}`)
        },
      ),
      { numRuns: 40 },
    )
  })
})

/** WeChat Pay's callback answers in WeChat's own format: fuzz it with WeChat Pay configured. */
type WechatStarted = Service & { setup: WechatSetup }
const wechat = {
  start: async (database: TestDatabase): Promise<WechatStarted> => {
    const setup = await wechatSetup(database)
    return Object.assign(await startWechatService(database, setup), { setup })
  },
  stop: (first: WechatStarted) => first.setup.close(),
}

describeOnEngines('fuzzing the WeChat Pay callback', wechat, (on) => {
  it('never answers 5xx and never changes anything for bad callbacks', async () => {
    const header = fc.oneof(
      weirdString,
      fc.constantFrom('1764547200', 'PUB_KEY_ID_0119000001092026120100000000000001'),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          body: fc.oneof(
            weirdString,
            anyJson.map((v) => JSON.stringify(v)),
          ),
          timestamp: header,
          nonce: header,
          signature: header,
          serial: header,
          contentType: fc.constantFrom('application/json', 'text/plain', 'application/xml'),
        }),
        async (input) => {
          const clean = (v: string) => v.replace(/[^\x20-\x7e]/g, '')
          const res = await on.service.app.inject({
            method: 'POST',
            url: '/api/v1/payments/wechat/notify',
            headers: {
              'content-type': input.contentType,
              'wechatpay-timestamp': clean(input.timestamp),
              'wechatpay-nonce': clean(input.nonce),
              'wechatpay-signature': clean(input.signature),
              'wechatpay-serial': clean(input.serial),
            },
            payload: input.body,
          })
          const body = safeJson(res.body) as { code?: unknown }
          const wellFormed = ErrorBody.safeParse(body).success || body?.code === 'FAIL'
          if (res.statusCode >= 500 || res.statusCode < 400 || !wellFormed)
            throw new Error(`notify → ${res.statusCode} ${res.body.slice(0, 300)}`)
        },
      ),
      { numRuns: 80 },
    )
    expect(
      await on.service.ctx.db.selectFrom('payment_events').select('id').where('kind', '=', 'paid').execute(),
    ).toEqual([])
  })
})
