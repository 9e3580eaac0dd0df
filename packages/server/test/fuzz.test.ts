/** Every route of the contract, fed generated bad input: never a 5xx, always our error body. */
import { contract, ErrorBody, type RouteName } from '@bangban/shared/api'
import fc from 'fast-check'
import {
  bearer,
  engines,
  KIOSK_KEY,
  residents,
  startService,
  testDatabase,
  type TestDatabase,
} from './support/service'

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
    fc.constantFrom('slotId', 'name', 'idNumber', 'phone', 'code', 'extra', '__proto__'),
    fc.oneof(weirdString, fc.integer(), fc.constant(null), fc.boolean()),
  ),
)

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

describe.each(engines)('fuzzing every route on %s', (engine) => {
  let database: TestDatabase
  let service: Awaited<ReturnType<typeof startService>>
  let token: string

  beforeAll(async () => {
    database = testDatabase(engine)
    service = await startService(database)
    token = (await residents(service, 1, 900))[0]!.token
  })
  afterAll(async () => {
    await service.close()
    await database.drop()
  })

  const names = Object.keys(contract) as RouteName[]

  it.each(names)('%s never answers 5xx to bad input', async (name) => {
    const def = contract[name]
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          param: weirdString,
          query: fc.dictionary(fc.constantFrom('serviceId', 'date', 'x', 'slotId'), weirdString),
          body: fc.option(anyJson),
          rawBody: fc.option(fc.constantFrom('{', 'not json', '[]', '{"slotId":', 'null', '"x"')),
          auth: fc.constantFrom('valid', 'none', 'garbage'),
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
          if (input.auth === 'garbage') headers.authorization = input.garbage.replace(/[^\x20-\x7e]/g, '')
          if (input.idem !== null) headers['idempotency-key'] = input.idem.replace(/[^\x20-\x7e]/g, '')
          const hasBody = def.method !== 'GET' && (input.body !== null || input.rawBody !== null)
          if (hasBody) headers['content-type'] = input.contentType
          const res = await service.app.inject({
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
