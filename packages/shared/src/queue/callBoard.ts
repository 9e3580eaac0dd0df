/**
 * The call board of a kiosk (叫号显示), as pure rules: which calls in a queue status are news, in
 * what order they are announced, and how long each stays on screen. The polling hook feeds it;
 * nothing here touches a timer, the network or the voice, so every rule is unit-tested.
 */
import type { QueueCall, QueueStatus } from '@bangban/core/api/queue'

/** How long an announced call stays on screen unless a helper's next calls push it out. */
export const SHOW_MS = 60_000
/** The most calls shown at once, newest first. */
export const MAX_SHOWN = 3
/** Calls remembered as already announced (the service lists the latest 5). */
const MAX_SEEN = 50

export interface ShownCall {
  readonly call: QueueCall
  /** Epoch ms after which the call leaves the screen. */
  readonly until: number
}

export interface CallBoard {
  /**
   * False until the first status after the board (re)starts: the calls already listed then were
   * made before this kiosk was watching and are not news.
   */
  readonly primed: boolean
  /** Keys of calls already seen, newest first: each call is announced once. */
  readonly seen: readonly string[]
  /** On screen now, newest first. */
  readonly shown: readonly ShownCall[]
  /** How many are waiting, as of the latest status (null before the first). */
  readonly waiting: number | null
}

export const emptyBoard: CallBoard = { primed: false, seen: [], shown: [], waiting: null }

/** A number can be called again on another day (or after 999): the time tells the calls apart. */
export function callKey(call: QueueCall): string {
  return `${call.ticketNo}|${call.windowNo}|${call.calledAt}`
}

/** Takes calls whose time has passed off the screen. */
export function expire(board: CallBoard, nowMs: number): CallBoard {
  const shown = board.shown.filter((s) => s.until > nowMs)
  return shown.length === board.shown.length ? board : { ...board, shown }
}

/**
 * Reads one queue status. `news` are the calls not seen before, oldest first (the order to say
 * them in); they go on screen above what is already there.
 */
export function observe(
  board: CallBoard,
  status: QueueStatus,
  nowMs: number,
  showMs: number = SHOW_MS,
): { board: CallBoard; news: QueueCall[] } {
  const seen = new Set(board.seen)
  const keys = status.calls.map(callKey)
  const rest = board.seen.filter((k) => !keys.includes(k))
  const nextSeen = [...keys, ...rest].slice(0, MAX_SEEN)
  const waiting = status.waiting
  if (!board.primed) return { board: { primed: true, seen: nextSeen, shown: [], waiting }, news: [] }
  const news = status.calls
    .map((call, index) => ({ call, index }))
    .filter(({ call }) => !seen.has(callKey(call)))
    // The service lists newest first; equal times keep its order.
    .sort((a, b) => Date.parse(a.call.calledAt) - Date.parse(b.call.calledAt) || b.index - a.index)
    .map(({ call }) => call)
  const kept = expire(board, nowMs).shown
  // Nothing new: the same board, so the screens showing it do not re-render every poll.
  const sameSeen = nextSeen.length === board.seen.length && nextSeen.every((k, i) => k === board.seen[i])
  if (news.length === 0 && sameSeen && kept === board.shown && waiting === board.waiting)
    return { board, news }
  const fresh = [...news].reverse().map((call) => ({ call, until: nowMs + showMs }))
  const shown = [...fresh, ...kept].slice(0, MAX_SHOWN)
  return { board: { primed: true, seen: nextSeen, shown, waiting }, news }
}

/** The resident or helper closed the banner: nothing on screen, the calls stay seen. */
export function dismiss(board: CallBoard): CallBoard {
  return board.shown.length === 0 ? board : { ...board, shown: [] }
}

/**
 * The kiosk stopped watching (hidden): clear the screen and start over, so calls made while
 * nobody could hear them are not read out late when it shows again.
 */
export function pause(board: CallBoard): CallBoard {
  return { ...board, primed: false, shown: [] }
}

/** Whether a call is for the number this visit took: that screen says 轮到您了, not just the number. */
export function isOwnCall(call: QueueCall, ownTicketNo: string | null | undefined): boolean {
  return !!ownTicketNo && call.ticketNo === ownTicketNo
}
