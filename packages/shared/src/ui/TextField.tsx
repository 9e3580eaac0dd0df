/**
 * Multi-line text entry. On H5 a native textarea, so its label reaches assistive technology (Taro's
 * H5 Textarea wraps the real one inside a custom element that the label cannot reach); in the
 * mini-program WeChat's own textarea.
 */
import { Textarea } from '@tarojs/components'
import { a11y } from './a11y'

export interface TextFieldProps {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly maxLength: number
  readonly short?: boolean
}

export function TextField({ label, value, onChange, maxLength, short }: TextFieldProps) {
  const className = `bb-textarea${short ? ' bb-textarea-short' : ''}`
  if (process.env.TARO_ENV === 'h5') {
    return (
      <textarea
        className={className}
        aria-label={label}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
      />
    )
  }
  return (
    <Textarea
      className={className}
      value={value}
      maxlength={maxLength}
      onInput={(e) => onChange(e.detail.value)}
      {...a11y({ 'aria-label': label })}
    />
  )
}
