/**
 * A big on-screen number pad, so no system keyboard (and no input method) ever appears.
 * The value is shown large above it and announced as it changes.
 */
import { Text, View } from '@tarojs/components'
import { useT } from '../i18n/useT'
import { grouped, maskDigits } from '@bangban/core/format/digits'
import { Pressable } from './Pressable'
import { a11y } from './a11y'

export interface KeypadProps {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly maxLength: number
  /** Shown before the digits, e.g. the account letter. */
  readonly prefix?: string
  /** Groups digits for reading, e.g. [3, 4, 4] for a mobile number. */
  readonly grouping?: readonly number[]
  readonly placeholder?: string
  /** Show only the first 3 and last 4 digits (a helper typing a resident's number). */
  readonly masked?: boolean
}

export function Keypad({
  label,
  value,
  onChange,
  maxLength,
  prefix,
  grouping,
  placeholder,
  masked,
}: KeypadProps) {
  const t = useT()
  const press = (digit: string) => {
    if (value.length < maxLength) onChange(value + digit)
  }
  return (
    <View className="bb-keypad">
      <View
        className="bb-keypad-display"
        {...a11y({ role: 'textbox', 'aria-readonly': 'true', 'aria-label': label, 'aria-live': 'polite' })}
      >
        {value || prefix ? (
          <Text className="bb-keypad-value">
            {`${prefix ?? ''}${grouped(masked ? maskDigits(value) : value, grouping)}`}
          </Text>
        ) : (
          // A hint, not a value: lighter, smaller and not bold, so it never looks typed.
          <Text className="bb-keypad-placeholder">{placeholder ?? ''}</Text>
        )}
      </View>
      <View className="bb-keypad-keys" {...a11y({ role: 'group', 'aria-label': t('keypad.label') })}>
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
          <Pressable
            key={digit}
            label={digit}
            onPress={() => press(digit)}
            className="bb-key"
            testId={`key-${digit}`}
          >
            <Text>{digit}</Text>
          </Pressable>
        ))}
        <Pressable label={t('keypad.clear')} onPress={() => onChange('')} className="bb-key bb-key-action">
          <Text>{t('keypad.clear')}</Text>
        </Pressable>
        <Pressable label="0" onPress={() => press('0')} className="bb-key" testId="key-0">
          <Text>0</Text>
        </Pressable>
        <Pressable
          label={t('keypad.delete')}
          onPress={() => onChange(value.slice(0, -1))}
          className="bb-key bb-key-action"
        >
          <Text>{t('keypad.delete')}</Text>
        </Pressable>
      </View>
    </View>
  )
}
