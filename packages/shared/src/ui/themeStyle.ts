import type { CSSProperties } from 'react'
import { colors, fontScale, targets, type TextSize } from '@bangban/core/theme/tokens'

/** The design tokens as CSS variables, for the root of anything styled by styles.css. */
export function themeStyle(textSize: TextSize): CSSProperties {
  const scale = fontScale[textSize]
  return {
    ['--bb-font-small' as string]: `${scale.small}px`,
    ['--bb-font-body' as string]: `${scale.body}px`,
    ['--bb-font-label' as string]: `${scale.label}px`,
    ['--bb-font-title' as string]: `${scale.title}px`,
    ['--bb-font-display' as string]: `${scale.display}px`,
    ['--bb-target' as string]: `${targets.kioskMin}px`,
    ...Object.fromEntries(Object.entries(colors).map(([name, value]) => [`--bb-${name}`, value])),
  }
}
