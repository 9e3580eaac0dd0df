import { Text } from '@tarojs/components'
import { colors } from '@bangban/core/theme/tokens'
import { Icon } from './Icon'
import type { IconName } from './icons'
import type { PressableProps } from './Pressable'
import { Pressable } from './Pressable'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet'

/** A large labelled button. One primary button per screen: the obvious next step. */
export function Button({
  variant = 'secondary',
  icon,
  ...props
}: Omit<PressableProps, 'role'> & { variant?: ButtonVariant; icon?: IconName }) {
  return (
    <Pressable {...props} className={`bb-button bb-button-${variant} ${props.className ?? ''}`}>
      {icon ? (
        <Icon
          name={icon}
          size={40}
          color={
            variant === 'primary' ? colors.onPrimary : variant === 'danger' ? colors.danger : colors.primary
          }
        />
      ) : null}
      <Text className="bb-button-label">{props.label}</Text>
    </Pressable>
  )
}
