/**
 * The characters the syllable clips must cover: every character of GB 2312 (6,763, the mainland's
 * common set) and of Big5 level 1 (5,401, the common traditional set), so names, places and typed
 * descriptions can be read whatever script the data is in. The handwriting recogniser takes its
 * candidate sets from the same two standards (packages/handwriting/scripts/build-data.ts).
 */
function decodeRange(
  encoding: string,
  leads: [number, number],
  trails: ReadonlyArray<[number, number]>,
): string[] {
  const decoder = new TextDecoder(encoding)
  const out: string[] = []
  for (let lead = leads[0]; lead <= leads[1]; lead += 1)
    for (const [from, to] of trails)
      for (let trail = from; trail <= to; trail += 1) {
        const ch = decoder.decode(new Uint8Array([lead, trail]))
        if ([...ch].length === 1 && /\p{Script=Han}/u.test(ch)) out.push(ch)
      }
  return out
}

/** GB 2312's 6,763 characters (level 1, the 3,755 most common, first). */
export function gb2312Characters(): string[] {
  return decodeRange('gb18030', [0xb0, 0xf7], [[0xa1, 0xfe]])
}

/** Big5 level 1: the 5,401 common traditional characters. */
export function big5Level1Characters(): string[] {
  return decodeRange(
    'big5',
    [0xa4, 0xc6],
    [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ],
  )
}

export function commonCharacters(): string[] {
  return [...new Set([...gb2312Characters(), ...big5Level1Characters()])]
}
