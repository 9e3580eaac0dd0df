/**
 * Design tokens for the elder-friendly look. Sizes are CSS px on the kiosk; the mini-program
 * converts them (rpx) in its own adapter. Our floors are above MIIT 适老化 and WCAG 2.2 AA:
 * text contrast ≥ 7:1, body text ≥ 32 px at the kiosk at 大 and ≥ 40 px at 特大 (EN 301 549 §5.1.4:
 * a capital of about 0.7° at 50 cm on a 21.5″ 1080p panel), ≥ 18 px in the mini-program; targets
 * ≥ 72 px at the kiosk (≥ 96 px high for the main action), ≥ 60 px in the mini-program.
 */

export const colors = {
  /** Page background: warm off-white, less glare than pure white on a lobby screen. */
  background: '#fbf8f2',
  surface: '#ffffff',
  text: '#1a1a1a',
  textMuted: '#3d3d3d',
  primary: '#0b4f9c',
  onPrimary: '#ffffff',
  danger: '#8f1414',
  onDanger: '#ffffff',
  success: '#135c2a',
  onSuccess: '#ffffff',
  warningSurface: '#fff1c2',
  onWarning: '#3a2a00',
  focus: '#c2410c',
  border: '#5c5c5c',
  helperBanner: '#4a1d78',
  onHelperBanner: '#ffffff',
} as const

export type ColorName = keyof typeof colors

/** Every text/background pair the UI uses. The contrast test checks each one ≥ 7:1. */
export const textPairs: ReadonlyArray<readonly [fg: ColorName, bg: ColorName]> = [
  ['text', 'background'],
  ['text', 'surface'],
  ['textMuted', 'background'],
  ['textMuted', 'surface'],
  ['primary', 'background'],
  ['primary', 'surface'],
  ['onPrimary', 'primary'],
  ['danger', 'background'],
  ['danger', 'surface'],
  ['onDanger', 'danger'],
  ['success', 'surface'],
  ['success', 'background'],
  ['onSuccess', 'success'],
  ['onWarning', 'warningSurface'],
  ['onHelperBanner', 'helperBanner'],
]

/** Non-text pairs (focus rings, borders) need 3:1 (WCAG 1.4.11). */
export const nonTextPairs: ReadonlyArray<readonly [fg: ColorName, bg: ColorName]> = [
  ['focus', 'background'],
  ['focus', 'surface'],
  ['border', 'surface'],
  ['border', 'background'],
]

export const MIN_TEXT_CONTRAST = 7
export const MIN_NON_TEXT_CONTRAST = 3

export type TextSize = 'large' | 'extraLarge'

export interface FontSteps {
  readonly small: number
  readonly body: number
  readonly label: number
  readonly title: number
  readonly display: number
}

/** Kiosk font scale steps in CSS px, per text-size setting (大 / 特大): a lobby screen read at 50 cm. */
export const fontScale: Record<TextSize, FontSteps> = {
  large: { small: 28, body: 32, label: 36, title: 48, display: 72 },
  extraLarge: { small: 34, body: 40, label: 46, title: 60, display: 90 },
}

/** The mini-program's steps (a phone held in the hand): the phone sizes it always had. */
export const miniProgramFontScale: Record<TextSize, FontSteps> = {
  large: { small: 24, body: 28, label: 32, title: 40, display: 64 },
  extraLarge: { small: 30, body: 36, label: 40, title: 52, display: 84 },
}

export const lineHeight = { body: 1.5, title: 1.3 } as const

export const spacing = { xs: 8, sm: 16, md: 24, lg: 32, xl: 48 } as const

export const radius = { control: 16, card: 20 } as const

export const targets = {
  /** Minimum interactive target at the kiosk (CSS px). */
  kioskMin: 72,
  /** Minimum interactive target in the mini-program (px; 120 rpx). */
  miniProgramMin: 60,
  /** Home tiles. */
  tile: 200,
} as const

/** Body text floors (CSS px): the kiosk at 大 and at 特大, and the mini-program. */
export const minimumBodyText = { kiosk: 32, kioskExtraLarge: 40, miniProgram: 18 } as const

/** The smallest text the kiosk shows at all (hints under a tile, the staff entry). */
export const minimumKioskText = 28

/** The main action's height at the kiosk (CSS px). */
export const kioskPrimaryHeight = 96
