import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { a11y } from './a11y'

/** A message in plain words: errors say what went wrong and what to do next. */
export function Notice({
  kind,
  title,
  children,
}: PropsWithChildren<{ kind: 'error' | 'info' | 'success'; title: string }>) {
  return (
    <View
      className={`bb-notice bb-notice-${kind}`}
      {...a11y({ role: kind === 'error' ? 'alert' : 'status' })}
    >
      <Text className="bb-notice-title">{title}</Text>
      {children}
    </View>
  )
}
