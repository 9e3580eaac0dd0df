import { Text } from '@tarojs/components'
import { a11y } from './a11y'

export function Heading({ text, level = 1 }: { text: string; level?: 1 | 2 }) {
  return (
    <Text className={`bb-heading bb-heading-${level}`} {...a11y({ role: 'heading', 'aria-level': level })}>
      {text}
    </Text>
  )
}
