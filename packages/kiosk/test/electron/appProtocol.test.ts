/** The app://kiosk protocol: files of the build only, the API forwarded, the error page when misconfigured. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppHandler, type AppHandlerDeps } from '../../electron/protocol/appHandler'
import { resolveAppFile } from '../../electron/protocol/resolvePath'
import { SHELL_CSP } from '../../electron/security/csp'

const root = mkdtempSync(join(tmpdir(), 'bangban-h5-'))
mkdirSync(join(root, 'static/js'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>')
writeFileSync(join(root, 'static/js/app.js'), 'console.log(1)')
writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret')

describe('resolving app:// paths', () => {
  it('maps to files inside the build', () => {
    expect(resolveAppFile(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, '/static/js/app.js')).toBe(join(root, 'static/js/app.js'))
    expect(resolveAppFile(root, '/static//js/app.js')).toBe(join(root, 'static/js/app.js'))
  })

  it.each([
    '/../outside-secret.txt',
    '/static/../../outside-secret.txt',
    '/%2e%2e/outside-secret.txt',
    '/static/%2e%2e/%2e%2e/outside-secret.txt',
    '/..%2foutside-secret.txt',
    '/..%5coutside-secret.txt',
    '/C:/Windows/win.ini',
    '/c:%5cWindows%5cwin.ini',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses %s', (pathname) => {
    expect(resolveAppFile(root, pathname)).toBeNull()
  })
})

function handler(overrides: Partial<AppHandlerDeps> = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = []
  const deps: AppHandlerDeps = {
    root,
    proxy: { serviceUrl: 'https://bangban.example.gov.cn', kioskKey: 'kiosk-key-0123456789abcdef' },
    configErrorHtml: null,
    readFile: (file) => readFile(file),
    fetch: async (url, init) => {
      calls.push({ url, init })
      return new Response(JSON.stringify({ ok: true }), {
        status: 201,
        headers: { 'content-type': 'application/json', 'set-cookie': 'track=1', 'x-powered-by': 'x' },
      })
    },
    ...overrides,
  }
  return { handle: createAppHandler(deps), calls }
}

describe('the app:// handler', () => {
  it('serves the build with the strict CSP, the right type and no sniffing', async () => {
    const { handle } = handler()
    const response = await handle(new Request('app://kiosk/static/js/app.js'))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(SHELL_CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers 404 for missing files, paths outside, and other hosts', async () => {
    const { handle } = handler()
    expect((await handle(new Request('app://kiosk/nope.js'))).status).toBe(404)
    expect((await handle(new Request('app://kiosk/%2e%2e/outside-secret.txt'))).status).toBe(404)
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404)
  })

  it('refuses to write to the build', async () => {
    const { handle } = handler()
    expect((await handle(new Request('app://kiosk/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    )
  })

  it('forwards /api/ to the configured service with the kiosk key and only the API headers', async () => {
    const { handle, calls } = handler()
    const response = await handle(
      new Request('app://kiosk/api/v1/sessions/id-card?x=1', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer t',
          'idempotency-key': 'k1',
          'accept-language': 'zh-CN',
          cookie: 'a=b',
          'x-kiosk-key': 'forged',
          'x-forwarded-for': '1.2.3.4',
        },
        body: '{"name":"x"}',
      }),
    )
    expect(calls).toHaveLength(1)
    expect(calls[0]!.url).toBe('https://bangban.example.gov.cn/api/v1/sessions/id-card?x=1')
    const sent = calls[0]!.init.headers as Headers
    expect(Object.fromEntries(sent.entries())).toEqual({
      'accept-language': 'zh-CN',
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'idempotency-key': 'k1',
      'x-kiosk-key': 'kiosk-key-0123456789abcdef',
    })
    expect(calls[0]!.init.redirect).toBe('manual')
    expect(Buffer.from(calls[0]!.init.body as ArrayBuffer).toString()).toBe('{"name":"x"}')
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ ok: true })
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('reports an unreachable service or a redirect as 502', async () => {
    const down = handler({ fetch: async () => Promise.reject(new Error('ECONNREFUSED')) })
    expect((await down.handle(new Request('app://kiosk/api/v1/places'))).status).toBe(502)
    const moved = handler({
      fetch: async () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    })
    expect((await moved.handle(new Request('app://kiosk/api/v1/places'))).status).toBe(502)
  })

  it('serves only the staff error page when the configuration is wrong', async () => {
    const { handle, calls } = handler({ proxy: null, configErrorHtml: '<h1>error</h1>' })
    const page = await handle(new Request('app://kiosk/__shell/config-error.html'))
    expect(page.status).toBe(200)
    expect(await page.text()).toBe('<h1>error</h1>')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('content-security-policy')).not.toContain('script-src')
    expect((await handle(new Request('app://kiosk/index.html'))).status).toBe(404)
    expect((await handle(new Request('app://kiosk/api/v1/places'))).status).toBe(404)
    expect(calls).toHaveLength(0)
  })
})
