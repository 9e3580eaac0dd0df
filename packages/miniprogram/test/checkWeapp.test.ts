/**
 * The weapp build check finds what it is meant to find, on small made-up builds (the real build is
 * checked by weapp-test/build.test.ts after `pnpm --filter @bangban/miniprogram build`).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { checkWeapp, formatReport, MAIN_BUDGET_BYTES, SUBPACKAGE_BUDGET_BYTES } from '../scripts/checkWeapp'

let dist: string
const put = (file: string, text: string | Buffer) => {
  mkdirSync(dirname(join(dist, file)), { recursive: true })
  writeFileSync(join(dist, file), text)
}
const page = (path: string, js = 'Page({})') => {
  put(`${path}.js`, js)
  put(`${path}.json`, '{}')
  put(`${path}.wxml`, '<view/>')
}
const appJson = (extra: object = {}) =>
  put(
    'app.json',
    JSON.stringify({
      pages: ['pages/index/index'],
      subPackages: [{ root: 'pages/book', pages: ['index'] }],
      plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } },
      ...extra,
    }),
  )

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'weapp-check-'))
  appJson()
  put('app.js', 'requirePlugin("WechatSI")')
  page('pages/index/index')
  page('pages/book/index')
})
afterEach(() => rmSync(dist, { recursive: true, force: true }))

it('passes a complete build and measures the main package apart from each subpackage', () => {
  const report = checkWeapp(dist)
  expect(report.problems).toEqual([])
  expect(report.pages).toEqual(['pages/index/index', 'pages/book/index'])
  expect(report.packages.map((p) => p.name)).toEqual(['main', 'pages/book'])
  expect(report.packages[1]!.bytes).toBe('Page({})'.length + 2 + '<view/>'.length)
  expect(formatReport(report)).toContain('no problems')
})

it('finds a page without its wxml, and a preload of a package that does not exist', () => {
  rmSync(join(dist, 'pages/book/index.wxml'))
  appJson({ preloadRule: { 'pages/index/index': { network: 'all', packages: ['pages/nope'] } } })
  expect(checkWeapp(dist).problems).toEqual([
    'page pages/book/index has no pages/book/index.wxml',
    'preloadRule names unknown package pages/nope',
  ])
})

it('finds the WechatSI plugin used but not declared', () => {
  appJson({ plugins: {} })
  expect(checkWeapp(dist).problems).toEqual([
    'the code loads the WechatSI plugin but app.json does not declare it (wx069ba97219f66d99)',
  ])
})

it.each([
  ['Electron', 'const { ipcRenderer } = require("electron")'],
  ['react-dom (H5 renderer)', 'require("react-dom/client")'],
  ['Taro H5 runtime', 'require("@tarojs/taro-h5")'],
  ['Node built-in', 'require("node:fs")'],
  ['browser speech', 'window.speechSynthesis.speak(u)'],
  ['browser storage', 'localStorage.setItem("k", 1)'],
  ['DOM calls', 'var el = document.createElement("div")'],
])('finds %s leaked into the bundle', (what, code) => {
  put('common.js', code)
  expect(checkWeapp(dist).problems).toEqual([expect.stringContaining(`common.js: ${what} in the bundle`)])
})

it("leaves Taro's own document object alone", () => {
  put('taro.js', 'var n = s.A.document.getElementById(id); env.document.createElement("view")')
  expect(checkWeapp(dist).problems).toEqual([])
})

it('asks for requiredPrivateInfos when our code calls a location API', () => {
  put('common.js', 'o.default.getLocation({type:"gcj02"})')
  expect(checkWeapp(dist).problems).toEqual([
    'common.js calls getLocation, which app.json must list in requiredPrivateInfos',
  ])
  appJson({ requiredPrivateInfos: ['getLocation'] })
  expect(checkWeapp(dist).problems).toEqual([])
})

it('fails a main package or a subpackage over its budget', () => {
  put('vendors.js', Buffer.alloc(MAIN_BUDGET_BYTES + 1, 32))
  put('pages/book/sub-common/a.js', Buffer.alloc(SUBPACKAGE_BUDGET_BYTES, 32))
  const problems = checkWeapp(dist).problems
  expect(problems).toHaveLength(2)
  expect(problems[0]).toMatch(/^main package is .* over its budget of 1024\.0 KB$/)
  expect(problems[1]).toMatch(/^pages\/book package is .* over its budget of 512\.0 KB$/)
})
