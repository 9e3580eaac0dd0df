import { AppRoot } from '@bangban/shared/app/AppRoot'
import { QueueCallWatcher } from '@bangban/shared/queue/QueueCalls'
import { IdleGuard } from '@bangban/shared/frame/IdleGuard'
import { CardAnywhere } from '@bangban/shared/frame/CardAnywhere'
import '@bangban/shared/ui/styles.css'
import '@bangban/shared/entry/entry.css'
import { useEffect, useState, type PropsWithChildren } from 'react'
import './app.css'
import { createKioskPlatform } from './platform/kioskPlatform'
import { shellBridge } from './platform/shellBridge'
import { prefetchPages } from './prefetchPages'

const platform = createKioskPlatform()

function App({ children }: PropsWithChildren) {
  // A kiosk's own configuration may set other idle times than the 60 s warning and 90 s wipe.
  const [idle, setIdle] = useState<{ warnAfterMs: number; endAfterMs: number } | null>(null)
  useEffect(prefetchPages, [])
  useEffect(() => {
    const bridge = shellBridge()
    if (bridge)
      void bridge.kioskInfo().then(
        (info) => setIdle(info.idle),
        () => undefined,
      )
  }, [])
  return (
    <AppRoot platform={platform}>
      {children}
      <IdleGuard {...(idle ?? {})} />
      <QueueCallWatcher />
      <CardAnywhere />
    </AppRoot>
  )
}

export default App
