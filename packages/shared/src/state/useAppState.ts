import { useSyncExternalStore } from 'react'
import { appStore, type AppState } from './appStore'

export function useAppState(): AppState {
  return useSyncExternalStore(appStore.subscribe, appStore.get, appStore.get)
}
