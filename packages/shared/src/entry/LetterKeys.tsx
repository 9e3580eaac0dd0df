/**
 * Letter keyboards that write straight into the field: English (en), a staff number (capitals and
 * digits: H1001) and a password (both cases, digits and a few symbols). Large keys in the order of
 * a phone's keyboard; digits on top.
 */
import { useState } from 'react'
import { useT } from '../i18n/useT'
import { KeyGrid, type Key } from './KeyGrid'
import { DIGITS, LETTER_ROWS, PASSWORD_SYMBOLS, staffNoKey } from './text'

export type LetterLayout = 'english' | 'staffNo' | 'password'

export function LetterKeys({
  layout,
  onKey,
  keys,
}: {
  layout: LetterLayout
  /** Writes one character. */
  onKey: (text: string) => void
  /** The entry's edit keys (删除, 空格, 清空, 完成). */
  keys: readonly Key[]
}) {
  const t = useT()
  const [capitals, setCapitals] = useState(layout === 'staffNo')
  const [symbols, setSymbols] = useState(false)
  const write = (k: string) => onKey(layout === 'staffNo' ? staffNoKey(k) : k)
  const letter = (k: string): Key => {
    const shown = capitals ? k.toUpperCase() : k
    return { id: shown, label: shown, onPress: () => write(shown) }
  }
  const rows: Key[][] = [[...DIGITS].map((d) => ({ id: d, label: d, onPress: () => write(d) }))]
  if (symbols) {
    const marks = [...(layout === 'password' ? PASSWORD_SYMBOLS : t('textEntry.punctuationMarks'))]
    for (let i = 0; i < marks.length; i += 7)
      rows.push(marks.slice(i, i + 7).map((m) => ({ id: `symbol-${m}`, label: m, onPress: () => write(m) })))
  } else rows.push(...LETTER_ROWS.map((row) => [...row].map(letter)))
  const modes: Key[] =
    layout === 'staffNo'
      ? []
      : [
          {
            id: 'shift',
            label: capitals ? t('textEntry.lower') : t('textEntry.shift'),
            onPress: () => {
              setSymbols(false)
              setCapitals((c) => !c)
            },
            action: true,
          },
          {
            id: 'symbols',
            label: symbols ? t('textEntry.letters') : t('textEntry.symbols'),
            onPress: () => setSymbols((s) => !s),
            action: true,
          },
        ]
  rows.push([...modes, ...keys])
  return <KeyGrid label={t('textEntry.method.keys')} className="bb-letter-keys" rows={rows} />
}
