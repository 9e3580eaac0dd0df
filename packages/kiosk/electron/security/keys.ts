/**
 * Keyboard shortcuts that would take a resident out of the kiosk or break its layout: reload,
 * zoom, devtools, print, find, close, fullscreen toggles. A physical keyboard may be attached.
 */
export interface KeyInput {
  readonly type: string
  readonly key: string
  readonly control: boolean
  readonly meta: boolean
  readonly alt: boolean
  readonly shift: boolean
}

const ALWAYS_BLOCKED = new Set(['F5', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh'])
const WITH_MODIFIER = new Set([
  'r',
  'w',
  'q',
  'p',
  'f',
  'g',
  'n',
  't',
  'o',
  's',
  'u',
  'i',
  'j',
  '+',
  '-',
  '=',
  '0',
])

export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false
  if (ALWAYS_BLOCKED.has(input.key)) return true
  // Alt+F4, Alt+Left/Right (history)
  if (input.alt && (input.key === 'F4' || input.key === 'ArrowLeft' || input.key === 'ArrowRight'))
    return true
  if ((input.control || input.meta) && WITH_MODIFIER.has(input.key.toLowerCase())) return true
  return false
}
