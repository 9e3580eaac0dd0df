/**
 * Locks a window's contents down: it stays on app://kiosk, opens no windows or webviews, shows no
 * context menu, cannot be zoomed, ignores shortcuts that leave or break the kiosk, and comes back
 * on a clean welcome screen after a renderer crash. Electron is behind `GuardedContents`, which
 * main.ts adapts from a real WebContents in a few lines.
 */
import { isBlockedShortcut, type KeyInput } from '../security/keys'
import { mayNavigate, windowOpenDecision } from '../security/navigation'
import { crashRestartDelay } from './crashPolicy'

export interface GuardedContents {
  /** will-navigate, will-redirect and will-frame-navigate. */
  onNavigate(listener: (url: string, prevent: () => void) => void): void
  setWindowOpenHandler(handler: () => { action: 'deny' }): void
  onWebviewAttach(listener: (prevent: () => void) => void): void
  onContextMenu(listener: (prevent: () => void) => void): void
  onBeforeInput(listener: (input: KeyInput, prevent: () => void) => void): void
  onRendererGone(listener: (reason: string) => void): void
  onDevToolsOpened(listener: () => void): void
  closeDevTools(): void
  setVisualZoomLevelLimits(minimum: number, maximum: number): unknown
}

export interface LockdownOptions {
  readonly devTools: boolean
  /** Sees every keyDown first (the keyboard-wedge scanner); 'swallow' keeps it from the page. */
  readonly onKeyDown?: (key: string, at: number) => 'pass' | 'swallow'
  /** Restarts on a clean welcome screen (the wipe), after a crash. */
  readonly restart: () => void
  readonly log: (event: string, detail?: Record<string, string | number>) => void
  readonly now?: () => number
  readonly schedule?: (run: () => void, ms: number) => void
}

export function lockDown(contents: GuardedContents, options: LockdownOptions): void {
  const now = options.now ?? Date.now
  const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms))
  const crashes: number[] = []

  contents.onNavigate((url, prevent) => {
    if (mayNavigate(url)) return
    prevent()
    options.log('navigation-refused', { scheme: safeScheme(url) })
  })
  contents.setWindowOpenHandler(windowOpenDecision)
  contents.onWebviewAttach((prevent) => prevent())
  contents.onContextMenu((prevent) => prevent())
  void contents.setVisualZoomLevelLimits(1, 1)
  contents.onBeforeInput((input, prevent) => {
    if (isBlockedShortcut(input)) {
      prevent()
      return
    }
    if (input.type === 'keyDown' && options.onKeyDown?.(input.key, now()) === 'swallow') prevent()
  })
  contents.onRendererGone((reason) => {
    const at = now()
    crashes.push(at)
    const delay = crashRestartDelay(crashes, at)
    options.log('renderer-gone', { reason, restartInMs: delay })
    schedule(options.restart, delay)
  })
  if (!options.devTools) contents.onDevToolsOpened(() => contents.closeDevTools())
}

/** Only the scheme goes to the log: a refused URL could carry anything. */
function safeScheme(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url)
  return match?.[1]?.toLowerCase() ?? 'invalid'
}
