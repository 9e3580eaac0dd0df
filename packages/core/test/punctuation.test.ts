/**
 * Chinese as people write it: full-width punctuation inside Chinese text, in every resource string
 * of both Chinese languages and in the demo data the service shows.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { resources } from '../src/i18n'

const HAN = '\\u3400-\\u9fff'
/** An ASCII comma, semicolon, colon, question or exclamation mark or bracket touching a Chinese character. */
const HALF_WIDTH_BESIDE_CHINESE = new RegExp(`[${HAN}][,;:?!()]|[,;:?!()][${HAN}]|[${HAN}] [,;:?!]`)

function leaves(node: unknown, path = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[path, node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  )
}

describe('full-width punctuation in Chinese text', () => {
  it.each(['zh-CN', 'zh-HK'] as const)('%s resources', (lang) => {
    const bad = leaves(resources[lang])
      .map(([key, text]) => [key, text.replace(/\{\{[^}]*\}\}/g, 'X')] as const)
      .filter(([, text]) => HALF_WIDTH_BESIDE_CHINESE.test(text))
    expect(bad).toEqual([])
  })

  it('the demo data', () => {
    const root = resolve(__dirname, '../../server')
    const files = ['src/seed/demo.ts', 'fixtures/demo/accounts.csv', 'fixtures/demo/medical-bills.csv']
    const bad = files.flatMap((file) =>
      readFileSync(resolve(root, file), 'utf8')
        .split('\n')
        // Code comments are English; CSV separators are commas between fields.
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .flatMap((line) =>
          Array.from(line.matchAll(/'([^']*)'/g), (m) => m[1] ?? '').concat(
            file.endsWith('.csv') ? line.split(',') : [],
          ),
        )
        .filter((text) => HALF_WIDTH_BESIDE_CHINESE.test(text))
        .map((text) => `${file}: ${text}`),
    )
    expect(bad).toEqual([])
  })

  it('finds what it is meant to find', () => {
    expect(HALF_WIDTH_BESIDE_CHINESE.test('灯不亮, 3号楼')).toBe(true)
    expect(HALF_WIDTH_BESIDE_CHINESE.test('请稍候(约1分钟)')).toBe(true)
    expect(HALF_WIDTH_BESIDE_CHINESE.test('灯不亮，3号楼')).toBe(false)
    expect(HALF_WIDTH_BESIDE_CHINESE.test('下午4:00–4:30')).toBe(false)
  })
})
