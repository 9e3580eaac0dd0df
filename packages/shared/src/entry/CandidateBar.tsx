/**
 * The row of large candidates above a pad or keyboard, best first: tap one to write it. Empty, it
 * says what will appear there.
 */
import { Text, View } from '@tarojs/components'
import { a11y } from '../ui/a11y'
import { Pressable } from '../ui/Pressable'

export function CandidateBar({
  label,
  items,
  onChoose,
  hint,
  more,
}: {
  label: string
  items: readonly string[]
  onChoose: (text: string, index: number) => void
  /** Shown when there is nothing to choose yet. */
  hint: string
  /** 更多: the next page of candidates, when there is one. */
  more?: { label: string; onPress: () => void } | null
}) {
  return (
    <View className="bb-candidates" {...a11y({ role: 'group', 'aria-label': label, 'aria-live': 'polite' })}>
      {items.length === 0 ? (
        <Text className="bb-candidates-hint">{hint}</Text>
      ) : (
        items.map((item, i) => (
          <Pressable
            key={`${i}-${item}`}
            label={item}
            onPress={() => onChoose(item, i)}
            className={`bb-candidate${i === 0 ? ' bb-candidate-best' : ''}${[...item].length > 1 ? ' bb-candidate-long' : ''}`}
            testId={`candidate-${i}`}
          >
            <Text>{item}</Text>
          </Pressable>
        ))
      )}
      {more ? (
        <Pressable label={more.label} onPress={more.onPress} className="bb-candidate bb-candidate-more">
          <Text>{more.label}</Text>
        </Pressable>
      ) : null}
    </View>
  )
}
