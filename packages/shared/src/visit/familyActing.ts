/**
 * 为谁办理, apart from the screen: switching the mini-program to act for a family member (their
 * family token becomes the session, the family member's own session is kept aside in memory) and
 * back, and when to ask for a fresh token. The family token is never saved on the phone.
 */
import type { FamilyTokenResponse } from '@bangban/core/api/family'
import type { AppState, AppStore } from '../state/appStore'

/** A fresh token is asked for once fewer than this many milliseconds of the current one are left. */
export const RENEW_BEFORE_MS = 5 * 60_000

/** Acts for the resident of the token from now on; from acting for someone else it switches over. */
export function startActing(store: AppStore, acting: FamilyTokenResponse): void {
  store.update((current) => {
    const own = current.family?.own ?? current.session
    if (!own) return {}
    return {
      session: { token: acting.token, expiresAt: acting.expiresAt, resident: acting.resident },
      family: { familyGrantId: acting.familyGrantId, resident: acting.resident, scopes: acting.scopes, own },
      familyEnded: false,
    }
  })
}

/** A fresh token for the same grant; ignored if the family member switched in the meantime. */
export function renewActing(store: AppStore, acting: FamilyTokenResponse): void {
  if (store.get().family?.familyGrantId === acting.familyGrantId) startActing(store, acting)
}

/**
 * Back to the family member's own session (切换回自己). `ended`: the service ended it (the grant
 * was taken back or lapsed), said once on the family page.
 */
export function stopActing(store: AppStore, ended = false): void {
  store.update((current) =>
    current.family ? { session: current.family.own, family: null, familyEnded: ended } : {},
  )
}

/** What acting needs now: nothing, a fresh token, or to end (the token has run out). */
export function actingStep(
  state: Pick<AppState, 'family' | 'session'>,
  now: number,
): 'none' | 'renew' | 'end' {
  if (!state.family || !state.session) return 'none'
  const left = Date.parse(state.session.expiresAt) - now
  if (left <= 0) return 'end'
  return left < RENEW_BEFORE_MS ? 'renew' : 'none'
}
