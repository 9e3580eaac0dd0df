import fc from 'fast-check'
import { createPinyinIndex, decodePinyin, encodePinyin, type PinyinEntry } from '../src/pinyin'

/** A small dictionary in frequency order, as scripts/build-data.ts writes it. */
const entries: PinyinEntry[] = [
  { simplified: '不', traditional: '不', syllables: ['bu'] },
  { simplified: '路', traditional: '路', syllables: ['lu'] },
  { simplified: '领导', traditional: '領導', syllables: ['ling', 'dao'] },
  { simplified: '楼', traditional: '樓', syllables: ['lou'] },
  { simplified: '陆', traditional: '陸', syllables: ['lu'] },
  { simplified: '灯', traditional: '燈', syllables: ['deng'] },
  { simplified: '等', traditional: '等', syllables: ['deng'] },
  { simplified: '亮', traditional: '亮', syllables: ['liang'] },
  { simplified: '路灯', traditional: '路燈', syllables: ['lu', 'deng'] },
  { simplified: '不亮', traditional: '不亮', syllables: ['bu', 'liang'] },
  { simplified: '西', traditional: '西', syllables: ['xi'] },
  { simplified: '先', traditional: '先', syllables: ['xian'] },
  { simplified: '西安', traditional: '西安', syllables: ['xi', 'an'] },
  { simplified: '安', traditional: '安', syllables: ['an'] },
  { simplified: '绿', traditional: '綠', syllables: ['lv'] },
]

const index = createPinyinIndex(encodePinyin(entries))
const texts = (letters: string) => index.candidates(letters, 8).map((c) => c.text)

describe('the pinyin keyboard dictionary', () => {
  it('round-trips through its text file', () => {
    expect(decodePinyin(encodePinyin(entries))).toEqual(entries)
  })

  it('offers the word for all the syllables first, then the characters of the first', () => {
    expect(texts('ludeng')).toEqual(['路灯', '路', '陆'])
    expect(texts("lu'deng")).toEqual(['路灯', '路', '陆'])
    expect(index.candidates('ludeng', 8)[0]).toEqual({ text: '路灯', covers: 2 })
  })

  it('leaves the syllables a chosen character did not cover', () => {
    expect(index.rest('ludeng', 1)).toBe('deng')
    expect(texts(index.rest('ludeng', 1))).toEqual(['灯', '等'])
  })

  it('matches a syllable still being typed, or only its initial', () => {
    expect(texts('ld').slice(0, 3)).toEqual(['领导', '路灯', '路'])
    expect(texts('lud')).toEqual(['路灯', '路', '陆'])
    expect(texts('l')).toEqual(['路', '楼', '陆', '亮', '绿'])
  })

  it('prefers whole syllables, and the one typed in full before longer ones it begins', () => {
    expect(index.segment('xian')?.tokens).toEqual(['xian'])
    expect(index.segment("xi'an")?.tokens).toEqual(['xi', 'an'])
    expect(texts('xi')).toEqual(['西', '先'])
  })

  it('answers in Hong Kong forms for zh-HK', () => {
    const hk = createPinyinIndex(entries, { script: 'traditional' })
    expect(hk.candidates('ludeng', 3).map((c) => c.text)).toEqual(['路燈', '路', '陸'])
    expect(hk.candidates('lv', 1)[0]?.text).toBe('綠')
  })

  it('cuts any letters into syllables and beginnings that spell them back, or says it cannot', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,12}$/), (letters) => {
        const seg = index.segment(letters)
        if (!seg) return
        expect(seg.tokens.join('')).toBe(letters)
        seg.tokens.forEach((token, i) => {
          const syllables = entries.flatMap((e) => e.syllables)
          expect(seg.whole[i] ? syllables.includes(token) : syllables.some((s) => s.startsWith(token))).toBe(
            true,
          )
        })
      }),
    )
  })

  it('never offers a candidate covering more syllables than were typed, nor one twice', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,10}$/), (letters) => {
        const seg = index.segment(letters)
        const found = index.candidates(letters, 20)
        expect(new Set(found.map((c) => c.text)).size).toBe(found.length)
        for (const c of found) expect(c.covers).toBeLessThanOrEqual(seg?.tokens.length ?? 0)
      }),
    )
  })
})
