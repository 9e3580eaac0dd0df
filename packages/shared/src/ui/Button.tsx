import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { colors } from '@bangban/core/theme/tokens'
import { Icon } from './Icon'
import type { IconName } from './icons'
import type { PressableProps } from './Pressable'
import { Pressable } from './Pressable'
import { a11y } from './a11y'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet'

export interface ButtonProps extends Omit<PressableProps, 'role'> {
  readonly variant?: ButtonVariant
  readonly icon?: IconName
  /**
   * What is missing while the button is disabled ("请先输入户号"). Pressing the disabled button shows
   * it beside the button and hands it to onExplain (the screen says it aloud).
   */
  readonly disabledReason?: string
  readonly onExplain?: (reason: string) => void
}

/** A large labelled button. One primary button per screen: the obvious next step. */
export function Button({ variant = 'secondary', icon, disabledReason, onExplain, ...props }: ButtonProps) {
  const [explained, setExplained] = useState(false)
  const { disabled } = props
  // Once the button can be pressed the explanation has done its work.
  useEffect(() => {
    if (!disabled) setExplained(false)
  }, [disabled])
  const explain = () => {
    if (disabledReason) {
      setExplained(true)
      onExplain?.(disabledReason)
    }
    props.onDisabledPress?.()
  }
  const button = (
    <Pressable
      {...props}
      onDisabledPress={explain}
      className={`bb-button bb-button-${variant} ${props.className ?? ''}`}
    >
      {icon ? (
        <Icon
          name={icon}
          size={40}
          color={
            disabled
              ? colors.textMuted
              : variant === 'primary'
                ? colors.onPrimary
                : variant === 'danger'
                  ? colors.danger
                  : colors.primary
          }
        />
      ) : null}
      <Text className="bb-button-label">{props.label}</Text>
    </Pressable>
  )
  if (!(disabled && disabledReason && explained)) return button
  return (
    <>
      {button}
      <View
        className="bb-disabled-reason"
        {...a11y({ role: 'alert', 'data-testid': props.testId ? `${props.testId}-why` : undefined })}
      >
        <Text>{disabledReason}</Text>
      </View>
    </>
  )
}
