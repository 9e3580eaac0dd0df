/** The ID card reader adapter against the simulated local reader service. */
import { httpIdCardReader, type Timers } from '../../electron/devices/idCard/httpReader'
import { startFakeReader, type FakeReader } from '../../electron/devices/idCard/fakeReaderService'
import { parseReaderAnswer } from '../../electron/devices/idCard/readerResponse'
import type { BridgeIdCard } from '@bangban/shared/platform/KioskBridge'

const CARD = {
  name: '王小明',
  idNumber: '11010519491231002x',
  sex: '男',
  nation: '汉',
  address: '北京市朝阳区幸福里 1 号',
  validFrom: '20150601',
  validUntil: '长期',
  photo: 'Qk02AAAAAAAAADYAAAAoAAAAAQAAAAEAAAABABgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
}

/** Timers the test steps by hand: each `tick()` runs one poll and waits until it has finished. */
function manualTimers(): Timers & { tick(): Promise<void>; settled(): Promise<void> } {
  let next: (() => void) | null = null
  let scheduled: (() => void) | null = null
  // The reader schedules its next poll only once the current one is done.
  const settled = () =>
    next
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          scheduled = resolve
        })
  return {
    setTimeout: (run) => {
      next = run
      scheduled?.()
      scheduled = null
    },
    clearTimeout: () => (next = null),
    settled,
    async tick() {
      const run = next
      next = null
      run?.()
      await settled()
    },
  }
}

describe('the HTTP ID card reader', () => {
  let service: FakeReader
  beforeEach(async () => {
    service = await startFakeReader()
  })
  afterEach(async () => {
    await service.close()
  })

  async function started() {
    const cards: BridgeIdCard[] = []
    const log = jest.fn()
    const timers = manualTimers()
    const reader = httpIdCardReader({ url: service.url, pollIntervalMs: 500 }, log, fetch, timers)
    reader.start((card) => cards.push(card))
    await timers.settled()
    return { reader, cards, log, timers }
  }

  it('reports a card placed on the reader once, with name, number and validity only', async () => {
    const { reader, cards, timers } = await started()
    expect(cards).toEqual([])
    service.place(CARD)
    await timers.tick()
    await timers.tick()
    await timers.tick()
    expect(cards).toEqual([{ name: '王小明', idNumber: '11010519491231002X', validUntil: null }])
    expect(JSON.stringify(cards)).not.toContain(CARD.photo)
    // taken off and placed again: a new reading
    service.place(null)
    await timers.tick()
    service.place({ ...CARD, validUntil: '2035.06.01' })
    await timers.tick()
    expect(cards).toHaveLength(2)
    expect(cards[1]!.validUntil).toBe('2035-06-01')
    reader.stop()
    expect(service.polls).toBeGreaterThanOrEqual(6)
  })

  it('tells placements apart by the service read id even without a no-card answer between', async () => {
    const { reader, cards, timers } = await started()
    service.place(CARD)
    await timers.tick()
    service.place({ ...CARD, name: '李四', idNumber: '110105195001010012' })
    await timers.tick()
    expect(cards.map((c) => c.name)).toEqual(['王小明', '李四'])
    reader.stop()
  })

  it('drops a misread number, and logs reader trouble once, without the number', async () => {
    const { reader, cards, log, timers } = await started()
    service.place({ ...CARD, idNumber: '110105194912310022' })
    await timers.tick()
    expect(cards).toEqual([])
    service.fail('NO_DEVICE')
    await timers.tick()
    await timers.tick()
    expect(log.mock.calls).toEqual([
      ['id-card-reader-error', { code: 'BAD_NUMBER' }],
      ['id-card-reader-error', { code: 'NO_DEVICE' }],
    ])
    expect(JSON.stringify(log.mock.calls)).not.toContain('1101051949')
    reader.stop()
  })

  it('keeps polling when the service is down, and stops when told', async () => {
    const log = jest.fn()
    const timers = manualTimers()
    const reader = httpIdCardReader(
      { url: 'http://127.0.0.1:1/readcard', pollIntervalMs: 500 },
      log,
      fetch,
      timers,
    )
    reader.start(() => undefined)
    await timers.settled()
    expect(log).toHaveBeenCalledWith('id-card-reader-error', { code: 'UNREACHABLE' })
    reader.stop()
    await Promise.race([timers.tick(), new Promise((resolve) => setTimeout(resolve, 200))])
    expect(log).toHaveBeenCalledTimes(1)
  })
})

describe('parsing reader answers', () => {
  it.each([
    [{ result: 'no-card' }, { kind: 'no-card' }],
    [{ result: 'error' }, { kind: 'error', code: 'READER_ERROR' }],
    [
      { result: 'card', name: '', idNumber: '11010519491231002X', validUntil: '长期' },
      { kind: 'error', code: 'BAD_ANSWER' },
    ],
    [
      { result: 'card', name: 'x', idNumber: '11010519491231002X', validUntil: '2035/06/01' },
      { kind: 'error', code: 'BAD_ANSWER' },
    ],
    ['<html>', { kind: 'error', code: 'BAD_ANSWER' }],
    [null, { kind: 'error', code: 'BAD_ANSWER' }],
  ])('%j → %j', (json, expected) => {
    expect(parseReaderAnswer(json)).toEqual(expected)
  })

  it('reads the dates in the forms reader services use', () => {
    for (const [raw, date] of [
      ['20350601', '2035-06-01'],
      ['2035-06-01', '2035-06-01'],
      ['2035.06.01', '2035-06-01'],
      ['long-term', null],
    ] as const) {
      const answer = parseReaderAnswer({
        result: 'card',
        name: 'x',
        idNumber: '11010519491231002X',
        validUntil: raw,
      })
      expect(answer).toMatchObject({ kind: 'card', card: { validUntil: date } })
    }
  })
})
