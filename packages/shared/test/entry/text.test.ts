import fc from 'fast-check'
import {
  afterChoice,
  deleteLast,
  insertText,
  lengthOf,
  methodsFor,
  pageOf,
  spell,
  staffNoKey,
  MAX_PINYIN_LETTERS,
} from '../../src/entry/text'

const TILES = ['号楼', '单元', '层', '室', '号', '-']
const piece = fc.oneof(
  fc.constantFrom(...TILES),
  fc.constantFrom(...'0123456789'),
  fc.constantFrom('路', '灯', '不', '亮', '𠀋', 'a', ' '),
)

describe('which inputs a field offers', () => {
  it('keeps the phrases first where a screen has them, then handwriting (pinyin after it)', () => {
    expect(methodsFor('prose', 'zh-CN', true)).toEqual(['phrases', 'handwriting', 'pinyin'])
    expect(methodsFor('prose', 'zh-HK', false)).toEqual(['handwriting', 'pinyin'])
    expect(methodsFor('prose', 'en', true)).toEqual(['phrases', 'english', 'handwriting', 'pinyin'])
  })
  it('builds addresses from tiles first, and gives staff numbers and passwords keys only', () => {
    expect(methodsFor('address', 'zh-CN', false)[0]).toBe('tiles')
    expect(methodsFor('address', 'en', false)).toContain('english')
    expect(methodsFor('staffNo', 'en', true)).toEqual(['keys'])
    expect(methodsFor('password', 'zh-CN', false)).toEqual(['keys'])
  })
  it('offers English only in English, and every language can write Chinese', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('prose' as const, 'address' as const),
        fc.constantFrom('zh-CN' as const, 'zh-HK' as const, 'en' as const),
        fc.boolean(),
        (kind, language, phrases) => {
          const methods = methodsFor(kind, language, phrases)
          expect(methods.includes('english')).toBe(language === 'en')
          expect(methods).toEqual(expect.arrayContaining(['handwriting', 'pinyin']))
          expect(new Set(methods).size).toBe(methods.length)
        },
      ),
    )
  })
})

describe('writing and deleting', () => {
  it('never lets the text grow past its limit, counting characters as people see them', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (pieces, max) => {
        let value = ''
        for (const p of pieces) value = insertText(value, p, max)
        expect(lengthOf(value)).toBeLessThanOrEqual(max)
        // Never half a character (a surrogate pair stays whole).
        expect(value).toBe([...value].join(''))
      }),
    )
  })
  it('删除 takes back exactly the last tile or character written', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), piece, (before, last) => {
        const value = before.join('')
        const written = insertText(value, last, 1000)
        const back = deleteLast(written, TILES)
        // A tile comes back whole; a digit or character one at a time. Either way, what was
        // there before (or a prefix of it, when the tile's text also ends the earlier text).
        if (TILES.includes(last) || [...last].length === 1) expect(written.startsWith(back)).toBe(true)
        if (!TILES.some((t) => t.length > 1 && written.endsWith(t))) expect(back).toBe(value)
      }),
    )
  })
  it('deletes the whole tile, not half of it', () => {
    expect(deleteLast('3号楼2单元', TILES)).toBe('3号楼2')
    expect(deleteLast('3号楼', TILES)).toBe('3')
    expect(deleteLast('501室', TILES)).toBe('501')
    expect(deleteLast('路灯𠀋', TILES)).toBe('路灯')
    expect(deleteLast('', TILES)).toBe('')
  })
})

describe('spelling pinyin', () => {
  it('takes lower-case letters and one separator at a time, up to a limit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(..."abcxyz'1A "), { maxLength: 60 }), (keys) => {
        let letters = ''
        for (const k of keys) letters = spell(letters, k)
        expect(letters).toMatch(/^([a-z]+'?)*$/)
        expect(letters.length).toBeLessThanOrEqual(MAX_PINYIN_LETTERS)
        expect(letters).not.toMatch(/''/)
      }),
    )
  })
  it('keeps the syllables a chosen word did not cover', () => {
    expect(afterChoice(['lu', 'deng'], 1)).toBe('deng')
    expect(afterChoice(['lu', 'deng'], 2)).toBe('')
    expect(afterChoice(['bu', 'liang', 'l'], 1)).toBe("liang'l")
  })
})

describe('keys for staff numbers and candidate pages', () => {
  it('writes a staff number in capitals and digits only', () => {
    expect(['h', '1', '0', '0', '1', '-', '号'].map(staffNoKey).join('')).toBe('H1001')
  })
  it('pages candidates without losing or repeating one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 50 }),
        fc.integer({ min: 1, max: 10 }),
        (items, size) => {
          const seen: string[] = []
          for (let page = 0; ; page += 1) {
            const { items: shown, more } = pageOf(items, page, size)
            seen.push(...shown)
            if (!more) break
          }
          expect(seen).toEqual(items)
        },
      ),
    )
  })
})
