/**
 * A QR / barcode scanner in keyboard mode types its code as a burst of keys a few milliseconds
 * apart, then Enter. People type far slower, so timing tells the two apart. Fed from the main
 * process's `before-input-event`, it says which keys to keep from the page: the Enter ending a
 * scan (it would press the focused button) and the keys of a burst once it is surely a scanner.
 */
export interface WedgeOptions {
  /** Longest gap between two keys of one scan. */
  readonly maxKeyGapMs: number
  /** Shortest code accepted; shorter bursts ending in Enter are typing. */
  readonly minLength: number
}

export type KeyVerdict = 'pass' | 'swallow'

/** Keys that a scanner sends around characters (Shift for capitals) and that do not break a burst. */
const IGNORED = new Set(['Shift', 'CapsLock'])
const MAX_CODE_LENGTH = 4096

export interface WedgeDecoder {
  /** One keyDown: its `key` value and when it arrived (ms). */
  key(key: string, at: number): KeyVerdict
  reset(): void
}

export function wedgeDecoder(
  options: WedgeOptions,
  onScan: (text: string) => void,
  onImeSuspected: () => void = () => undefined,
): WedgeDecoder {
  let buffer = ''
  let lastAt = Number.NEGATIVE_INFINITY
  const reset = () => {
    buffer = ''
    lastAt = Number.NEGATIVE_INFINITY
  }
  return {
    key(key, at) {
      if (IGNORED.has(key)) return 'pass'
      const fast = at - lastAt <= options.maxKeyGapMs
      if (key === 'Enter') {
        const scanned = fast && buffer.length >= options.minLength ? buffer : null
        reset()
        if (scanned === null) return 'pass'
        onScan(scanned)
        return 'swallow'
      }
      // An input method in Chinese mode eats the letters: the keys arrive as 'Process'.
      if (key === 'Process') {
        if (fast) onImeSuspected()
        lastAt = at
        return 'pass'
      }
      if ([...key].length !== 1) {
        reset()
        return 'pass'
      }
      if (fast && buffer.length < MAX_CODE_LENGTH) buffer += key
      else buffer = key
      lastAt = at
      return buffer.length > options.minLength ? 'swallow' : 'pass'
    },
    reset,
  }
}
