/**
 * Runs the built mini-program (dist/) in miniprogram-simulate with WeChat's own template compiler:
 * a page of Taro's output becomes a component rendered in jsdom, taps go through Taro's event
 * handler into React. wx.* is a recording stand-in the test controls (the boundary we cannot
 * reach); everything on our side of it is the real bundle.
 */
import { join } from 'node:path'
import { JSDOM } from 'jsdom'

export const DIST = join(__dirname, '../dist')

export interface WxCall {
  readonly api: string
  readonly options: Record<string, unknown>
}

export interface SimWx {
  readonly calls: WxCall[]
  /** Answers wx.request: status and JSON body for a method and path. */
  respond(handler: (method: string, url: string, body: unknown) => { status: number; body: unknown }): void
  /** The value wx.<api> resolves with (or its fail callback gets, when `fail` is set). */
  answer(api: string, value: Record<string, unknown>, fail?: boolean): void
  readonly storage: Map<string, unknown>
}

type Options = Record<string, unknown> & {
  success?: (res: unknown) => void
  fail?: (res: unknown) => void
  complete?: (res: unknown) => void
}

interface Simulate {
  load(path: string, tagName?: string, options?: Record<string, unknown>): string
  render(id: string, properties?: Record<string, unknown>): SimComponent
}

export interface SimComponent {
  attach(parent: Element): void
  querySelector(selector: string): SimComponent | null
  querySelectorAll(selector: string): SimComponent[]
  dispatchEvent(name: string, detail?: unknown): void
  readonly dom: Element
  readonly instance: Record<string, unknown>
}

let booted: { simulate: Simulate; wx: SimWx } | null = null
/** A page's module runs Page() once, when first required: its definition is reused after. */
const loaded = new Map<string, string>()

/**
 * Sets up the DOM, WeChat's globals and the app (app.js) once per test file (jest gives each file
 * its own globals). `stored` is the phone's storage as the app finds it at launch.
 */
export function bootApp(stored: Record<string, unknown> = {}): { simulate: Simulate; wx: SimWx } {
  if (booted) return booted
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  const g = globalThis as Record<string, unknown>
  g.window = dom.window
  g.document = dom.window.document
  g.Node = dom.window.Node
  g.HTMLElement = dom.window.HTMLElement
  // j-component dispatches taps as DOM events: they must be jsdom's, not Node's own CustomEvent.
  for (const name of ['Event', 'CustomEvent', 'TouchEvent', 'Touch'] as const)
    g[name] = (dom.window as unknown as Record<string, unknown>)[name]
  g.requestAnimationFrame = (fn: () => void) => setTimeout(fn, 0)
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads after the DOM exists, as it expects
  const simulate = require('miniprogram-simulate') as Simulate

  const calls: WxCall[] = []
  const answers = new Map<string, { value: Record<string, unknown>; fail: boolean }>()
  const storage = new Map<string, unknown>(Object.entries(stored))
  let handler: (method: string, url: string, body: unknown) => { status: number; body: unknown } = () => ({
    status: 404,
    body: null,
  })
  const wxObject = (g.wx ?? {}) as Record<string, unknown>
  const asyncApi =
    (api: string, run?: (options: Options) => Record<string, unknown>) =>
    (options: Options = {}) => {
      const { success, fail, complete, ...rest } = options
      calls.push({ api, options: rest })
      const preset = answers.get(api)
      answers.delete(api)
      const failed = preset?.fail ?? false
      const value = preset?.value ?? (run ? run(options) : { errMsg: `${api}:ok` })
      setTimeout(() => {
        if (failed) fail?.(value)
        else success?.(value)
        complete?.(value)
      }, 0)
    }
  Object.assign(wxObject, {
    login: asyncApi('login', () => ({ errMsg: 'login:ok', code: 'simLoginCode0001' })),
    request: asyncApi('request', (options) => {
      const url = String(options.url)
      const answer = handler(String(options.method ?? 'GET'), url, options.data)
      return { statusCode: answer.status, data: answer.body, header: {}, errMsg: 'request:ok' }
    }),
    scanCode: asyncApi('scanCode'),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage'),
    requestPayment: asyncApi('requestPayment'),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle'),
    navigateTo: asyncApi('navigateTo'),
    redirectTo: asyncApi('redirectTo'),
    reLaunch: asyncApi('reLaunch'),
    navigateBack: asyncApi('navigateBack'),
    createInnerAudioContext: () => ({
      src: '',
      play() {},
      stop() {},
      destroy() {},
      onEnded() {},
      onError() {},
      offEnded() {},
      offError() {},
    }),
    setInnerAudioOption: asyncApi('setInnerAudioOption'),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getAppBaseInfo: () => ({ fontSizeSetting: 17, language: 'zh_CN' }),
    getSystemInfoSync: () => ({ fontSizeSetting: 17, windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
  })
  g.wx = wxObject

  // Taro registers the app and its pages with App() and Page(); pages become components here.
  let appOptions: Record<string, (...args: unknown[]) => unknown> = {}
  g.App = (options: typeof appOptions) => {
    appOptions = options
  }
  g.getApp = () => appOptions
  const pages: Array<Record<string, unknown>> = []
  g.getCurrentPages = () => pages
  g.requirePlugin = () => {
    throw new Error('plugin not available in the simulator')
  }
  const definitions = new Map<string, Record<string, unknown>>()
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    const rest: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value
      else rest[key] = value
    }
    const route = String(g.__loadingRoute ?? '')
    definitions.set(route, options)
    ;(g.Component as (o: Record<string, unknown>) => void)({
      ...rest,
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad?: (q: unknown) => void }) {
          this.route = route
          pages.push(this)
          const self = this as unknown as Record<string, (q?: unknown) => void>
          self.onLoad?.(g.__loadingQuery ?? {})
          self.onShow?.()
          self.onReady?.()
        },
      },
    })
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built app, as WeChat loads it
  require(join(DIST, 'app.js'))
  appOptions.onLaunch?.call(appOptions, { path: 'pages/index/index', query: {} })
  appOptions.onShow?.call(appOptions, { path: 'pages/index/index', query: {} })

  const wx: SimWx = {
    calls,
    storage,
    respond(next) {
      handler = next
    },
    answer(api, value, fail = false) {
      answers.set(api, { value, fail })
    },
  }
  booted = { simulate, wx }
  return booted
}

/** Loads and attaches a built page (e.g. 'pages/index/index'). */
export function openPage(route: string, query: Record<string, string> = {}): SimComponent {
  const { simulate } = bootApp()
  const g = globalThis as Record<string, unknown>
  g.__loadingRoute = route
  g.__loadingQuery = query
  const id =
    loaded.get(route) ??
    simulate.load(join(DIST, route), 'taro-page', { rootPath: DIST, compiler: 'official' })
  loaded.set(route, id)
  const page = simulate.render(id)
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  page.attach(parent)
  return page
}

/** Waits until `check` holds (renders are asynchronous). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export function textOf(component: SimComponent): string {
  return component.dom.textContent ?? ''
}

/** The control whose visible label is exactly `label`. */
export function pressable(page: SimComponent, label: string): SimComponent {
  const match = page.querySelectorAll('.bb-pressable').find((c) => textOf(c).trim() === label)
  if (!match) throw new Error(`no control "${label}" in: ${textOf(page)}`)
  return match
}
