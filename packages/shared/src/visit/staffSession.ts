/**
 * Staff mode at the kiosk: API clients that carry the helper's token (or a resident's short
 * approval session) instead of the visit's, and the ends of a delegation and of staff mode.
 *
 * Ending a delegation wipes the visit with the platform's own wipe (memory, storage, cookies, back
 * to the start), exactly as the end of any resident's visit; only then is the helper's own sign-in
 * put back. That token is the helper's, not the resident's, and it lives in memory only, so the
 * next resident at the window can be served without the helper typing a password again. The idle
 * wipe puts nothing back: a kiosk left alone leaves staff mode too.
 */
import { useMemo, useRef } from 'react'
import { createApiClient, type ApiClient } from '@bangban/core/api/client'
import type { Platform } from '../platform/Platform'
import { usePlatform } from '../platform/PlatformContext'
import { appStore, type DelegationEnd, type StaffState } from '../state/appStore'
import { hasExpired } from './grant'

function clientFor(platform: Platform, getToken: () => string | null | undefined): ApiClient {
  return createApiClient({
    baseUrl: platform.apiBaseUrl,
    transport: platform.transport,
    getToken,
    getHeaders: () => ({ ...platform.extraHeaders, 'accept-language': appStore.get().language }),
  })
}

/** An API client sending one fixed token. */
export function apiWithToken(platform: Platform, token: string): ApiClient {
  return clientFor(platform, () => token)
}

/** An API client sending the signed-in helper's own token. */
export function useStaffApi(): ApiClient {
  const platform = usePlatform()
  return useMemo(() => clientFor(platform, () => appStore.get().staff?.token), [platform])
}

/** An API client sending a token held by the caller (the resident's short approval session). */
export function useTokenApi(token: string | null): ApiClient {
  const platform = usePlatform()
  const current = useRef(token)
  current.current = token
  return useMemo(() => clientFor(platform, () => current.current), [platform])
}

/** Consent ids this kiosk is ending itself (several stacked pages may each notice the end). */
const ending = new Set<string>()
/** Set while the kiosk itself leaves staff mode or puts the helper back after a wipe. */
let ownWipe = false

/** Wipes the visit and puts the helper's sign-in back (when it is still valid). */
function wipeKeepingHelper(platform: Platform, staff: StaffState | null, reason: DelegationEnd): void {
  ownWipe = true
  try {
    const stays = staff !== null && !hasExpired(staff.expiresAt, Date.now())
    platform.endSession({ helperStays: stays })
    if (staff && stays) appStore.update({ staff, language: staff.language, delegationEnded: reason })
  } finally {
    ownWipe = false
  }
}

/**
 * Ends acting for the resident: 结束代办 (revokes the grant), the grant's time running out, or the
 * grant found ended (the resident revoked it, or the service answered CONSENT_EXPIRED).
 */
export async function endDelegation(platform: Platform, reason: DelegationEnd): Promise<void> {
  const { delegation, staff } = appStore.get()
  if (!delegation || ending.has(delegation.consentId)) return
  ending.add(delegation.consentId)
  wipeKeepingHelper(platform, staff, reason)
  if (reason === 'ended' && staff) {
    const api = clientFor(platform, () => staff.token)
    await api.call('revokeConsent', { params: { id: delegation.consentId } }).catch(() => {
      /* the grant still lapses at its time, and its token is gone from this kiosk */
    })
  }
}

/** Leaves staff mode: signs the helper out and wipes the kiosk. */
export async function leaveStaffMode(platform: Platform): Promise<void> {
  const { staff } = appStore.get()
  ownWipe = true
  try {
    platform.endSession()
  } finally {
    ownWipe = false
  }
  if (staff) {
    await clientFor(platform, () => staff.token)
      .call('staffSignOut')
      .catch(() => undefined)
  }
}

let watching = false

/**
 * When something else wipes the kiosk (the idle guard), the grant and the helper's session would
 * stay valid at the service until they expire: end them there too, with the tokens still known.
 */
export function watchForeignWipes(platform: Platform): void {
  if (watching) return
  watching = true
  let last = appStore.get()
  appStore.subscribe(() => {
    const now = appStore.get()
    const before = last
    last = now
    if (ownWipe || !before.staff) return
    const staffToken = before.staff.token
    const api = clientFor(platform, () => staffToken)
    if (before.delegation && !now.delegation && !ending.has(before.delegation.consentId)) {
      ending.add(before.delegation.consentId)
      void api.call('revokeConsent', { params: { id: before.delegation.consentId } }).catch(() => undefined)
    }
    if (!now.staff) void api.call('staffSignOut').catch(() => undefined)
  })
}
