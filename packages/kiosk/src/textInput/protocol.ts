/** Messages between the kiosk page and its text input worker (worker.ts). */
import type { InputScript, PadStroke, PinyinAnswer } from '@bangban/shared/platform/textInput'

export type WorkerRequest =
  | { readonly op: 'prepareHandwriting'; readonly base: string; readonly script: InputScript }
  | {
      readonly op: 'recognize'
      readonly script: InputScript
      readonly strokes: readonly PadStroke[]
      readonly n: number
    }
  | { readonly op: 'follow'; readonly script: InputScript; readonly char: string; readonly n: number }
  | { readonly op: 'preparePinyin'; readonly base: string; readonly script: InputScript }
  | { readonly op: 'pinyin'; readonly script: InputScript; readonly letters: string; readonly n: number }

export interface WorkerAnswers {
  prepareHandwriting: { readonly ms: number }
  recognize: { readonly chars: string[]; readonly ms: number }
  follow: { readonly chars: string[] }
  preparePinyin: { readonly ms: number }
  pinyin: PinyinAnswer
}

export type Envelope = WorkerRequest & { readonly id: number }

export type Reply =
  | { readonly id: number; readonly ok: true; readonly result: WorkerAnswers[keyof WorkerAnswers] }
  | { readonly id: number; readonly ok: false; readonly error: string }
