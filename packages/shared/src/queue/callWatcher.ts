/**
 * Polls the queue status and keeps the call board: one poll at a time (the next is scheduled when
 * the last has answered, so a slow service never gets a pile of them), stopped while the kiosk is
 * hidden. No React and no DOM here: the hook wires it to the page's visibility and the voice.
 */
import type { QueueCall, QueueStatus } from '@bangban/core/api/queue'
import { emptyBoard, expire, observe, pause, type CallBoard } from './callBoard'

/** Five seconds: a called resident hears their number about as soon as the helper looks up. */
export const POLL_MS = 5000

/** The board every page of this app reads (a kiosk shows each call on whatever screen is open). */
export function createBoardStore(initial: CallBoard = emptyBoard) {
  let board = initial
  const listeners = new Set<() => void>()
  return {
    get: () => board,
    set(next: CallBoard) {
      if (next === board) return
      board = next
      listeners.forEach((listener) => listener())
    },
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export type BoardStore = ReturnType<typeof createBoardStore>

export interface CallWatcherOptions {
  readonly fetchStatus: () => Promise<QueueStatus>
  readonly store: BoardStore
  /** New calls, oldest first: say them. Called once per call, never on a re-render. */
  readonly onNews: (calls: readonly QueueCall[]) => void
  readonly intervalMs?: number
  readonly now?: () => number
  readonly setTimer?: (run: () => void, ms: number) => unknown
  readonly clearTimer?: (timer: unknown) => void
}

export interface CallWatcher {
  start(): void
  /** Stops polling and clears the board (see `pause`). */
  stop(): void
  /** Polls at once (a helper just called a number here), or right after the poll on its way. */
  pollNow(): void
  readonly running: () => boolean
}

export function createCallWatcher({
  fetchStatus,
  store,
  onNews,
  intervalMs = POLL_MS,
  now = Date.now,
  setTimer = (run, ms) => setTimeout(run, ms),
  clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
}: CallWatcherOptions): CallWatcher {
  // Bumped by every start and stop, so an answer arriving after a stop is dropped.
  let generation = 0
  let running = false
  let timer: unknown = null
  let inFlight = false
  let again = false

  const poll = async (mine: number) => {
    inFlight = true
    let news: readonly QueueCall[] = []
    try {
      const status = await fetchStatus()
      if (mine !== generation) return
      inFlight = false
      const next = observe(store.get(), status, now())
      store.set(next.board)
      news = next.news
    } catch {
      // The service is out of reach: try again at the next poll; old calls still leave the screen.
      if (mine !== generation) return
      inFlight = false
      store.set(expire(store.get(), now()))
    }
    if (again) {
      again = false
      void poll(mine)
    } else timer = setTimer(() => void poll(mine), intervalMs)
    if (news.length > 0) onNews(news)
  }

  return {
    start() {
      if (running) return
      running = true
      generation += 1
      void poll(generation)
    },
    stop() {
      if (!running) return
      running = false
      generation += 1
      inFlight = false
      again = false
      if (timer !== null) clearTimer(timer)
      timer = null
      store.set(pause(store.get()))
    },
    pollNow() {
      if (!running) return
      if (inFlight) {
        again = true
        return
      }
      if (timer !== null) clearTimer(timer)
      timer = null
      void poll(generation)
    },
    running: () => running,
  }
}
