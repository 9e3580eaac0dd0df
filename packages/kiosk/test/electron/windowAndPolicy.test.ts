/** The kiosk window's security options and the navigation, permission and shortcut policies. */
import { isBlockedShortcut } from '../../electron/security/keys'
import { mayNavigate, windowOpenDecision } from '../../electron/security/navigation'
import { permissionAllowed, permissionCheckAllowed } from '../../electron/security/permissions'
import { SHELL_CSP } from '../../electron/security/csp'
import { KIOSK_PARTITION, kioskWindowOptions } from '../../electron/security/windowOptions'
import { requestAllowed } from '../../electron/main/sessionPolicy'
import { applyChromiumSwitches, chromiumSwitches } from '../../electron/main/switches'

describe('the kiosk window', () => {
  const options = kioskWindowOptions({ preloadPath: '/app/dist/electron/preload.js', devTools: false })

  it('is fullscreen kiosk mode without a frame', () => {
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, show: false })
  })

  it('seals the page off from Node: isolated, sandboxed, no Node integration anywhere, no webviews', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      preload: '/app/dist/electron/preload.js',
    })
  })

  it('lets the welcome speak before any touch (no autoplay gesture needed, for Web Audio too)', () => {
    expect(options.webPreferences?.autoplayPolicy).toBe('no-user-gesture-required')
    expect(kioskWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.autoplayPolicy).toBe(
      'no-user-gesture-required',
    )
  })

  it('keeps the session in memory only, and devtools off unless asked for in development', () => {
    expect(options.webPreferences?.partition).toBe(KIOSK_PARTITION)
    expect(KIOSK_PARTITION.startsWith('persist:')).toBe(false)
    expect(options.webPreferences?.devTools).toBe(false)
    expect(kioskWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true)
  })
})

describe('Chromium switches (set before ready)', () => {
  const applied = (platform: NodeJS.Platform) => {
    const calls: unknown[][] = []
    applyChromiumSwitches({ appendSwitch: (...args: unknown[]) => void calls.push(args) }, platform)
    return calls
  }

  it('turns speech-dispatcher on on Linux only: the OS voices are found through it there', () => {
    expect(applied('linux')).toContainEqual(['enable-speech-dispatcher'])
    for (const platform of ['win32', 'darwin'] as const)
      expect(applied(platform).map(([name]) => name)).not.toContain('enable-speech-dispatcher')
  })

  it('turns pinch-zoom and overscroll navigation off everywhere, with the value when there is one', () => {
    for (const platform of ['linux', 'win32'] as const) {
      expect(applied(platform)).toContainEqual(['disable-pinch'])
      expect(applied(platform)).toContainEqual(['overscroll-history-navigation', '0'])
    }
  })

  it('applies exactly the switches it lists', () => {
    expect(applied('linux')).toEqual(chromiumSwitches('linux').map((s) => [...s]))
  })
})

describe('the CSP', () => {
  it('allows scripts and connections from app://kiosk only, no eval, no frames, no plugins', () => {
    const directives = Object.fromEntries(
      SHELL_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/)
        return [name, values.join(' ')]
      }),
    )
    expect(directives['default-src']).toBe("'none'")
    expect(directives['script-src']).toBe("'self'")
    expect(directives['connect-src']).toBe("'self'")
    expect(directives['object-src']).toBe("'none'")
    expect(directives['frame-src']).toBe("'none'")
    // The handwriting and pinyin worker is a script of the app itself, nothing else.
    expect(directives['worker-src']).toBe("'self'")
    expect(SHELL_CSP).not.toMatch(/unsafe-eval|https?:|\*/)
  })
})

describe('navigation', () => {
  it.each([
    ['app://kiosk/index.html#/pages/book/index', true],
    ['app://kiosk/', true],
    ['app://other/index.html', false],
    ['file:///C:/Windows/system32/cmd.exe', false],
    ['https://bangban.example.gov.cn/', false],
    ['http://127.0.0.1:3000/kiosk/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>x</h1>', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(mayNavigate(url)).toBe(allowed)
  })

  it('never opens a new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' })
  })

  it('lets requests leave the page only to app://kiosk and in-page data (devtools only when on)', () => {
    expect(requestAllowed('app://kiosk/api/v1/places', false)).toBe(true)
    expect(requestAllowed('data:image/png;base64,AAAA', false)).toBe(true)
    expect(requestAllowed('blob:app://kiosk/1234', false)).toBe(true)
    expect(requestAllowed('https://bangban.example.gov.cn/api/v1/places', false)).toBe(false)
    expect(requestAllowed('file:///etc/passwd', false)).toBe(false)
    expect(requestAllowed('ws://127.0.0.1:9222/', false)).toBe(false)
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', false)).toBe(false)
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', true)).toBe(true)
  })
})

describe('permissions', () => {
  const mic = { permission: 'media', origin: 'app://kiosk/index.html', mediaTypes: ['audio'] }

  it('refuses everything when voice commands are off', () => {
    expect(permissionAllowed(mic, false)).toBe(false)
  })

  it('allows only the microphone, only for our pages, when voice commands are on', () => {
    expect(permissionAllowed(mic, true)).toBe(true)
    expect(permissionAllowed({ ...mic, mediaTypes: ['audio', 'video'] }, true)).toBe(false)
    expect(permissionAllowed({ ...mic, mediaTypes: [] }, true)).toBe(false)
    expect(permissionAllowed({ permission: 'media', origin: mic.origin }, true)).toBe(false)
    expect(permissionAllowed({ ...mic, origin: 'https://evil.example/' }, true)).toBe(false)
    for (const permission of [
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'display-capture',
    ])
      expect(permissionAllowed({ ...mic, permission }, true)).toBe(false)
  })

  it('answers permission checks the same way', () => {
    expect(permissionCheckAllowed('media', 'app://kiosk', 'audio', true)).toBe(true)
    expect(permissionCheckAllowed('media', 'app://kiosk', 'video', true)).toBe(false)
    expect(permissionCheckAllowed('media', 'app://kiosk', 'unknown', true)).toBe(false)
    expect(permissionCheckAllowed('media', 'app://kiosk', 'audio', false)).toBe(false)
  })
})

describe('shortcuts', () => {
  const key = (k: string, mods: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) => ({
    type: 'keyDown',
    key: k,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  })

  it.each([
    key('F5'),
    key('F12'),
    key('F11'),
    key('r', { control: true }),
    key('R', { control: true, shift: true }),
    key('+', { control: true }),
    key('-', { control: true }),
    key('0', { control: true }),
    key('p', { control: true }),
    key('w', { control: true }),
    key('i', { control: true, shift: true }),
    key('q', { meta: true }),
    key('F4', { alt: true }),
    key('ArrowLeft', { alt: true }),
  ])('blocks %o', (input) => {
    expect(isBlockedShortcut(input)).toBe(true)
  })

  it.each([key('a'), key('1'), key('Enter'), key('Tab'), key('Backspace'), key('A', { shift: true })])(
    'lets %o through',
    (input) => {
      expect(isBlockedShortcut(input)).toBe(false)
    },
  )

  it('looks at key presses only', () => {
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false)
  })
})
