/**
 * Every script of the built mini-program runs on the oldest WeChat client we support
 * (config/floor.cjs): its syntax parses at the floor's ECMAScript year, no regular expression needs
 * lookbehind (iOS 16.4), and the library calls the floor lacks are either absent or brought up by
 * src/platform/engineFloor.ts before anything else runs. project.config.json leaves WeChat's own ES5
 * step off: this is what makes that safe.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse, tokenizer, type Options } from 'acorn'
import { resources } from '@bangban/core/i18n'
import { DIST } from './sim'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's own CommonJS settings
const floor = require('../config/floor.cjs') as { ecmaVersion: Options['ecmaVersion'] }

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? scripts(path) : path.endsWith('.js') ? [path] : []
  })
}

const files = scripts(DIST).map((path) => ({ name: relative(DIST, path), text: readFileSync(path, 'utf8') }))

/** Library calls newer than iOS 12 that engineFloor.ts does not provide; none may appear. */
const TOO_NEW = [
  /\.at\(-?\d/, // Array/String.prototype.at (iOS 15.4)
  /\.replaceAll\(/, // iOS 13.4
  /\.matchAll\(/, // iOS 13
  /Promise\.(allSettled|any)\(/, // iOS 13, 14
  /Object\.hasOwn\(/, // iOS 15.4
  /\.findLast(Index)?\(/, // iOS 15.4
  /structuredClone\(/, // iOS 15.4
  /\bWeakRef\b/, // iOS 14.5
  /Intl\.Segmenter\b/, // iOS 17.4
]

/**
 * i18next builds Intl.ListFormat (iOS 14.5) and Intl.RelativeTimeFormat (iOS 14) formatters only
 * when a translation asks for one ({{value, list}}, {{value, relativetime}}): none of ours does.
 */
const ONLY_WHEN_ASKED = /\{\{[^}]*,\s*(list|relativetime)/

it('finds the whole bundle', () => {
  expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['app.js', 'vendors.js', 'taro.js']))
})

it.each(files.map((f) => [f.name, f.text]))('%s parses at the floor’s ECMAScript year', (_name, text) => {
  expect(() => parse(text, { ecmaVersion: floor.ecmaVersion, sourceType: 'script' })).not.toThrow()
})

it('has no regular expression with lookbehind', () => {
  const found = files.flatMap(({ name, text }) =>
    [...tokenizer(text, { ecmaVersion: floor.ecmaVersion })]
      .filter((token) => token.type.label === 'regexp' || token.type.label === 'string')
      // A regex literal, or a string that may become one (new RegExp("…")).
      .filter((token) => /\(\?<[=!]/.test(text.slice(token.start, token.end)))
      .map((token) => `${name}: ${text.slice(token.start, token.end).slice(0, 60)}`),
  )
  expect(found).toEqual([])
})

it('calls nothing the oldest iOS lacks', () => {
  const found = files.flatMap(({ name, text }) =>
    TOO_NEW.filter((pattern) => pattern.test(text)).map((pattern) => `${name}: ${pattern.source}`),
  )
  expect(found).toEqual([])
  const asked = Object.entries(resources).flatMap(([language, resource]) =>
    ONLY_WHEN_ASKED.test(JSON.stringify(resource)) ? [language] : [],
  )
  expect(asked).toEqual([])
})

it('brings up what iOS 12 lacks before zod and i18next load', () => {
  const app = files.find((f) => f.name === 'app.js')!.text
  for (const shim of ['globalThis', 'fromEntries', 'BigInt']) expect(app).toContain(shim)
  // WeChat's ES5 step stays off: the bundle is already at the floor.
  const project = JSON.parse(readFileSync(join(DIST, 'project.config.json'), 'utf8')) as {
    setting: Record<string, unknown>
  }
  expect(project.setting).toMatchObject({ es6: false, enhance: false })
})
