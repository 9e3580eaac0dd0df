import { Text, View } from '@tarojs/components'
import { Pressable } from './Pressable'
import { a11y } from './a11y'

export interface ChoiceItem {
  readonly id: string
  readonly label: string
  readonly detail?: string
  readonly disabled?: boolean
}

/**
 * A list of large options of which one is chosen (a radio group): departments, days, time slots.
 * Choosing moves on at once, so there is no separate "next" to find.
 */
export function ChoiceList({
  label,
  items,
  selectedId,
  onChoose,
  columns = 1,
}: {
  label: string
  items: readonly ChoiceItem[]
  selectedId?: string | null
  onChoose: (id: string) => void
  columns?: 1 | 2 | 3
}) {
  return (
    <View
      className={`bb-choices bb-columns-${columns}`}
      {...a11y({ role: 'radiogroup', 'aria-label': label })}
    >
      {items.map((item) => (
        <Pressable
          key={item.id}
          role="radio"
          label={item.label}
          {...(item.detail ? { description: item.detail } : {})}
          selected={item.id === selectedId}
          disabled={item.disabled ?? false}
          onPress={() => onChoose(item.id)}
          className="bb-choice"
        >
          <Text className="bb-choice-label">{item.label}</Text>
          {item.detail ? ' ' : null}
          {item.detail ? (
            <Text className={`bb-choice-detail${item.disabled ? ' bb-choice-detail-off' : ''}`}>
              {item.detail}
            </Text>
          ) : null}
        </Pressable>
      ))}
    </View>
  )
}
