/**
 * Every text field of the shared screens. It chooses its input by what the field holds and where
 * it runs:
 * - at the kiosk (touch only, no keyboard) no native text field is ever focused: the text shows in
 *   a large box and is written with big tabs of on-screen inputs — 常用语 (a screen's phrases,
 *   first), 手写 (the handwriting pad), 拼音, English in en, 门牌号 tiles for an address, and
 *   letter and digit keys for a staff number or password (masked, with 显示密码);
 * - in the mini-program WeChat's own field, keyboard and voice input, plus 说话 (WechatSI) where
 *   the platform can listen.
 * 完成 reads back what was written ("您写的是：路灯不亮"; never a password) and closes the input.
 */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { a11y } from '../ui/a11y'
import { Button } from '../ui/Button'
import { Pressable } from '../ui/Pressable'
import { AddressTiles, useTileTexts } from './AddressTiles'
import { HandwritingPad } from './HandwritingPad'
import type { Key } from './KeyGrid'
import { LetterKeys } from './LetterKeys'
import { NativeEntry } from './NativeEntry'
import { PinyinKeyboard } from './PinyinKeyboard'
import type { TextEntryProps } from './props'
import { deleteLast, insertText, lengthOf, methodsFor, type InputMethod } from './text'
import { useSay } from './useSay'

export function TextEntry(props: TextEntryProps) {
  const platform = usePlatform()
  if (platform.kind !== 'kiosk') return <NativeEntry {...props} />
  return <KioskEntry {...props} />
}

function KioskEntry({
  kind,
  label,
  value,
  onChange,
  maxLength,
  shown,
  phrases,
  open: openProp,
  onOpen,
  onDone,
  startClosed,
  testId,
}: TextEntryProps) {
  const t = useT()
  const say = useSay()
  const { language } = useAppState()
  const tiles = useTileTexts()
  const methods = methodsFor(kind, language, !!phrases && phrases.options.length > 0)
  const [method, setMethod] = useState<InputMethod>(methods[0]!)
  const [ownOpen, setOwnOpen] = useState(!startClosed)
  const [revealed, setRevealed] = useState(false)
  const open = openProp ?? ownOpen
  const current = methods.includes(method) ? method : methods[0]!
  const script = language === 'zh-HK' ? 'traditional' : 'simplified'
  const password = kind === 'password'

  const write = (text: string) => onChange(insertText(value, text, maxLength))
  const remove = () => {
    if (value) onChange(deleteLast(value, tiles))
    else if (phrases && phrases.selected.length > 0)
      phrases.onToggle(phrases.selected[phrases.selected.length - 1]!)
  }
  const clear = () => {
    onChange('')
    if (phrases) for (const p of phrases.selected) phrases.onToggle(p)
  }
  const display = shown ?? value
  const done = () => {
    if (password) say(t('textEntry.spoken.typedCount', { count: lengthOf(value) }))
    else say(display ? t('textEntry.spoken.readBack', { text: display }) : t('textEntry.spoken.nothing'))
    if (openProp === undefined) setOwnOpen(false)
    onDone?.()
  }
  const reopen = () => {
    if (openProp === undefined) setOwnOpen(true)
    onOpen?.()
  }
  const choose = (m: InputMethod) => {
    setMethod(m)
    say(t(`textEntry.spoken.${m}`))
  }

  const editKeys: Key[] = [
    { id: 'delete', label: t('textEntry.delete'), onPress: remove, action: true },
    ...(kind === 'prose' || kind === 'address' || current === 'english'
      ? [{ id: 'space', label: t('textEntry.space'), onPress: () => write(' '), action: true }]
      : []),
    { id: 'clear', label: t('textEntry.clear'), onPress: clear, action: true },
    { id: 'done', label: t('textEntry.done'), onPress: done, action: true },
  ]

  const masked = password && !revealed
  const boxText = masked ? '●'.repeat(lengthOf(value)) : display

  return (
    <View className={`bb-entry${open ? ' bb-entry-open' : ''}`} data-testid={testId}>
      <Text className="bb-field-label">{label}</Text>
      <View className="bb-entry-head">
        <Pressable
          label={open ? label : `${label} ${t('textEntry.edit')}`}
          onPress={reopen}
          className="bb-entry-display"
          role="button"
          // The name holds what the box shows (WCAG 2.5.3): the hint while empty, never the password.
          description={
            password
              ? value
                ? t('textEntry.typedCount', { count: lengthOf(value) })
                : t('textEntry.empty')
              : display || t('textEntry.empty')
          }
          testId={testId ? `${testId}-box` : undefined}
        >
          {boxText ? (
            <Text className="bb-entry-value" data-testid={testId ? `${testId}-value` : undefined}>
              {boxText}
            </Text>
          ) : (
            <Text className="bb-entry-placeholder">{t('textEntry.empty')}</Text>
          )}
          {open ? <Text className="bb-entry-caret" {...a11y({ 'aria-hidden': 'true' })} /> : null}
        </Pressable>
        {password ? (
          <Pressable
            role="checkbox"
            selected={revealed}
            label={t('textEntry.showPassword')}
            onPress={() => setRevealed((r) => !r)}
            className="bb-chip bb-entry-reveal"
            testId={testId ? `${testId}-reveal` : undefined}
          >
            <Text>{t('textEntry.showPassword')}</Text>
          </Pressable>
        ) : null}
        {open ? null : <Button label={t('textEntry.edit')} onPress={reopen} className="bb-entry-edit" />}
      </View>
      {open ? (
        <>
          {methods.length > 1 ? (
            <View
              className="bb-entry-tabs"
              {...a11y({ role: 'tablist', 'aria-label': t('textEntry.methods') })}
            >
              {methods.map((m) => (
                <Pressable
                  key={m}
                  role="tab"
                  selected={m === current}
                  label={t(`textEntry.method.${m}`)}
                  onPress={() => choose(m)}
                  className="bb-entry-tab"
                  testId={`entry-tab-${m}`}
                >
                  <Text>{t(`textEntry.method.${m}`)}</Text>
                </Pressable>
              ))}
            </View>
          ) : null}
          <View
            className="bb-entry-panel"
            {...a11y({
              role: methods.length > 1 ? 'tabpanel' : 'group',
              'aria-label': t(`textEntry.method.${current}`),
            })}
          >
            {current === 'phrases' && phrases?.hint ? <Text className="bb-text">{phrases.hint}</Text> : null}
            {current === 'phrases' && phrases ? (
              <View
                className="bb-choices bb-columns-2"
                {...a11y({ role: 'group', 'aria-label': phrases.hint ?? t('textEntry.method.phrases') })}
              >
                {phrases.options.map((p) => (
                  <Pressable
                    key={p}
                    role="checkbox"
                    selected={phrases.selected.includes(p)}
                    label={p}
                    onPress={() => phrases.onToggle(p)}
                    className="bb-choice"
                  >
                    <Text className="bb-choice-label">{p}</Text>
                  </Pressable>
                ))}
              </View>
            ) : null}
            {current === 'handwriting' ? (
              <HandwritingPad script={script} onChoose={write} keys={editKeys} />
            ) : null}
            {current === 'pinyin' ? (
              <PinyinKeyboard script={script} onChoose={write} keys={editKeys} onDelete={remove} />
            ) : null}
            {current === 'english' ? <LetterKeys layout="english" onKey={write} keys={editKeys} /> : null}
            {current === 'keys' ? (
              <LetterKeys
                layout={kind === 'password' ? 'password' : 'staffNo'}
                onKey={write}
                keys={editKeys}
              />
            ) : null}
            {current === 'tiles' ? <AddressTiles onKey={write} keys={editKeys} /> : null}
          </View>
        </>
      ) : null}
    </View>
  )
}
