import { Text } from '@tarojs/components'
import { Icon } from './Icon'
import type { IconName } from './icons'
import { Pressable } from './Pressable'

/** A big square choice on the home screen and in category lists. */
export function Tile({
  label,
  icon,
  onPress,
  hint,
  testId,
}: {
  label: string
  icon: IconName
  onPress: () => void
  hint?: string
  testId?: string
}) {
  return (
    <Pressable
      label={label}
      {...(hint ? { description: hint } : {})}
      onPress={onPress}
      className="bb-tile"
      {...(testId ? { testId } : {})}
    >
      <Icon name={icon} size={120} />
      <Text className="bb-tile-label">{label}</Text>
      {/* The space keeps the visible text equal to the accessible name "label hint". */}
      {hint ? ' ' : null}
      {hint ? <Text className="bb-tile-hint">{hint}</Text> : null}
    </Pressable>
  )
}
