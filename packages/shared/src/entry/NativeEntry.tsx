/**
 * A text field where the platform has a keyboard of its own (the mini-program: WeChat's keyboard,
 * with its handwriting and voice input): the screen's phrases first, WeChat's field, and 说话 where
 * the platform can listen (WechatSI), which adds what was heard to the text.
 */
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { useAppState } from '../state/useAppState'
import { a11y } from '../ui/a11y'
import { Button } from '../ui/Button'
import { Pressable } from '../ui/Pressable'
import { TextField } from '../ui/TextField'
import { insertText } from './text'
import type { TextEntryProps } from './props'

/** WechatSI records at most 60 s; a description rarely takes more than half a minute. */
const LISTEN_MS = 30000

export function NativeEntry({ kind, label, value, onChange, maxLength, phrases, testId }: TextEntryProps) {
  const t = useT()
  const { listener } = usePlatform()
  const { language } = useAppState()
  const [listening, setListening] = useState(false)
  const [notHeard, setNotHeard] = useState(false)
  const prose = kind === 'prose' || kind === 'address'

  const talk = () => {
    if (!listener) return
    if (listening) {
      listener.stop()
      return
    }
    setListening(true)
    setNotHeard(false)
    listener.listen({ lang: language, timeoutMs: LISTEN_MS }).then(
      (heard) => {
        setListening(false)
        if (heard) onChange(insertText(value, heard, maxLength))
        else setNotHeard(true)
      },
      () => {
        setListening(false)
        setNotHeard(true)
      },
    )
  }

  return (
    <View className="bb-entry" data-testid={testId}>
      {phrases && phrases.options.length > 0 ? (
        <View
          className="bb-choices bb-columns-2"
          {...a11y({ role: 'group', 'aria-label': t('textEntry.method.phrases') })}
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
      {prose ? (
        <TextField
          label={label}
          value={value}
          onChange={onChange}
          maxLength={maxLength}
          short={kind === 'address'}
        />
      ) : (
        <View className="bb-field">
          <Text className="bb-field-label">{label}</Text>
          <Input
            className="bb-input"
            value={value}
            password={kind === 'password'}
            maxlength={maxLength}
            onInput={(e) => onChange(e.detail.value)}
            {...a11y({ ariaLabel: label })}
          />
        </View>
      )}
      {prose && listener?.available() ? (
        <View className="bb-actions">
          <Button
            label={t('textEntry.talk')}
            icon="speaker"
            onPress={talk}
            selected={listening}
            testId="entry-talk"
          />
          <View {...a11y({ role: 'status' })}>
            <Text className="bb-text">
              {listening ? t('textEntry.listening') : notHeard ? t('textEntry.notHeard') : ''}
            </Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
