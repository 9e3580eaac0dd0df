import { Text, View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { colors } from '@bangban/core/theme/tokens'
import { Icon } from './Icon'
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
      {kind === 'info' ? (
        <Text className="bb-notice-title">{title}</Text>
      ) : (
        // Success looks like success and an error like an error: an icon and a colour, not words alone.
        <View className="bb-notice-head">
          <Icon name={kind} size={56} color={kind === 'success' ? colors.success : colors.danger} />
          <Text className="bb-notice-title">{title}</Text>
        </View>
      )}
      {children}
    </View>
  )
}
