/**
 * Every control on every screen. Taro's H5 components are custom elements with no role and no
 * accessible name, so this gives each control a role, a name, focus and keyboard activation
 * (Enter and Space) on H5, and WeChat's aria attributes in the mini-program (a11y), where a press
 * also shows at once (hover-class) instead of nothing until the next screen.
 */
import { View } from '@tarojs/components'
import type { CSSProperties, PropsWithChildren } from 'react'
import { a11y, DOOR } from './a11y'

export interface PressableProps {
  readonly label: string
  readonly onPress: () => void
  readonly className?: string
  readonly style?: CSSProperties
  readonly role?: 'button' | 'radio' | 'checkbox' | 'link' | 'tab'
  readonly selected?: boolean
  readonly disabled?: boolean
  /** Called when a disabled control is pressed, so the screen can say what is missing. */
  readonly onDisabledPress?: () => void
  /** Extra description read after the name, e.g. "剩 3 个". */
  readonly description?: string
  readonly testId?: string
}

export function Pressable({
  label,
  onPress,
  className,
  style,
  role = 'button',
  selected,
  disabled,
  onDisabledPress,
  description,
  testId,
  children,
}: PropsWithChildren<PressableProps>) {
  const press = () => {
    if (!disabled) onPress()
    else onDisabledPress?.()
  }
  const onKeyDown = (event: { key?: string; preventDefault?: () => void }) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault?.()
      press()
    }
  }
  const stateProps =
    role === 'radio' || role === 'checkbox' || role === 'tab'
      ? { [role === 'tab' ? 'aria-selected' : 'aria-checked']: selected ? 'true' : 'false' }
      : selected !== undefined
        ? { 'aria-pressed': selected ? 'true' : 'false' }
        : {}
  return (
    <View
      className={`bb-pressable ${className ?? ''}${disabled ? ' bb-disabled' : ''}${selected ? ' bb-selected' : ''}${role === 'checkbox' ? ' bb-checkbox' : ''}`}
      style={style}
      {...a11y({
        role,
        'aria-label': description ? `${label} ${description}` : label,
        'aria-disabled': disabled ? 'true' : undefined,
        tabIndex: disabled ? -1 : 0,
        'data-testid': testId,
        ...stateProps,
      })}
      {...(DOOR === 'weapp'
        ? { hoverClass: disabled ? 'none' : 'bb-pressed', hoverStayTime: 150 }
        : { onKeyDown })}
      onClick={press}
    >
      {children}
    </View>
  )
}
