import { decodeCharacters, encodeCharacters, SIMPLIFIED, TRADITIONAL, type StoredChar } from '../src/format'

describe('data file format', () => {
  const chars: StoredChar[] = [
    {
      char: '十',
      flags: SIMPLIFIED | TRADITIONAL,
      strokes: [
        [
          [10, 128],
          [245, 128],
        ],
        [
          [128, 10],
          [128, 250],
        ],
      ],
    },
    { char: '𠀀', flags: TRADITIONAL, strokes: [[[0, 0]]] },
  ]

  it('reads back what it wrote, including characters beyond the BMP', () => {
    expect(decodeCharacters(encodeCharacters(chars))).toEqual(chars)
  })

  it('refuses what is not its file, or another version of it', () => {
    expect(() => decodeCharacters(new Uint8Array([1, 2, 3, 4, 5]))).toThrow(/not a handwriting data file/)
    const bytes = encodeCharacters(chars)
    bytes[4] = 99
    expect(() => decodeCharacters(bytes)).toThrow(/version 99/)
  })

  it('refuses a truncated file', () => {
    const bytes = encodeCharacters(chars)
    expect(() => decodeCharacters(bytes.subarray(0, bytes.length - 1))).toThrow()
  })
})
