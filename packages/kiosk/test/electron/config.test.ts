/** The configuration file: where it is looked for, what is accepted, and the page staff see when it is wrong. */
import { configCandidates, loadConfig, parseConfig } from '../../electron/config/load'
import { configErrorPage } from '../../electron/staff/configErrorPage'
import { kioskInfoOf } from '../../electron/main/kioskInfo'

const VALID = {
  kioskName: 'Xingfuli lobby 1',
  serviceUrl: 'https://bangban.example.gov.cn/',
  kioskKey: 'kiosk-key-0123456789abcdef',
  devices: { printer: { kind: 'network', host: '192.168.10.50' } },
}

const where = {
  argv: ['electron', '.'],
  env: {},
  platform: 'linux' as const,
  userData: '/home/kiosk/.config/bangban',
}

describe('where the configuration file is looked for', () => {
  it('takes --config first, then BANGBAN_KIOSK_CONFIG', () => {
    expect(
      configCandidates({
        ...where,
        argv: ['x', '--config=/srv/k.json'],
        env: { BANGBAN_KIOSK_CONFIG: '/e.json' },
      }),
    ).toEqual(['/srv/k.json'])
    expect(configCandidates({ ...where, env: { BANGBAN_KIOSK_CONFIG: '/e.json' } })).toEqual(['/e.json'])
  })

  it('else the machine-wide place staff edit, then the app folder', () => {
    expect(configCandidates(where)).toEqual([
      '/etc/bangban/kiosk.json',
      '/home/kiosk/.config/bangban/kiosk.json',
    ])
    expect(
      configCandidates({
        ...where,
        platform: 'win32',
        env: { ProgramData: 'D:\\PD' },
        userData: 'C:\\Users\\k\\AppData\\Roaming\\Bangban',
      }),
    ).toEqual(['D:\\PD\\Bangban\\kiosk.json', 'C:\\Users\\k\\AppData\\Roaming\\Bangban\\kiosk.json'])
  })

  it('reads the first that exists, and lists all places when none does', () => {
    const files = { '/home/kiosk/.config/bangban/kiosk.json': JSON.stringify(VALID) }
    const reader = { exists: (f: string) => f in files, read: (f: string) => files[f as keyof typeof files] }
    expect(loadConfig(where, reader)).toMatchObject({
      ok: true,
      file: '/home/kiosk/.config/bangban/kiosk.json',
    })
    expect(loadConfig(where, { exists: () => false, read: () => '' })).toEqual({
      ok: false,
      reason: 'missing',
      file: null,
      problems: [
        { path: '', message: '/etc/bangban/kiosk.json' },
        { path: '', message: '/home/kiosk/.config/bangban/kiosk.json' },
      ],
    })
    const failing = {
      exists: () => true,
      read: () => {
        throw new Error('EACCES')
      },
    }
    expect(loadConfig(where, failing)).toMatchObject({ ok: false, reason: 'unreadable' })
  })
})

describe('validating the configuration', () => {
  it('fills in the defaults: portrait, 60/90 s idle, 80 mm paper on port 9100, keyboard scanner', () => {
    const result = parseConfig(JSON.stringify(VALID), 'k.json')
    if (!result.ok) throw new Error('expected a valid configuration')
    expect(result.config.serviceUrl).toBe('https://bangban.example.gov.cn')
    expect(result.config.orientation).toBe('portrait')
    expect(result.config.idle).toEqual({ warnAfterSeconds: 60, endAfterSeconds: 90 })
    expect(result.config.devices.printer).toEqual({
      kind: 'network',
      host: '192.168.10.50',
      port: 9100,
      paperWidthMm: 80,
      timeoutMs: 5000,
    })
    expect(result.config.devices.qrScanner).toEqual({ kind: 'keyboard', maxKeyGapMs: 30, minLength: 4 })
    expect(result.config.devices.idCardReader).toEqual({ kind: 'none' })
    expect(result.config.voiceCommands).toBe(false)
    expect(result.config.developer.devTools).toBe(false)
    expect(kioskInfoOf(result.config, '0.1.0')).toEqual({
      kioskName: 'Xingfuli lobby 1',
      serviceUrl: 'https://bangban.example.gov.cn',
      kioskKey: 'kiosk-key-0123456789abcdef',
      orientation: 'portrait',
      idle: { warnAfterMs: 60_000, endAfterMs: 90_000 },
      voiceCommands: false,
      // No handset unless configured: personal data is not spoken aloud; every visit starts at 中.
      audio: { handset: false, volume: 'medium', slow: false },
      shellVersion: '0.1.0',
    })
  })

  it('accepts a file saved by Notepad with a BOM', () => {
    expect(parseConfig('\uFEFF' + JSON.stringify(VALID), 'k.json').ok).toBe(true)
  })

  it.each([
    ['plain http to a remote service', { serviceUrl: 'http://bangban.example.gov.cn' }, 'serviceUrl'],
    ['a non-web URL', { serviceUrl: 'file:///etc/passwd' }, 'serviceUrl'],
    ['a short kiosk key', { kioskKey: 'short' }, 'kioskKey'],
    ['an unknown orientation', { orientation: 'upside-down' }, 'orientation'],
    ['a wipe before the warning', { idle: { warnAfterSeconds: 60, endAfterSeconds: 50 } }, 'idle'],
    [
      'a remote ID card reader',
      {
        devices: { ...VALID.devices, idCardReader: { kind: 'http', url: 'http://10.0.0.5:19196/readcard' } },
      },
      'devices.idCardReader.url',
    ],
    [
      'an odd paper width',
      { devices: { printer: { kind: 'network', host: 'p', paperWidthMm: 76 } } },
      'devices.printer.paperWidthMm',
    ],
    ['an unknown printer kind', { devices: { printer: { kind: 'bluetooth' } } }, 'devices.printer.kind'],
    ['an unknown setting (a typo)', { idleTimes: 60 }, ''],
  ])('refuses %s, naming the field', (_name, change, path) => {
    const result = parseConfig(JSON.stringify({ ...VALID, ...change }), 'k.json')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toBe('invalid')
    expect(result.problems.map((p) => p.path)).toContain(path)
  })

  it('accepts a loopback reader service and plain http to a service on this machine', () => {
    const config = {
      ...VALID,
      serviceUrl: 'http://127.0.0.1:3000',
      devices: { ...VALID.devices, idCardReader: { kind: 'http', url: 'http://127.0.0.1:19196/readcard' } },
    }
    expect(parseConfig(JSON.stringify(config), 'k.json').ok).toBe(true)
  })

  it('says when the file is not JSON', () => {
    expect(parseConfig('{ kioskName: ', 'k.json')).toMatchObject({
      ok: false,
      reason: 'not-json',
      file: 'k.json',
    })
  })
})

describe('the staff error page', () => {
  it('names the file and each wrong field in the machine language, with a line for residents', () => {
    const result = parseConfig(
      JSON.stringify({ ...VALID, kioskKey: 'short', orientation: 'x' }),
      'C:\\ProgramData\\Bangban\\kiosk.json',
    )
    if (result.ok) throw new Error('expected an invalid configuration')
    const zh = configErrorPage(result, 'zh-CN')
    expect(zh).toContain('<html lang="zh-CN">')
    expect(zh).toContain('这台自助机暂时不能使用')
    expect(zh).toContain('暂停服务，请到代帮办窗口办理。')
    expect(zh).toContain('配置文件：C:\\ProgramData\\Bangban\\kiosk.json')
    expect(zh).toContain('<code>kioskKey</code>')
    expect(zh).toContain('<code>orientation</code>')
    expect(zh).not.toContain('<script')
    const en = configErrorPage(result, 'en-US')
    expect(en).toContain('<html lang="en">')
    expect(en).toContain('These settings are wrong:')
    expect(configErrorPage(result, 'zh-HK')).toContain('這部自助機暫時不能使用')
  })

  it('escapes what comes from the file', () => {
    const page = configErrorPage(
      { ok: false, reason: 'not-json', file: '<img src=x>', problems: [{ path: '', message: '<script>' }] },
      'en',
    )
    expect(page).not.toContain('<img src=x>')
    expect(page).not.toContain('<script>')
    expect(page).toContain('&lt;script&gt;')
  })

  it('lists where it looked when there is no file', () => {
    const page = configErrorPage(loadConfig(where, { exists: () => false, read: () => '' }) as never, 'zh-CN')
    expect(page).toContain('没有找到配置文件')
    expect(page).toContain('/etc/bangban/kiosk.json')
  })
})
