/**
 * Just enough WAV (RIFF, 16-bit PCM, mono) to trim and write the generated clips and to read their
 * durations in tests, without an audio library.
 */

export interface Pcm {
  readonly sampleRate: number
  /** Mono samples, -32768 … 32767. */
  readonly samples: Int16Array
}

function ascii(view: DataView, offset: number, length: number): string {
  let s = ''
  for (let i = 0; i < length; i += 1) s += String.fromCharCode(view.getUint8(offset + i))
  return s
}

/** Reads a 16-bit PCM WAV; stereo is mixed down. Throws on anything else. */
export function parseWav(bytes: Uint8Array): Pcm {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.byteLength < 12 || ascii(view, 0, 4) !== 'RIFF' || ascii(view, 8, 4) !== 'WAVE')
    throw new Error('not a RIFF/WAVE file')
  let format: { channels: number; sampleRate: number; bits: number; tag: number } | null = null
  for (let offset = 12; offset + 8 <= bytes.byteLength;) {
    const id = ascii(view, offset, 4)
    // espeak-ng writes 0x7fffffff as the data size when it streams to stdout: trust the file's end.
    const declared = view.getUint32(offset + 4, true)
    const size = Math.min(declared, bytes.byteLength - offset - 8)
    const body = offset + 8
    if (id === 'fmt ') {
      format = {
        tag: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      }
    } else if (id === 'data') {
      if (!format || format.tag !== 1 || format.bits !== 16)
        throw new Error('only 16-bit PCM WAV is supported')
      const frames = Math.floor(size / (2 * format.channels))
      const samples = new Int16Array(frames)
      for (let i = 0; i < frames; i += 1) {
        let sum = 0
        for (let c = 0; c < format.channels; c += 1)
          sum += view.getInt16(body + (i * format.channels + c) * 2, true)
        samples[i] = Math.round(sum / format.channels)
      }
      return { sampleRate: format.sampleRate, samples }
    }
    offset = body + size + (size % 2)
  }
  throw new Error('no data chunk')
}

export function durationMs(pcm: Pcm): number {
  return (pcm.samples.length / pcm.sampleRate) * 1000
}

/** A mono 16-bit PCM WAV file. */
export function encodeWav(pcm: Pcm): Uint8Array {
  const dataBytes = pcm.samples.length * 2
  const bytes = new Uint8Array(44 + dataBytes)
  const view = new DataView(bytes.buffer)
  const text = (offset: number, s: string) => {
    for (let i = 0; i < s.length; i += 1) view.setUint8(offset + i, s.charCodeAt(i))
  }
  text(0, 'RIFF')
  view.setUint32(4, 36 + dataBytes, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, 1, true)
  view.setUint32(24, pcm.sampleRate, true)
  view.setUint32(28, pcm.sampleRate * 2, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  text(36, 'data')
  view.setUint32(40, dataBytes, true)
  pcm.samples.forEach((s, i) => view.setInt16(44 + i * 2, s, true))
  return bytes
}

/**
 * Cuts leading and trailing silence (below `threshold` of full scale), keeping `padMs` so that
 * consonants are not clipped; the player adds the pauses between clips itself.
 */
export function trimSilence(pcm: Pcm, threshold = 0.02, padMs = 15): Pcm {
  const limit = threshold * 32768
  const { samples } = pcm
  let start = 0
  while (start < samples.length && Math.abs(samples[start]!) < limit) start += 1
  let end = samples.length
  while (end > start && Math.abs(samples[end - 1]!) < limit) end -= 1
  const pad = Math.round((pcm.sampleRate * padMs) / 1000)
  return {
    sampleRate: pcm.sampleRate,
    samples: samples.slice(Math.max(0, start - pad), Math.min(samples.length, end + pad)),
  }
}

/** Halves the sample rate with a small low-pass (espeak's voice has little above 5 kHz). */
export function halveRate(pcm: Pcm): Pcm {
  const { samples } = pcm
  const out = new Int16Array(Math.floor(samples.length / 2))
  for (let i = 0; i < out.length; i += 1) {
    const a = samples[2 * i - 1] ?? samples[0]!
    const b = samples[2 * i]!
    const c = samples[2 * i + 1] ?? b
    out[i] = Math.round(0.25 * a + 0.5 * b + 0.25 * c)
  }
  return { sampleRate: pcm.sampleRate / 2, samples: out }
}
