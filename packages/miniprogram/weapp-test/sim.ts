/**
 * Runs the built mini-program (dist/) in miniprogram-simulate with WeChat's own template compiler:
 * a page of Taro's output becomes a component rendered in jsdom, taps go through Taro's event
 * handler into React. wx.* is a recording stand-in the test controls (the boundary we cannot
 * reach); everything on our side of it is the real bundle.
 *
 * The stand-in keeps WeChat's page stack honestly: navigateTo opens the page on top, redirectTo
 * replaces the top page, navigateBack closes pages and shows the one below again, reLaunch closes
 * them all; each page gets Taro's onLoad/onShow/onHide/onUnload as WeChat calls them. It also
 * plays WeChat's privacy rules (a privacy-gated call waits for the app's own agreement, or fails
 * with errno 104) and its font setting (read with getAppBaseInfo, changed while the app is away).
 */
import { join } from 'node:path'
import { JSDOM } from 'jsdom'

export const DIST = join(__dirname, '../dist')

export interface WxCall {
  readonly api: string
  readonly options: Record<string, unknown>
}

export interface Answer {
  readonly status: number
  readonly body: unknown
}
export type Handler = (
  method: string,
  url: string,
  body: unknown,
  header: Record<string, string>,
) => Answer | Promise<Answer>

export interface SimWx {
  readonly calls: WxCall[]
  /** Answers wx.request: status and JSON body for a method and path. */
  respond(handler: Handler): void
  /** The value wx.<api> resolves with (or its fail callback gets, when `fail` is set), once. */
  answer(api: string, value: Record<string, unknown>, fail?: boolean): void
  readonly storage: Map<string, unknown>
  /** WeChat's font setting (px) getAppBaseInfo reports from now on. */
  setFontSize(px: number): void
  /** The resident leaves WeChat and comes back (onAppShow, the page's onShow). */
  comeBack(): void
  /** Whether the resident has agreed to the privacy guide (WeChat keeps this per user). */
  privacyAgreed: boolean
  /** The app's onNeedPrivacyAuthorization listener, when registered. */
  readonly privacyListener:
    ((resolve: (answer: Record<string, unknown>) => void, info: unknown) => void) | null
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
  detach(): void
  querySelector(selector: string): SimComponent | null
  querySelectorAll(selector: string): SimComponent[]
  dispatchEvent(name: string, detail?: unknown): void
  toJSON(): WxmlNode
  readonly dom: Element
  readonly instance: Record<string, unknown>
}

/** j-component's view of the rendered tree: each node's tag and its attributes from the WXML. */
export interface WxmlNode {
  readonly tagName: string
  readonly attrs: ReadonlyArray<{ name: string; value: unknown }>
  readonly children: ReadonlyArray<WxmlNode | string>
}

interface StackEntry {
  readonly route: string
  readonly query: Record<string, string>
  readonly component: SimComponent
  readonly parent: Element
}

type PageHooks = Record<string, ((...args: unknown[]) => unknown) | undefined>

let booted: { simulate: Simulate; wx: SimWx } | null = null
/** A page's module runs Page() once, when first required: its definition is reused after. */
const loaded = new Map<string, string>()
const stack: StackEntry[] = []

/** WeChat's privacy-gated APIs the app uses (用户隐私保护指引: 麦克风, 摄像头, 相册). */
const PRIVACY_APIS = new Set(['scanCode', 'authorize', 'chooseMedia', 'chooseImage', 'startRecord'])

function hooksOf(entry: StackEntry): PageHooks {
  return entry.component.instance as PageHooks
}

function splitUrl(url: string): { route: string; query: Record<string, string> } {
  const [path, search = ''] = url.replace(/^\//, '').split('?')
  return { route: path!, query: Object.fromEntries(new URLSearchParams(search)) }
}

function render(route: string, query: Record<string, string>): StackEntry {
  const { simulate } = bootApp()
  const g = globalThis as Record<string, unknown>
  g.__loadingRoute = route
  g.__loadingQuery = query
  const id =
    loaded.get(route) ??
    simulate.load(join(DIST, route), 'taro-page', { rootPath: DIST, compiler: 'official' })
  loaded.set(route, id)
  const component = simulate.render(id)
  const parent = document.createElement('div')
  document.body.appendChild(parent)
  const entry = { route, query, component, parent }
  // The page is on the stack before its onLoad runs, as in WeChat.
  stack.push(entry)
  component.attach(parent)
  return entry
}

function close(entry: StackEntry): void {
  hooksOf(entry).onUnload?.()
  entry.component.detach()
  entry.parent.remove()
}

function navigate(kind: 'push' | 'replace' | 'relaunch', url: string): void {
  const { route, query } = splitUrl(url)
  const top = stack.at(-1)
  if (kind === 'relaunch') while (stack.length) close(stack.pop()!)
  else if (kind === 'replace' && top) close(stack.pop()!)
  else if (top) hooksOf(top).onHide?.()
  render(route, query)
}

function back(delta: number): boolean {
  if (stack.length <= 1) return false
  for (let i = 0; i < delta && stack.length > 1; i++) close(stack.pop()!)
  hooksOf(stack.at(-1)!).onShow?.()
  return true
}

/**
 * Sets up the DOM, WeChat's globals and the app (app.js) once per test file (jest gives each file
 * its own globals). `stored` is the phone's storage as the app finds it at launch.
 */
export function bootApp(
  stored: Record<string, unknown> = {},
  launch: { fontSize?: number; privacyAgreed?: boolean } = {},
): { simulate: Simulate; wx: SimWx } {
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
  let handler: Handler = () => ({ status: 404, body: null })
  let fontSize = launch.fontSize ?? 17
  const appShowListeners: Array<(options: unknown) => void> = []
  const wxObject = (g.wx ?? {}) as Record<string, unknown>

  const state = {
    privacyAgreed: launch.privacyAgreed ?? true,
    privacyListener: null as SimWx['privacyListener'],
  }

  /** WeChat's check before a privacy-gated call: the app's own popup decides, or errno 104. */
  const privacyGate = (api: string, proceed: () => void, refuse: (res: Record<string, unknown>) => void) => {
    if (!PRIVACY_APIS.has(api) || state.privacyAgreed) return proceed()
    if (!state.privacyListener)
      return refuse({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 })
    state.privacyListener(
      (answer) => {
        if (answer.event === 'agree' && typeof answer.buttonId === 'string' && answer.buttonId) {
          state.privacyAgreed = true
          proceed()
        } else refuse({ errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 })
      },
      { referrer: api },
    )
  }

  const asyncApi =
    (api: string, run?: (options: Options) => Record<string, unknown> | Promise<Record<string, unknown>>) =>
    (options: Options = {}) => {
      const { success, fail, complete, ...rest } = options
      calls.push({ api, options: rest })
      const done = (failed: boolean, value: unknown) =>
        setTimeout(() => {
          if (failed) fail?.(value)
          else success?.(value)
          complete?.(value)
        }, 0)
      privacyGate(
        api,
        () => {
          const preset = answers.get(api)
          answers.delete(api)
          if (preset) return done(preset.fail, preset.value)
          Promise.resolve()
            .then(() => (run ? run(options) : { errMsg: `${api}:ok` }))
            .then(
              (value) => done(false, value),
              (error: unknown) => done(true, { errMsg: `${api}:fail ${(error as Error).message}` }),
            )
        },
        (res) => done(true, res),
      )
    }
  const pageApi = (api: string, move: (options: Options) => void) =>
    asyncApi(api, (options) => {
      // WeChat moves after the call returns.
      setTimeout(() => move(options), 0)
      return { errMsg: `${api}:ok` }
    })

  Object.assign(wxObject, {
    login: asyncApi('login', () => ({ errMsg: 'login:ok', code: 'simLoginCode0001' })),
    request: asyncApi('request', async (options) => {
      const url = String(options.url)
      const header = (options.header ?? {}) as Record<string, string>
      const answer = await handler(String(options.method ?? 'GET'), url, options.data, header)
      return { statusCode: answer.status, data: answer.body, header: {}, errMsg: 'request:ok' }
    }),
    scanCode: asyncApi('scanCode'),
    authorize: asyncApi('authorize'),
    chooseMedia: asyncApi('chooseMedia'),
    openSetting: asyncApi('openSetting'),
    openPrivacyContract: asyncApi('openPrivacyContract'),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({
      errMsg: 'getPrivacySetting:ok',
      needAuthorization: !state.privacyAgreed,
      privacyContractName: '《帮办通隐私保护指引》',
    })),
    onNeedPrivacyAuthorization: (listener: SimWx['privacyListener']) => {
      state.privacyListener = listener
    },
    makePhoneCall: asyncApi('makePhoneCall'),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage'),
    requestPayment: asyncApi('requestPayment'),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle'),
    showToast: asyncApi('showToast'),
    showModal: asyncApi('showModal', () => ({ errMsg: 'showModal:ok', confirm: true, cancel: false })),
    navigateTo: pageApi('navigateTo', (o) => navigate('push', String(o.url))),
    redirectTo: pageApi('redirectTo', (o) => navigate('replace', String(o.url))),
    reLaunch: pageApi('reLaunch', (o) => navigate('relaunch', String(o.url))),
    navigateBack: asyncApi('navigateBack', (options) => {
      const delta = Number(options.delta ?? 1)
      if (stack.length <= 1) throw new Error('cannot navigate back at first page')
      setTimeout(() => back(delta), 0)
      return { errMsg: 'navigateBack:ok' }
    }),
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
    clearStorageSync: () => storage.clear(),
    getAppBaseInfo: () => ({ fontSizeSetting: fontSize, language: 'zh_CN', SDKVersion: '3.6.0' }),
    getSystemInfoSync: () => ({
      fontSizeSetting: fontSize,
      windowWidth: 375,
      windowHeight: 812,
      pixelRatio: 2,
    }),
    onAppShow: (listener: (options: unknown) => void) => void appShowListeners.push(listener),
    offAppShow: (listener: (options: unknown) => void) => {
      const i = appShowListeners.indexOf(listener)
      if (i >= 0) appShowListeners.splice(i, 1)
    },
  })
  g.wx = wxObject

  // Taro registers the app and its pages with App() and Page(); pages become components here.
  let appOptions: Record<string, (...args: unknown[]) => unknown> = {}
  g.App = (options: typeof appOptions) => {
    appOptions = options
  }
  g.getApp = () => appOptions
  g.getCurrentPages = () => stack.map((entry) => entry.component.instance)
  g.requirePlugin = () => {
    throw new Error('plugin not available in the simulator')
  }
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    const rest: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value
      else rest[key] = value
    }
    const route = String(g.__loadingRoute ?? '')
    ;(g.Component as (o: Record<string, unknown>) => void)({
      ...rest,
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          this.route = route
          const self = this as unknown as PageHooks
          self.onLoad?.({ ...(g.__loadingQuery as Record<string, string>) })
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
    setFontSize(px) {
      fontSize = px
    },
    comeBack() {
      const top = stack.at(-1)
      if (top) hooksOf(top).onHide?.()
      const options = { path: top?.route ?? 'pages/index/index', query: {} }
      appOptions.onShow?.call(appOptions, options)
      for (const listener of [...appShowListeners]) listener(options)
      if (top) hooksOf(top).onShow?.()
    },
    get privacyAgreed() {
      return state.privacyAgreed
    },
    set privacyAgreed(value: boolean) {
      state.privacyAgreed = value
    },
    get privacyListener() {
      return state.privacyListener
    },
  }
  booted = { simulate, wx }
  return booted
}

/** Opens the mini-program at a page, as WeChat does from a card, a code or the list: one page on the stack. */
export function openPage(route: string, query: Record<string, string> = {}): SimComponent {
  bootApp()
  while (stack.length) close(stack.pop()!)
  return render(route, query).component
}

/** The page on top of the stack and the ones below it (routes, bottom first). */
export function pageStack(): string[] {
  return stack.map((entry) => entry.route)
}

/** The page on top of the stack. */
export function currentPage(): SimComponent {
  const top = stack.at(-1)
  if (!top) throw new Error('no page is open')
  return top.component
}

/** The query the page on top was opened with. */
export function currentQuery(): Record<string, string> {
  return stack.at(-1)?.query ?? {}
}

/** WeChat's own back (the navigation bar's "<", Android's back key): the page's container first. */
export function pressSystemBack(): void {
  back(1)
}

/** Waits until `check` holds (renders are asynchronous). */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Waits until the page on top is `route`, and returns it. */
export async function waitForPage(route: string, timeoutMs = 10_000): Promise<SimComponent> {
  await waitFor(
    () => stack.at(-1)?.route === route,
    `page ${route} (stack: ${pageStack().join(' > ')})`,
    timeoutMs,
  )
  return currentPage()
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

const camelToDash = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

/** The attributes a node renders with, under WXML's names, empty ones left out. */
export function attributesOf(node: WxmlNode): Record<string, string> {
  return Object.fromEntries(
    node.attrs
      .filter(({ value }) => value !== undefined && value !== null && value !== '')
      .map(({ name, value }) => [camelToDash(name), String(value)]),
  )
}

/** Every element node of the rendered tree, depth first. */
export function elementsOf(root: WxmlNode): WxmlNode[] {
  return [root, ...root.children.flatMap((child) => (typeof child === 'string' ? [] : elementsOf(child)))]
}

/** The visible text inside a node. */
export function wxmlText(node: WxmlNode | string): string {
  return typeof node === 'string' ? node : node.children.map(wxmlText).join('')
}

/** The page as WeChat renders it: WXML with the attributes each node carries (empty ones left out). */
export function wxml(page: SimComponent): string {
  const write = (node: WxmlNode | string): string => {
    if (typeof node === 'string') return node
    const tag = node.tagName.replace(/^wx-/, '')
    const attrs = Object.entries(attributesOf(node))
      .filter(([name]) => name !== 'data-sid' && name !== 'id' && name !== 'style')
      .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
      .join('')
    return `<${tag}${attrs}>${node.children.map(write).join('')}</${tag}>`
  }
  return write(page.toJSON())
}
