/** The call display's rules: which calls are news, once each, in call order, and when they leave the screen. */
import type { QueueCall, QueueStatus } from '@bangban/core/api/queue'
import {
  callKey,
  dismiss,
  emptyBoard,
  expire,
  isOwnCall,
  MAX_SHOWN,
  observe,
  pause,
  SHOW_MS,
} from '../src/queue/callBoard'
import { createBoardStore, createCallWatcher } from '../src/queue/callWatcher'

const T0 = Date.parse('2026-11-30T02:00:00Z')

function call(ticketNo: string, windowNo: number, atSeconds: number): QueueCall {
  return { ticketNo, windowNo, calledAt: new Date(T0 + atSeconds * 1000).toISOString() }
}

/** As the service lists them: newest first. */
function status(calls: QueueCall[], waiting = 0): QueueStatus {
  return { waiting, calls: [...calls].sort((a, b) => Date.parse(b.calledAt) - Date.parse(a.calledAt)) }
}

function shownTickets(board: { shown: readonly { call: QueueCall }[] }): string[] {
  return board.shown.map((s) => s.call.ticketNo)
}

describe('call board', () => {
  it('knows the call for the number this visit took, and only that one', () => {
    expect(isOwnCall(call('H001', 2, 0), 'H001')).toBe(true)
    expect(isOwnCall(call('H002', 2, 0), 'H001')).toBe(false)
    // No number taken in this visit (or the visit ended): no call is anyone's here.
    expect(isOwnCall(call('H001', 2, 0), null)).toBe(false)
    expect(isOwnCall(call('H001', 2, 0), '')).toBe(false)
  })

  it('does not announce the calls already made when it starts watching', () => {
    const first = observe(emptyBoard, status([call('H001', 1, 0), call('H002', 2, 5)], 3), T0 + 6000)
    expect(first.news).toEqual([])
    expect(first.board.shown).toEqual([])
    expect(first.board.primed).toBe(true)
    expect(first.board.waiting).toBe(3)
  })

  it('announces a new call once, and not again while it stays listed', () => {
    let board = observe(emptyBoard, status([call('H001', 1, 0)]), T0).board
    const next = observe(board, status([call('H001', 1, 0), call('H002', 2, 10)]), T0 + 10_000)
    expect(next.news).toEqual([call('H002', 2, 10)])
    expect(shownTickets(next.board)).toEqual(['H002'])
    board = next.board
    for (let i = 1; i <= 5; i++) {
      const again = observe(board, status([call('H001', 1, 0), call('H002', 2, 10)]), T0 + 10_000 + i * 5000)
      expect(again.news).toEqual([])
      board = again.board
    }
    expect(shownTickets(board)).toEqual(['H002'])
  })

  it('keeps the same board when nothing changed (no re-render every poll)', () => {
    const board = observe(emptyBoard, status([call('H001', 1, 0)], 2), T0).board
    expect(observe(board, status([call('H001', 1, 0)], 2), T0 + 5000).board).toBe(board)
    expect(observe(board, status([call('H001', 1, 0)], 1), T0 + 5000).board).not.toBe(board)
  })

  it('says several new calls oldest first and shows the newest on top', () => {
    const board = observe(emptyBoard, status([]), T0).board
    const { news, board: after } = observe(
      board,
      status([call('H003', 1, 7), call('H001', 2, 1), call('H002', 3, 4)]),
      T0 + 8000,
    )
    expect(news.map((c) => c.ticketNo)).toEqual(['H001', 'H002', 'H003'])
    expect(shownTickets(after)).toEqual(['H003', 'H002', 'H001'])
  })

  it('keeps the service order for calls made at the same instant', () => {
    const board = observe(emptyBoard, status([]), T0).board
    const same = { waiting: 0, calls: [call('H005', 2, 3), call('H004', 1, 3)] }
    expect(observe(board, same, T0 + 4000).news.map((c) => c.ticketNo)).toEqual(['H004', 'H005'])
  })

  it('tells a number called again (another day, after 999) from its earlier call', () => {
    const board = observe(emptyBoard, status([call('H001', 1, 0)]), T0).board
    const again = call('H001', 2, 86_400)
    expect(callKey(again)).not.toBe(callKey(call('H001', 1, 0)))
    expect(observe(board, status([again]), T0 + 86_400_000).news).toEqual([again])
  })

  it('shows at most a few calls, and each leaves the screen after its time', () => {
    let board = observe(emptyBoard, status([]), T0).board
    const calls: QueueCall[] = []
    for (let i = 1; i <= 5; i++) {
      calls.push(call(`H00${i}`, 1, i * 10))
      board = observe(board, status(calls), T0 + i * 10_000).board
    }
    expect(shownTickets(board)).toEqual(['H005', 'H004', 'H003'].slice(0, MAX_SHOWN))
    // H003 was announced at +30 s, H005 at +50 s.
    expect(shownTickets(expire(board, T0 + 30_000 + SHOW_MS))).toEqual(['H005', 'H004'])
    expect(shownTickets(expire(board, T0 + 50_000 + SHOW_MS))).toEqual([])
    expect(expire(board, T0 + 31_000)).toBe(board)
  })

  it('clears: closing empties the screen but the calls stay seen; pausing starts over quietly', () => {
    let board = observe(emptyBoard, status([]), T0).board
    board = observe(board, status([call('H001', 1, 1)]), T0 + 2000).board
    const closed = dismiss(board)
    expect(closed.shown).toEqual([])
    expect(observe(closed, status([call('H001', 1, 1)]), T0 + 7000).news).toEqual([])

    const paused = pause(board)
    expect(paused.shown).toEqual([])
    // Calls made while the kiosk was hidden are not read out late when it shows again.
    const back = observe(paused, status([call('H001', 1, 1), call('H002', 1, 60)]), T0 + 600_000)
    expect(back.news).toEqual([])
    expect(
      observe(back.board, status([call('H002', 1, 60), call('H003', 2, 601)]), T0 + 605_000).news,
    ).toEqual([call('H003', 2, 601)])
  })

  it('a new day (the list empties) takes the calls off the screen; its first call is news', () => {
    let board = observe(emptyBoard, status([call('H007', 1, 0)]), T0).board
    board = observe(board, status([]), T0 + 86_000_000).board
    expect(board.shown).toEqual([])
    const first = call('H001', 1, 86_100)
    expect(observe(board, status([first]), T0 + 86_101_000).news).toEqual([first])
  })
})

describe('call watcher', () => {
  function setup(answers: Array<QueueStatus | Error>) {
    const store = createBoardStore()
    const said: string[][] = []
    const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = []
    let fetches = 0
    const watcher = createCallWatcher({
      fetchStatus: async () => {
        const answer = answers[Math.min(fetches++, answers.length - 1)]!
        if (answer instanceof Error) throw answer
        return answer
      },
      store,
      onNews: (calls) => said.push(calls.map((c) => c.ticketNo)),
      intervalMs: 5000,
      now: () => T0,
      setTimer: (run, ms) => {
        const timer = { run, ms, cleared: false }
        timers.push(timer)
        return timer
      },
      clearTimer: (timer) => {
        ;(timer as { cleared: boolean }).cleared = true
      },
    })
    /** Runs the pending poll and lets its answer arrive. */
    const tick = async () => {
      const pending = timers.filter((t) => !t.cleared)
      timers.length = 0
      pending.forEach((t) => t.run())
      await flush()
    }
    return { store, said, timers, watcher, tick, fetches: () => fetches }
  }

  const flush = () => new Promise((resolve) => setImmediate(resolve))

  it('polls once at a time, says each new call once, and goes on after a failed poll', async () => {
    const s1 = status([call('H001', 1, 0)], 2)
    const s2 = status([call('H001', 1, 0), call('H002', 2, 9)], 1)
    const { said, timers, watcher, tick, store, fetches } = setup([s1, new Error('offline'), s2, s2, s2])
    watcher.start()
    watcher.start()
    await flush()
    expect(fetches()).toBe(1)
    expect(timers.map((t) => t.ms)).toEqual([5000])
    await tick() // offline: nothing said, the next poll is still scheduled
    expect(said).toEqual([])
    expect(timers).toHaveLength(1)
    await tick()
    await tick()
    await tick()
    expect(said).toEqual([['H002']])
    expect(shownTickets(store.get())).toEqual(['H002'])
    expect(store.get().waiting).toBe(1)
    expect(fetches()).toBe(5)
  })

  it('polls at once when asked, never two at a time', async () => {
    let inFlight = 0
    let most = 0
    let fetches = 0
    const releases: Array<() => void> = []
    const timers: Array<{ cleared: boolean }> = []
    const watcher = createCallWatcher({
      fetchStatus: () => {
        fetches++
        inFlight++
        most = Math.max(most, inFlight)
        return new Promise<QueueStatus>((resolve) =>
          releases.push(() => {
            inFlight--
            resolve(status([]))
          }),
        )
      },
      store: createBoardStore(),
      onNews: () => undefined,
      now: () => T0,
      setTimer: () => {
        const timer = { cleared: false }
        timers.push(timer)
        return timer
      },
      clearTimer: (timer) => {
        ;(timer as { cleared: boolean }).cleared = true
      },
    })
    watcher.pollNow() // not started: nothing
    expect(fetches).toBe(0)
    watcher.start()
    watcher.pollNow() // the first poll is on its way: once it answers
    watcher.pollNow()
    expect(fetches).toBe(1)
    releases.shift()!()
    await flush()
    expect(fetches).toBe(2)
    expect(timers).toHaveLength(0)
    releases.shift()!()
    await flush()
    expect(timers).toHaveLength(1)
    watcher.pollNow() // idle until the timer: poll now, and the timer is dropped
    expect(fetches).toBe(3)
    expect(timers[0]!.cleared).toBe(true)
    expect(most).toBe(1)
  })

  it('stops polling when stopped (hidden), drops a late answer, and starts over quietly', async () => {
    let release: (s: QueueStatus) => void = () => undefined
    const store = createBoardStore()
    const said: string[] = []
    const timers: Array<() => void> = []
    const answers: Array<Promise<QueueStatus>> = [
      Promise.resolve(status([])),
      new Promise<QueueStatus>((resolve) => {
        release = resolve
      }),
      Promise.resolve(status([call('H001', 1, 1), call('H002', 1, 2)])),
      Promise.resolve(status([call('H001', 1, 1), call('H002', 1, 2), call('H003', 1, 3)])),
    ]
    let n = 0
    const watcher = createCallWatcher({
      fetchStatus: () => answers[n++]!,
      store,
      onNews: (calls) => said.push(...calls.map((c) => c.ticketNo)),
      now: () => T0,
      setTimer: (run) => timers.push(run),
      clearTimer: () => undefined,
    })
    watcher.start()
    await flush()
    timers.shift()!() // the second poll hangs
    watcher.stop()
    expect(watcher.running()).toBe(false)
    release(status([call('H001', 1, 1)]))
    await flush()
    expect(said).toEqual([])
    expect(timers).toHaveLength(0)
    watcher.start() // shown again: the first answer only primes
    await flush()
    expect(said).toEqual([])
    timers.shift()!()
    await flush()
    expect(said).toEqual(['H003'])
  })
})
