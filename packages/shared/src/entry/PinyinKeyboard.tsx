/**
 * 拼音: large letter keys, the syllables being spelled ("lu deng"), and the words and characters
 * they can be (路灯 first, then 路, 陆 …) from the dictionary the door's engine loads when the
 * keyboard first opens. Choosing a word consumes the syllables it covers; the rest stay spelled.
 */
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import type { InputScript, PinyinAnswer } from '../platform/textInput'
import { a11y } from '../ui/a11y'
import { Notice } from '../ui/Notice'
import { CandidateBar } from './CandidateBar'
import { KeyGrid, type Key } from './KeyGrid'
import { afterChoice, DIGITS, LETTER_ROWS, pageOf, spell } from './text'
import { useSay } from './useSay'

/** Candidates on one page of the bar. */
const PAGE = 8
/** Asked for at once, paged with 更多. */
const ASKED = 48

export interface PinyinKeyboardProps {
  readonly script: InputScript
  readonly onChoose: (text: string) => void
  /** The entry's edit keys: 删除 here first takes back a letter being spelled. */
  readonly keys: readonly Key[]
  /** 删除 with nothing spelled: the entry deletes a character. */
  readonly onDelete: () => void
}

export function PinyinKeyboard({ script, onChoose, keys, onDelete }: PinyinKeyboardProps) {
  const t = useT()
  const say = useSay()
  const engine = usePlatform().textInput
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>(engine ? 'loading' : 'failed')
  const [letters, setLetters] = useState('')
  const [answer, setAnswer] = useState<PinyinAnswer>({ tokens: [], candidates: [] })
  const [page, setPage] = useState(0)
  const [punctuating, setPunctuating] = useState(false)
  const asked = useRef(0)

  useEffect(() => {
    if (!engine) return
    setStatus('loading')
    engine.preparePinyin(script).then(
      () => setStatus('ready'),
      () => setStatus('failed'),
    )
  }, [engine, script])

  useEffect(() => {
    setPage(0)
    if (!engine || status !== 'ready' || letters === '') {
      setAnswer({ tokens: [], candidates: [] })
      return
    }
    asked.current += 1
    const mine = asked.current
    void engine.pinyin(script, letters.replace(/'+$/, ''), ASKED).then(
      (a) => {
        if (mine === asked.current) setAnswer(a)
      },
      () => undefined,
    )
  }, [engine, script, letters, status])

  const choose = (text: string, index: number) => {
    if (punctuating) {
      onChoose(text)
      setPunctuating(false)
      return
    }
    const chosen = answer.candidates[page * PAGE + index]
    onChoose(text)
    say(text)
    setLetters(chosen ? afterChoice(answer.tokens, chosen.covers) : '')
  }

  const type = (key: string) => {
    setPunctuating(false)
    setLetters((l) => spell(l, key))
  }

  const shown = pageOf(
    answer.candidates.map((c) => c.text),
    page,
    PAGE,
  )
  const letterKey = (k: string): Key => ({ id: k, label: k, onPress: () => type(k) })
  const edit = keys.map((k): Key => {
    if (k.id === 'delete')
      return { ...k, onPress: () => (letters ? setLetters((l) => l.slice(0, -1)) : onDelete()) }
    // 空格 while spelling writes the first candidate, as phone input methods do.
    if (k.id === 'space' && letters && shown.items[0] !== undefined)
      return { ...k, onPress: () => choose(shown.items[0]!, 0) }
    return k
  })
  const marks = [...t('textEntry.punctuationMarks')]

  return (
    <View className="bb-pinyin">
      <View className="bb-pinyin-spelled" {...a11y({ role: 'status' })}>
        <Text>
          {letters
            ? t('textEntry.pinyinTyped', { letters: answer.tokens.join(' ') || letters })
            : t('textEntry.pinyinHint')}
        </Text>
      </View>
      {status === 'failed' ? <Notice kind="error" title={t('textEntry.unavailable')} /> : null}
      {status === 'loading' && letters ? (
        <View className="bb-entry-status" {...a11y({ role: 'status' })}>
          <Text>{t('textEntry.preparingPinyin')}</Text>
        </View>
      ) : null}
      <CandidateBar
        label={t('textEntry.candidates')}
        items={punctuating ? marks : shown.items}
        onChoose={choose}
        hint=""
        more={
          !punctuating && (shown.more || page > 0)
            ? { label: t('textEntry.more'), onPress: () => setPage((p) => (shown.more ? p + 1 : 0)) }
            : null
        }
      />
      <KeyGrid
        label={t('textEntry.method.pinyin')}
        className="bb-letter-keys"
        rows={[
          [...DIGITS].map((d) => ({ id: d, label: d, onPress: () => onChoose(d) })),
          ...LETTER_ROWS.map((row, r) => [
            ...[...row].map(letterKey),
            ...(r === 2 ? [{ id: 'apostrophe', label: "'", name: "'", onPress: () => type("'") }] : []),
          ]),
          [
            {
              id: 'punctuation',
              label: t('textEntry.punctuation'),
              onPress: () => setPunctuating((p) => !p),
              selected: punctuating,
              action: true,
            },
            ...edit,
          ],
        ]}
      />
    </View>
  )
}
