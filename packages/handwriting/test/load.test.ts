import { encodeCharacters, SIMPLIFIED } from '../src/format'
import { loadHandwriting, loadPinyin } from '../src/load'
import { encodePinyin } from '../src/pinyin'

const strokes = encodeCharacters([
  {
    char: '一',
    flags: SIMPLIFIED,
    strokes: [
      [
        [20, 128],
        [236, 128],
      ],
    ],
  },
])
const words = { simplified: { 一: '一起 一样' }, traditional: {} }

function fakeFetch(failFirst = false) {
  const asked: string[] = []
  let fail = failFirst
  const fetch = async (url: string) => {
    asked.push(url)
    if (fail) {
      fail = false
      return { ok: false, status: 503, arrayBuffer: async () => new ArrayBuffer(0), json: async () => ({}) }
    }
    return {
      ok: true,
      status: 200,
      arrayBuffer: async () => strokes.slice().buffer,
      json: async () => words,
    }
  }
  return { fetch, asked }
}

describe('loading the data in the kiosk', () => {
  it('fetches both files once from the base and answers with them', async () => {
    const { fetch, asked } = fakeFetch()
    const hw = await loadHandwriting('./hw-a/', 'simplified', fetch)
    await loadHandwriting('./hw-a/', 'traditional', fetch)
    expect(asked).toEqual(['./hw-a/strokes.bin', './hw-a/words.json'])
    expect(
      hw.recognizer.candidates([
        [
          { x: 10, y: 50 },
          { x: 90, y: 52 },
        ],
      ])[0]?.char,
    ).toBe('一')
    expect(hw.associations.words('一')).toEqual(['一起', '一样'])
  })

  it('tries again on the next opening after a failed fetch', async () => {
    const { fetch } = fakeFetch(true)
    await expect(loadHandwriting('./hw-b/', 'simplified', fetch)).rejects.toThrow(/HTTP 503/)
    await expect(loadHandwriting('./hw-b/', 'simplified', fetch)).resolves.toBeDefined()
  })
})

describe('loading the pinyin dictionary in the kiosk', () => {
  const text = encodePinyin([
    { simplified: '路', traditional: '路', syllables: ['lu'] },
    { simplified: '路灯', traditional: '路燈', syllables: ['lu', 'deng'] },
  ])
  it('fetches it once from the base for both scripts, and retries after a failure', async () => {
    const asked: string[] = []
    let fail = true
    const fetch = async (url: string) => {
      asked.push(url)
      const ok = !fail
      fail = false
      return {
        ok,
        status: ok ? 200 : 503,
        arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
        json: async () => ({}),
      }
    }
    await expect(loadPinyin('./py/', 'simplified', fetch)).rejects.toThrow('HTTP 503')
    const simplified = await loadPinyin('./py/', 'simplified', fetch)
    const traditional = await loadPinyin('./py/', 'traditional', fetch)
    expect(asked).toEqual(['./py/pinyin.txt', './py/pinyin.txt'])
    expect(simplified.candidates('ludeng', 1)[0]?.text).toBe('路灯')
    expect(traditional.candidates('ludeng', 1)[0]?.text).toBe('路燈')
  })
})
