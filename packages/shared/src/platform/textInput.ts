/**
 * Offline text input for the on-screen pad and keyboards (issue 15): handwriting recognition, the
 * words offered after a character (联想) and pinyin candidates. A door provides it where it draws
 * its own input (the kiosk, in a Web Worker so writing never stutters); the mini-program has
 * WeChat's keyboard and needs none. Every call is answered asynchronously; data loads on first use.
 */
export type InputScript = 'simplified' | 'traditional'

export interface PadPoint {
  readonly x: number
  readonly y: number
  /** ms since the stroke began. */
  readonly t?: number
}

export type PadStroke = readonly PadPoint[]

export interface PinyinAnswer {
  /** The typed letters cut into syllables (or their beginnings). */
  readonly tokens: readonly string[]
  /** Best first; `covers`: how many of the tokens choosing it consumes. */
  readonly candidates: ReadonlyArray<{ readonly text: string; readonly covers: number }>
}

export interface TextInputEngine {
  /** Loads the handwriting data for a script, once; resolves when the pad can recognise. */
  prepareHandwriting(script: InputScript): Promise<void>
  /** Candidate characters for the strokes written so far, best first. */
  recognize(script: InputScript, strokes: readonly PadStroke[], n: number): Promise<string[]>
  /** What may follow a chosen character: the rest of common words, then single characters. */
  follow(script: InputScript, char: string, n: number): Promise<string[]>
  /** Loads the pinyin dictionary for a script, once. */
  preparePinyin(script: InputScript): Promise<void>
  pinyin(script: InputScript, letters: string, n: number): Promise<PinyinAnswer>
}
