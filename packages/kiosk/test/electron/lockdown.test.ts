/** The lockdown applied to the kiosk window's contents and session, through fakes of Electron's API. */
import { lockDown, type GuardedContents } from '../../electron/main/lockdown'
import { crashRestartDelay } from '../../electron/main/crashPolicy'
import { secureSession, type GuardedSession } from '../../electron/main/sessionPolicy'
import type { KeyInput } from '../../electron/security/keys'

function fakeContents() {
  const handlers: {
    navigate?: (url: string, prevent: () => void) => void
    open?: () => { action: 'deny' }
    webview?: (prevent: () => void) => void
    menu?: (prevent: () => void) => void
    input?: (input: KeyInput, prevent: () => void) => void
    gone?: (reason: string) => void
    devtools?: () => void
  } = {}
  const zoom: number[][] = []
  const contents: GuardedContents & { closed: number } = {
    closed: 0,
    onNavigate: (l) => (handlers.navigate = l),
    setWindowOpenHandler: (h) => (handlers.open = h),
    onWebviewAttach: (l) => (handlers.webview = l),
    onContextMenu: (l) => (handlers.menu = l),
    onBeforeInput: (l) => (handlers.input = l),
    onRendererGone: (l) => (handlers.gone = l),
    onDevToolsOpened: (l) => (handlers.devtools = l),
    closeDevTools: () => (contents.closed += 1),
    setVisualZoomLevelLimits: (min, max) => zoom.push([min, max]),
  }
  /** Runs a handler and says whether it prevented the default. */
  const prevented = (run: (prevent: () => void) => void) => {
    let was = false
    run(() => (was = true))
    return was
  }
  return { contents, handlers, zoom, prevented }
}

const key = (k: string, type = 'keyDown'): KeyInput => ({
  type,
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
})

describe('the lockdown', () => {
  function setUp(extra: Partial<Parameters<typeof lockDown>[1]> = {}) {
    const fake = fakeContents()
    const log = jest.fn()
    const scheduled: Array<[() => void, number]> = []
    const restart = jest.fn()
    lockDown(fake.contents, {
      devTools: false,
      restart,
      log,
      now: () => 1000,
      schedule: (run, ms) => scheduled.push([run, ms]),
      ...extra,
    })
    return { ...fake, log, scheduled, restart }
  }

  it('refuses navigation away from app://kiosk and logs only the scheme', () => {
    const { handlers, prevented, log } = setUp()
    expect(prevented((p) => handlers.navigate!('app://kiosk/index.html#/pages/pay/index', p))).toBe(false)
    expect(prevented((p) => handlers.navigate!('https://evil.example/?id=110105194912310021', p))).toBe(true)
    expect(prevented((p) => handlers.navigate!('file:///C:/', p))).toBe(true)
    expect(log).toHaveBeenCalledWith('navigation-refused', { scheme: 'https' })
    expect(JSON.stringify(log.mock.calls)).not.toContain('1101051949')
  })

  it('denies new windows and webviews, and the context menu', () => {
    const { handlers, prevented } = setUp()
    expect(handlers.open!()).toEqual({ action: 'deny' })
    expect(prevented((p) => handlers.webview!(p))).toBe(true)
    expect(prevented((p) => handlers.menu!(p))).toBe(true)
  })

  it('pins the zoom (no pinch-zoom) and blocks reload and zoom shortcuts', () => {
    const { handlers, zoom, prevented } = setUp()
    expect(zoom).toEqual([[1, 1]])
    expect(prevented((p) => handlers.input!({ ...key('r'), control: true }, p))).toBe(true)
    expect(prevented((p) => handlers.input!(key('F12'), p))).toBe(true)
    expect(prevented((p) => handlers.input!(key('a'), p))).toBe(false)
  })

  it('keeps from the page the keys the scanner claims', () => {
    const onKeyDown = jest.fn((k: string) => (k === 'Enter' ? ('swallow' as const) : ('pass' as const)))
    const { handlers, prevented } = setUp({ onKeyDown })
    expect(prevented((p) => handlers.input!(key('Enter'), p))).toBe(true)
    expect(prevented((p) => handlers.input!(key('x'), p))).toBe(false)
    expect(prevented((p) => handlers.input!(key('Enter', 'keyUp'), p))).toBe(false)
    expect(onKeyDown).toHaveBeenCalledWith('Enter', 1000)
  })

  it('closes devtools in production, and leaves them when allowed', () => {
    const prod = setUp()
    prod.handlers.devtools!()
    expect(prod.contents.closed).toBe(1)
    const dev = setUp({ devTools: true })
    expect(dev.handlers.devtools).toBeUndefined()
  })

  it('restarts a crashed page (through the wipe it is given)', () => {
    const { handlers, scheduled, restart, log } = setUp()
    handlers.gone!('crashed')
    expect(scheduled).toHaveLength(1)
    expect(scheduled[0]![1]).toBe(500)
    scheduled[0]![0]()
    expect(restart).toHaveBeenCalledTimes(1)
    expect(log).toHaveBeenCalledWith('renderer-gone', { reason: 'crashed', restartInMs: 500 })
  })

  it('slows down restarts of a page that keeps crashing', () => {
    expect(crashRestartDelay([1, 2, 3], 3)).toBe(500)
    expect(crashRestartDelay([1, 2, 3, 4], 4)).toBe(5000)
    expect(crashRestartDelay([1, 2, 3, 4, 5], 5)).toBe(10_000)
    expect(
      crashRestartDelay(
        Array.from({ length: 20 }, (_, i) => i),
        20,
      ),
    ).toBe(60_000)
    // crashes long ago do not count
    expect(crashRestartDelay([0, 1, 2, 3, 4], 10 * 60_000)).toBe(500)
  })
})

describe('the session policy', () => {
  function setUp(voiceCommands: boolean) {
    const seen: Partial<{
      request: Parameters<GuardedSession['setPermissionRequestHandler']>[0]
      check: Parameters<GuardedSession['setPermissionCheckHandler']>[0]
      device: () => boolean
      before: (url: string) => boolean
    }> = {}
    const session: GuardedSession = {
      setPermissionRequestHandler: (h) => (seen.request = h),
      setPermissionCheckHandler: (h) => (seen.check = h),
      setDevicePermissionHandler: (h) => (seen.device = h),
      onBeforeRequest: (h) => (seen.before = h),
    }
    secureSession(session, { voiceCommands, devTools: false, log: jest.fn() })
    const ask = (permission: string, origin: string, media?: string[]) =>
      new Promise<boolean>((resolve) => seen.request!(permission, origin, media, resolve))
    return { seen, ask }
  }

  it('grants the microphone only with voice commands on, and nothing else', async () => {
    const on = setUp(true)
    await expect(on.ask('media', 'app://kiosk/index.html', ['audio'])).resolves.toBe(true)
    await expect(on.ask('media', 'app://kiosk/index.html', ['video'])).resolves.toBe(false)
    await expect(on.ask('geolocation', 'app://kiosk/index.html')).resolves.toBe(false)
    expect(on.seen.check!('media', 'app://kiosk', 'audio')).toBe(true)
    const off = setUp(false)
    await expect(off.ask('media', 'app://kiosk/index.html', ['audio'])).resolves.toBe(false)
    expect(off.seen.check!('media', 'app://kiosk', 'audio')).toBe(false)
  })

  it('gives the page no HID, serial or USB devices, and no requests beyond app://kiosk', () => {
    const { seen } = setUp(true)
    expect(seen.device!()).toBe(false)
    expect(seen.before!('app://kiosk/api/v1/places')).toBe(true)
    expect(seen.before!('https://bangban.example.gov.cn/api/v1/places')).toBe(false)
  })
})
