import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { createApiClient, type ApiClient } from '@bangban/core/api/client'
import { ApiError } from '@bangban/core/api/errors'
import { usePlatform } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'
import { stopActing } from './familyActing'
import { replaceWith } from './nav'
import { delegationEndFor } from './delegationEnd'
import { endDelegation } from './staffSession'

/**
 * The API client of this door, sending the visit's token and language with every call. When a
 * helper acts for a resident and the service says the grant has ended, acting for them ends here
 * at once (their data wiped from the kiosk), not at the next periodic check; a family member acting
 * for a resident is switched back to their own session.
 */
export function useApi(): ApiClient {
  const platform = usePlatform()
  return useMemo(() => {
    const client = createApiClient({
      baseUrl: platform.apiBaseUrl,
      transport: platform.transport,
      getToken: () => appStore.get().session?.token,
      getHeaders: () => ({ ...platform.extraHeaders, 'accept-language': appStore.get().language }),
    })
    const call = (async (...args: Parameters<ApiClient['call']>) => {
      try {
        return await client.call(...args)
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONSENT_EXPIRED' && appStore.get().delegation) {
          void endDelegation(platform, delegationEndFor(error))
        }
        // A stored session the service no longer knows: sign in again, the job kept (mini-program).
        const { session, delegation, family, staff } = appStore.get()
        if (
          error instanceof ApiError &&
          error.code === 'UNAUTHENTICATED' &&
          session &&
          !delegation &&
          !family &&
          !staff
        )
          platform.sessionRefused?.()
        // The same for a family member acting for a resident: back to their own session.
        if (error instanceof ApiError && error.code === 'CONSENT_EXPIRED' && appStore.get().family) {
          stopActing(appStore, true)
          replaceWith('family')
        }
        throw error
      }
    }) as ApiClient['call']
    return { call }
  }, [platform])
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', 0, String(error))
}

export interface Loaded<T> {
  readonly data: T | null
  readonly error: ApiError | null
  readonly loading: boolean
  reload(): void
}

/** Loads data for a screen; a newer load wins over an older one still in flight. */
export function useLoad<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: load !== null,
  })
  const generation = useRef(0)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!load) return
    const mine = ++generation.current
    setState((s) => ({ data: s.data, error: null, loading: true }))
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        mine === generation.current && setState({ data: null, error: asApiError(error), loading: false }),
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the load depends on
  }, [...deps, tick])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  return { ...state, reload }
}
