/**
 * Rows of large on-screen keys (letters, digits, tiles, edit keys): each a Pressable with its own
 * role and name, so the keyboards are as accessible as every other control.
 */
import { Text, View } from '@tarojs/components'
import { a11y } from '../ui/a11y'
import { Pressable } from '../ui/Pressable'

export interface Key {
  readonly id: string
  /** What the key shows. */
  readonly label: string
  /** What it is called, when not what it shows (删除 for ⌫, 大写 for ⇧). */
  readonly name?: string
  readonly onPress: () => void
  /** Relative width in its row (1 by default). */
  readonly span?: number
  readonly selected?: boolean
  readonly action?: boolean
  readonly disabled?: boolean
}

export function KeyGrid({
  label,
  rows,
  className,
}: {
  label: string
  rows: ReadonlyArray<readonly Key[]>
  className?: string
}) {
  return (
    <View className={`bb-keys ${className ?? ''}`} {...a11y({ role: 'group', 'aria-label': label })}>
      {rows.map((row, r) => (
        <View key={r} className="bb-keys-row">
          {row.map((key) => (
            <Pressable
              key={key.id}
              label={key.name ?? key.label}
              onPress={key.onPress}
              disabled={key.disabled}
              {...(key.selected !== undefined ? { selected: key.selected } : {})}
              className={`bb-entry-key${key.action ? ' bb-entry-key-action' : ''}`}
              style={{ flexGrow: key.span ?? 1, flexBasis: 0 }}
              testId={`entry-key-${key.id}`}
            >
              <Text>{key.label}</Text>
            </Pressable>
          ))}
        </View>
      ))}
    </View>
  )
}
