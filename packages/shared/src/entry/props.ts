/** What every text field of the screens says about itself to TextEntry. */
import type { EntryKind } from './text'

export interface EntryPhrases {
  readonly options: readonly string[]
  /** Said above them ("常见问题（可以选几个）"). */
  readonly hint?: string
  readonly selected: readonly string[]
  readonly onToggle: (phrase: string) => void
}

export interface TextEntryProps {
  readonly kind: EntryKind
  /** The field's name, as heard and as the box is called. */
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly maxLength: number
  /** What the box shows, when more than the value (the phrases chosen before it). */
  readonly shown?: string
  /** The screen's common phrases: the first tab. */
  readonly phrases?: EntryPhrases
  /** Whether the input is on screen; a screen with several fields opens one at a time. */
  readonly open?: boolean
  readonly onOpen?: () => void
  /** After 完成 (and its read-back). */
  readonly onDone?: () => void
  /** Uncontrolled: start with the input closed (a field that may stay empty). */
  readonly startClosed?: boolean
  readonly testId?: string
}
