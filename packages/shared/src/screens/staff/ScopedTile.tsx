import { Text } from '@tarojs/components'
import { Icon } from '../../ui/Icon'
import type { IconName } from '../../ui/icons'
import { Pressable } from '../../ui/Pressable'
import { Tile } from '../../ui/Tile'

/**
 * A home tile that a helper's grant may not cover: shown, but switched off, with the reason in
 * words (read with its name), so the helper can tell the resident why.
 */
export function ScopedTile({
  label,
  icon,
  hint,
  onPress,
  testId,
  blockedReason,
}: {
  label: string
  icon: IconName
  hint: string
  onPress: () => void
  testId: string
  /** Set when the grant does not cover this job. */
  blockedReason: string | null
}) {
  if (blockedReason === null)
    return <Tile label={label} icon={icon} hint={hint} onPress={onPress} testId={testId} />
  return (
    <Pressable
      label={label}
      description={blockedReason}
      onPress={() => undefined}
      disabled
      className="bb-tile bb-tile-blocked"
      testId={testId}
    >
      <Icon name={icon} size={120} />
      <Text className="bb-tile-label">{label}</Text> <Text className="bb-tile-hint">{blockedReason}</Text>
    </Pressable>
  )
}
