import { AppRoot } from '@bangban/shared/app/AppRoot'
import { IdleGuard } from '@bangban/shared/ui/IdleGuard'
import '@bangban/shared/ui/styles.css'
import type { PropsWithChildren } from 'react'
import './app.css'
import { createKioskPlatform } from './platform/kioskPlatform'

const platform = createKioskPlatform()

function App({ children }: PropsWithChildren) {
  return (
    <AppRoot platform={platform}>
      {children}
      <IdleGuard />
    </AppRoot>
  )
}

export default App
