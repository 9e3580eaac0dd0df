import type { CSSProperties } from 'react'
import { colors, fontScale, miniProgramFontScale, targets, type TextSize } from '@bangban/core/theme/tokens'

/**
 * The design tokens as CSS variables, for the root of anything styled by styles.css. The kiosk is
 * read at arm's length on a lobby screen (body 32 / 40 px); the mini-program keeps a phone's sizes.
 */
export function themeStyle(textSize: TextSize, door: 'kiosk' | 'weapp' = 'kiosk'): CSSProperties {
  const scale = (door === 'kiosk' ? fontScale : miniProgramFontScale)[textSize]
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
