import { encodeCharacters, SIMPLIFIED } from '../src/format'
import { loadHandwriting } from '../src/load'

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
