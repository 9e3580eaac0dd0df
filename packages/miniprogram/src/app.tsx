import { AppRoot } from '@bangban/shared/app/AppRoot'
import '@bangban/shared/ui/styles.css'
import type { PropsWithChildren } from 'react'
import { createWeappPlatform } from './platform/weappPlatform'

const platform = createWeappPlatform()

function App({ children }: PropsWithChildren) {
  return <AppRoot platform={platform}>{children}</AppRoot>
}

export default App
