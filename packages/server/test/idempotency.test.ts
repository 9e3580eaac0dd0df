import { AppError } from '../src/util/errors'
import { newId } from '../src/util/ids'
import { keyedCall, once, rememberResult, residentKeys, type KeyedCall } from '../src/util/idempotency'
import { describeOnEngines } from './support/service'

describeOnEngines('Idempotency-Key, once for every operation', (on) => {
  const db = () => on.service.ctx.db
  let made = 0
  /** Makes a thing the way a route does: in a transaction that records the key with it. */
  const make =
    (call: KeyedCall | undefined, pause = 0) =>
    async () => {
      made++
      return db()
        .transaction()
        .execute(async (trx) => {
          const id = newId('thing')
          if (pause) await new Promise((resolve) => setTimeout(resolve, pause))
          if (call) await rememberResult(trx, residentKeys, call, id, new Date().toISOString())
          return id
        })
    }
  const run = (call: KeyedCall | undefined, pause = 0) =>
    once(db(), residentKeys, call, make(call, pause), async (id) => id)
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'no error',
      (error: unknown) => (error instanceof AppError ? error.code : String(error)),
    )

  beforeEach(() => {
    made = 0
  })

  it('answers a repeated request with what the first one made, without making it again', async () => {
    const call = keyedCall('res-a', 'key-0001', 'createThing', { slotId: 's1' })
    const first = await run(call)
    expect(await run(keyedCall('res-a', 'key-0001', 'createThing', { slotId: 's1' }))).toBe(first)
    expect(made).toBe(1)
  })

  it('refuses the key with another request or for another operation', async () => {
    await run(keyedCall('res-b', 'key-0002', 'createThing', { slotId: 's1' }))
    expect(await codeOf(run(keyedCall('res-b', 'key-0002', 'createThing', { slotId: 's2' })))).toBe(
      'IDEMPOTENCY_CONFLICT',
    )
    expect(await codeOf(run(keyedCall('res-b', 'key-0002', 'createOther', { slotId: 's1' })))).toBe(
      'IDEMPOTENCY_CONFLICT',
    )
  })

  it('keeps each owner’s keys apart', async () => {
    const mine = await run(keyedCall('res-c', 'key-0003', 'createThing', { n: 1 }))
    const theirs = await run(keyedCall('res-d', 'key-0003', 'createThing', { n: 1 }))
    expect(theirs).not.toBe(mine)
  })

  it('gives every racer with the same key the one result', async () => {
    const call = keyedCall('res-e', 'key-0004', 'createThing', { n: 1 })
    const answers = await Promise.all(Array.from({ length: 6 }, () => run(call, 20)))
    expect(new Set(answers).size).toBe(1)
  })

  it('lets a failure stand while the key is unknown', async () => {
    const call = keyedCall('res-f', 'key-0005', 'createThing', { n: 1 })
    const failing = once(
      db(),
      residentKeys,
      call,
      async () => {
        throw new AppError('SLOT_FULL')
      },
      async (id) => id,
    )
    expect(await codeOf(failing)).toBe('SLOT_FULL')
    // …and the key was not used up by it.
    expect(await codeOf(run(call))).toBe('no error')
  })

  it('makes every time without a key', async () => {
    const a = await run(keyedCall('res-g', undefined, 'createThing', {}))
    const b = await run(keyedCall('res-g', undefined, 'createThing', {}))
    expect(a).not.toBe(b)
    expect(made).toBe(2)
  })
})
