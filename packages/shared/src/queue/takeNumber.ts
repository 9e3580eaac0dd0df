/**
 * 取号 for the visit: at most one number per visit, kept in the app store so it is wiped with
 * the visit. A second press shows the same number; a press while the first is still on its way
 * waits for that one instead of taking another.
 */
import type { ApiClient } from '@bangban/core/api/client'
import type { QueueTicket } from '@bangban/core/api/queue'
import type { AppStore, QueueState } from '../state/appStore'

export interface TakenNumber {
  readonly ticket: QueueTicket
  /** True when this press took it; false when the visit already had it (the count ahead is old then). */
  readonly fresh: boolean
}

/** Presses waiting for a number already on its way, by the marker held in the store. */
const inFlight = new WeakMap<QueueState, Promise<QueueTicket>>()

/**
 * Resolves with the visit's number, or null when the visit ended before the service answered
 * (that number then belongs to nobody on this kiosk and is not shown to the next person).
 */
export async function takeNumberOnce(api: ApiClient, store: AppStore): Promise<TakenNumber | null> {
  const current = store.get().queue
  if (current?.status === 'taken') return { ticket: current.ticket, fresh: false }
  if (current?.status === 'taking') {
    const pending = inFlight.get(current)
    if (!pending) return null
    const ticket = await pending
    const now = store.get().queue
    // The first press stored this very ticket, unless the visit ended meanwhile.
    return now?.status === 'taken' && now.ticket === ticket ? { ticket, fresh: false } : null
  }
  const marker: QueueState = { status: 'taking' }
  store.update({ queue: marker })
  const request = api.call('takeQueueNumber')
  inFlight.set(marker, request)
  try {
    const ticket = await request
    if (store.get().queue !== marker) return null
    store.update({ queue: { status: 'taken', ticket } })
    return { ticket, fresh: true }
  } catch (error) {
    // Not taken: the next press may try again.
    if (store.get().queue === marker) store.update({ queue: null })
    throw error
  } finally {
    inFlight.delete(marker)
  }
}
