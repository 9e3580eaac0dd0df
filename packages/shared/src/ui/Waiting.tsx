import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { a11y } from './a11y'

/**
 * Shown while the service answers. Nothing appears for the first 300 ms (most answers are
 * quicker, and a flash of spinner is worse than none); then a spinner with words.
 */
export function Waiting({ text, delayMs = 300 }: { text: string; delayMs?: number }) {
  const [visible, setVisible] = useState(delayMs === 0)
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), delayMs)
    return () => clearTimeout(timer)
  }, [delayMs])
  if (!visible) return null
  return (
    <View className="bb-waiting" {...a11y({ role: 'status', 'aria-live': 'polite' })}>
      <View className="bb-spinner" {...a11y({ 'aria-hidden': 'true' })} />
      <Text className="bb-waiting-text">{text}</Text>
    </View>
  )
}
