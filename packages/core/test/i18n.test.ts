import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createI18n, resolveLanguage, resources, SUPPORTED_LANGUAGES } from '../src/i18n'
import { ERROR_CODES } from '../src/api/errors'
import { scanSource } from './support/i18nScan'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix]
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keysOf(v, prefix ? `${prefix}.${k}` : k),
  )
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort()
}

function get(resource: unknown, key: string): string {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource) as string
}

describe('i18n resources', () => {
  const reference = keysOf(resources['zh-CN']).sort()

  it.each(SUPPORTED_LANGUAGES)('%s has exactly the keys of zh-CN, none empty, same placeholders', (lng) => {
    expect(keysOf(resources[lng]).sort()).toEqual(reference)
    for (const key of reference) {
      const text = get(resources[lng], key)
      expect(text.trim()).not.toBe('')
      expect(placeholders(text)).toEqual(placeholders(get(resources['zh-CN'], key)))
    }
  })

  it('has a translated message for every error code', () => {
    for (const code of ERROR_CODES) expect(reference).toContain(`errors.${code}`)
  })

  it('translates and interpolates', () => {
    expect(createI18n('zh-CN').t('nav.step', { current: 2, total: 4 })).toBe('第 2 步，共 4 步')
    expect(createI18n('en').t('nav.step', { current: 2, total: 4 })).toBe('Step 2 of 4')
    expect(createI18n('zh-HK').t('home.pay')).toBe('生活繳費')
  })

  it.each([
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-HK'],
    ['yue', 'zh-HK'],
    ['zh-Hans-CN', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['de', 'zh-CN'],
    ['en;q=0.2, zh-HK;q=0.8', 'zh-HK'],
  ])('resolves Accept-Language %s to %s', (header, expected) => {
    expect(resolveLanguage(header)).toBe(expected)
  })
})

describe('no user-visible text bypasses i18n', () => {
  const repoRoot = join(__dirname, '../../..')
  /** Folders whose strings are data or reading rules rather than UI text, each with its reason. */
  const EXEMPT = [
    'packages/core/src/i18n/resources/', // the translations themselves
    'packages/core/src/speech/', // reading rules (numerals, units), not labels
    'packages/server/src/seed/', // demo data: names of places and people
    'packages/server/src/imports/columns.ts', // the headings and words of districts' files (data they contain)
    'packages/server/src/payments/wechatpay/standin.ts', // WeChat Pay's own wording in a protocol stand-in
  ]

  function sourceFiles(dir: string): string[] {
    let entries: string[]
    try {
      entries = readdirSync(dir)
    } catch {
      return []
    }
    return entries.flatMap((name) => {
      const path = join(dir, name)
      if (name === 'node_modules' || name === 'dist') return []
      if (statSync(path).isDirectory()) return sourceFiles(path)
      return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
    })
  }

  it('finds the kinds of violation it is meant to find', () => {
    const sample = [
      'const a = "预约成功"',
      'const b = <Text>Pay now</Text>',
      'const c = <Button aria-label="Close" />',
      'const d = `共 ${n} 个`',
      '// i18n-exempt: protocol value',
      'const e = "其他"',
      'const f = <View aria-label={t("nav.back")}>{t("home.pay")}</View>',
    ].join('\n')
    const findings = scanSource('sample.tsx', sample)
    expect(findings.map((f) => [f.line, f.rule])).toEqual([
      [1, 'chinese-literal'],
      [2, 'jsx-text'],
      [3, 'visible-attribute'],
      [4, 'chinese-literal'],
    ])
  })

  it('holds for every source file of every package', () => {
    const files = sourceFiles(join(repoRoot, 'packages')).filter((file) => {
      const rel = relative(repoRoot, file).split('\\').join('/')
      return rel.includes('/src/') && !EXEMPT.some((prefix) => rel.startsWith(prefix))
    })
    expect(files.length).toBeGreaterThan(10)
    const findings = files.flatMap((file) => scanSource(relative(repoRoot, file), readFileSync(file, 'utf8')))
    expect(findings).toEqual([])
  })
})
