/**
 * A one-line field for staff (staff number, password), typed on the system keyboard. On H5 a native
 * input inside its label, so the name reaches assistive technology; WeChat's Input elsewhere (the
 * mini-program has no staff pages, but the shared code must build there).
 */
import { Input, Text, View } from '@tarojs/components'
import { a11y } from '../../ui/a11y'

export interface StaffInputProps {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly password?: boolean
  readonly maxLength: number
  readonly onSubmit?: () => void
  readonly testId?: string
}

export function StaffInput({
  label,
  value,
  onChange,
  password,
  maxLength,
  onSubmit,
  testId,
}: StaffInputProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <label className="bb-field">
        <span className="bb-field-label">{label}</span>
        <input
          className="bb-input"
          type={password ? 'password' : 'text'}
          // A password stays uncontrolled: React would otherwise copy it into the value attribute,
          // into the markup. To clear it, the screen gives the field a new key.
          {...(password ? {} : { value })}
          maxLength={maxLength}
          autoComplete="off"
          autoCapitalize={password ? 'off' : 'characters'}
          spellCheck={false}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && onSubmit) onSubmit()
          }}
        />
      </label>
    )
  }
  return (
    <View className="bb-field">
      <Text className="bb-field-label">{label}</Text>
      <Input
        className="bb-input"
        value={value}
        password={password ?? false}
        maxlength={maxLength}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={() => onSubmit?.()}
        {...a11y({ ariaLabel: label })}
      />
    </View>
  )
}
