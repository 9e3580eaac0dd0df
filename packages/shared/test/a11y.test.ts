/**
 * The UI kit's accessibility attributes: the web's names on the kiosk, WeChat's in the mini-program;
 * and no screen sets them on a component directly (they would reach WeChat under the web's names,
 * which its templates drop).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { a11y, WECHAT_ARIA } from '../src/ui/a11y'

const SRC = join(__dirname, '../src')

it('keeps the web names on H5', () => {
  expect(
    a11y({ role: 'radio', 'aria-checked': 'true', 'aria-label': '大', tabIndex: 0, lang: undefined }, 'h5'),
  ).toEqual({ role: 'radio', 'aria-checked': 'true', 'aria-label': '大', tabIndex: 0 })
})

it('gives WeChat its own names and only the attributes the weapp templates carry', () => {
  expect(
    a11y({ role: 'radio', 'aria-checked': 'true', 'aria-label': '大', tabIndex: 0, lang: 'zh-CN' }, 'weapp'),
  ).toEqual({ 'aria-role': 'radio', 'aria-checked': 'true', 'aria-label': '大' })
  expect(a11y({ 'aria-hidden': true }, 'weapp')).toEqual({ 'aria-hidden': 'true' })
  expect(a11y({ role: 'button', 'aria-pressed': 'true', 'data-testid': 'x' }, 'weapp')).toEqual({
    'aria-role': 'button',
    'aria-selected': 'true',
    'data-testid': 'x',
  })
})

it('makes alerts and status lines live regions for WeChat’s reader', () => {
  expect(a11y({ role: 'alert' }, 'weapp')).toEqual({ 'aria-role': 'alert', 'aria-live': 'assertive' })
  expect(a11y({ role: 'status' }, 'weapp')).toEqual({ 'aria-role': 'status', 'aria-live': 'polite' })
  expect(a11y({ role: 'status', 'aria-live': 'off' }, 'weapp')).toEqual({
    'aria-role': 'status',
    'aria-live': 'off',
  })
})

it('covers the attributes the issue asks of WeChat', () => {
  for (const name of ['role', 'label', 'checked', 'selected', 'disabled', 'hidden', 'live'])
    expect(WECHAT_ARIA).toContain(`aria-${name}`)
})

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sources(path) : path.endsWith('.tsx') ? [path] : []
  })
}

/** Names a file imports from @tarojs/components (View, Text, Button as NativeButton, …). */
function taroComponents(text: string): string[] {
  const imports = /import \{([^}]*)\} from '@tarojs\/components'/.exec(text)?.[1] ?? ''
  return imports
    .split(',')
    .map((name) =>
      name
        .trim()
        .split(/\s+as\s+/)
        .pop()!,
    )
    .filter(Boolean)
}

/** The opening tags of these components, with the line each starts on. */
function openingTags(text: string, names: readonly string[]): Array<{ tag: string; line: number }> {
  const tags: Array<{ tag: string; line: number }> = []
  for (const match of text.matchAll(new RegExp(`<(${names.join('|')})\\b`, 'g'))) {
    let depth = 0
    let end = match.index
    for (; end < text.length; end++) {
      const c = text[end]
      if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === '>' && depth === 0) break
    }
    tags.push({ tag: text.slice(match.index, end), line: text.slice(0, match.index).split('\n').length })
  }
  return tags
}

it('leaves accessibility attributes on Taro components to a11y()', () => {
  const raw = sources(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const names = taroComponents(text)
    if (names.length === 0) return []
    return (
      openingTags(text, names)
        // An attribute written directly: role="…", aria-label={…}, ariaLabel=…, outside a11y({…}).
        .filter(({ tag }) => /\s(role|aria-[a-z]+|aria[A-Z]\w*)=["{]/.test(tag))
        .map(({ line }) => `${relative(SRC, file)}:${line}`)
    )
  })
  expect(raw).toEqual([])
})
