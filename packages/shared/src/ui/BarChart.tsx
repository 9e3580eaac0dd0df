/**
 * A horizontal bar chart drawn with plain boxes: each bar has its label before it and its number
 * after it, written out, so nobody has to read a length. Assistive technology gets the chart as one
 * image whose name says every bar in words (`label`).
 */
import { Text, View } from '@tarojs/components'
import { barShare } from './bars'
import { a11y } from './a11y'

export interface Bar {
  readonly id: string
  readonly label: string
  /** A second, quieter line under the label (e.g. the place of a department). */
  readonly detail?: string
  readonly value: number
  /** The number as written beside the bar. */
  readonly valueText: string
}

export function BarChart({ label, bars, testId }: { label: string; bars: readonly Bar[]; testId?: string }) {
  const max = Math.max(0, ...bars.map((b) => b.value))
  return (
    <View className="bb-card bb-chart" data-testid={testId} {...a11y({ role: 'img', 'aria-label': label })}>
      {bars.map((bar) => (
        <View key={bar.id} className="bb-bar-row">
          <View className="bb-bar-label">
            <Text className="bb-bar-name">{bar.label}</Text>
            {bar.detail ? <Text className="bb-bar-detail">{bar.detail}</Text> : null}
          </View>
          <View className="bb-bar-track">
            <View
              className="bb-bar-fill"
              style={{ width: `${(barShare(bar.value, max) * 100).toFixed(2)}%` }}
            />
          </View>
          <Text className="bb-bar-value">{bar.valueText}</Text>
        </View>
      ))}
    </View>
  )
}
