/** 取号 for a visit: one number per visit, whatever is pressed, and nothing of it after the visit ends. */
import type { ApiClient } from '@bangban/core/api/client'
import { ApiError } from '@bangban/core/api/errors'
import type { QueueTicket } from '@bangban/core/api/queue'
import { takeNumberOnce } from '../src/queue/takeNumber'
import { createAppStore } from '../src/state/appStore'

function ticket(n: number): QueueTicket {
  return {
    id: `qt-${n}`,
    ticketNo: `H${String(n).padStart(3, '0')}`,
    waitingAhead: n - 1,
    takenAt: '2026-11-30T02:00:00.000Z',
  }
}

/** A service that answers each take when the test says so, numbering them in order. */
function fakeService() {
  const pending: Array<{ resolve: (t: QueueTicket) => void; reject: (e: Error) => void }> = []
  let taken = 0
  const api = {
    call: (name: string) => {
      if (name !== 'takeQueueNumber') throw new Error(`unexpected ${name}`)
      return new Promise<QueueTicket>((resolve, reject) => pending.push({ resolve, reject }))
    },
  } as unknown as ApiClient
  return {
    api,
    calls: () => pending.length,
    /** Answers request `i` (default: the latest) with the next number. */
    answer: (i = pending.length - 1) => pending[i]!.resolve(ticket(++taken)),
    fail: () => pending[pending.length - 1]!.reject(new ApiError('NETWORK', 0, 'offline')),
  }
}

describe('taking a number for the visit', () => {
  it('takes one number, and a later press shows the same one', async () => {
    const store = createAppStore()
    const service = fakeService()
    const first = takeNumberOnce(service.api, store)
    service.answer()
    await expect(first).resolves.toEqual({ ticket: ticket(1), fresh: true })
    expect(store.get().queue).toEqual({ status: 'taken', ticket: ticket(1) })
    await expect(takeNumberOnce(service.api, store)).resolves.toEqual({ ticket: ticket(1), fresh: false })
    expect(service.calls()).toBe(1)
  })

  it('a second press while the first is on its way waits for that number instead of taking another', async () => {
    const store = createAppStore()
    const service = fakeService()
    const first = takeNumberOnce(service.api, store)
    const second = takeNumberOnce(service.api, store)
    expect(store.get().queue).toEqual({ status: 'taking' })
    service.answer()
    await expect(first).resolves.toMatchObject({ ticket: ticket(1), fresh: true })
    await expect(second).resolves.toMatchObject({ ticket: ticket(1), fresh: false })
    expect(service.calls()).toBe(1)
  })

  it('forgets the number when the visit ends, and the next visit takes its own', async () => {
    const store = createAppStore()
    const service = fakeService()
    const first = takeNumberOnce(service.api, store)
    service.answer()
    await first
    store.reset()
    expect(store.get().queue).toBeNull()
    const next = takeNumberOnce(service.api, store)
    service.answer()
    await expect(next).resolves.toEqual({ ticket: ticket(2), fresh: true })
  })

  it('a number arriving after the visit ended is not given to the next person', async () => {
    const store = createAppStore()
    const service = fakeService()
    const late = takeNumberOnce(service.api, store)
    const waitingPress = takeNumberOnce(service.api, store)
    store.reset()
    const nextVisit = takeNumberOnce(service.api, store)
    expect(service.calls()).toBe(2)
    service.answer(0) // the ended visit's request answers now
    await expect(late).resolves.toBeNull()
    await expect(waitingPress).resolves.toBeNull()
    expect(store.get().queue).toEqual({ status: 'taking' })
    service.answer(1)
    await expect(nextVisit).resolves.toEqual({ ticket: ticket(2), fresh: true })
    expect(store.get().queue).toEqual({ status: 'taken', ticket: ticket(2) })
  })

  it('a failed take leaves no number, so pressing again tries again', async () => {
    const store = createAppStore()
    const service = fakeService()
    const first = takeNumberOnce(service.api, store)
    service.fail()
    await expect(first).rejects.toMatchObject({ code: 'NETWORK' })
    expect(store.get().queue).toBeNull()
    const again = takeNumberOnce(service.api, store)
    service.answer()
    await expect(again).resolves.toMatchObject({ fresh: true })
    expect(service.calls()).toBe(2)
  })
})
