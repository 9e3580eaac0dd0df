import { createContext, useContext, type PropsWithChildren } from 'react'
import type { Platform } from './Platform'

const PlatformContext = createContext<Platform | null>(null)

export function PlatformProvider({ platform, children }: PropsWithChildren<{ platform: Platform }>) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>
}

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext)
  if (!platform) throw new Error('usePlatform outside PlatformProvider')
  return platform
}
