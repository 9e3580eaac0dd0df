import {
  colors,
  contrastRatio,
  fontScale,
  MIN_NON_TEXT_CONTRAST,
  MIN_TEXT_CONTRAST,
  minimumBodyText,
  minimumKioskText,
  miniProgramFontScale,
  kioskPrimaryHeight,
  nonTextPairs,
  relativeLuminance,
  targets,
  textPairs,
} from '../src/theme'

describe('theme tokens', () => {
  it('computes WCAG contrast like the reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    // WebAIM's checker gives 4.54:1 for #767676 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 5)
    expect(() => contrastRatio('red', '#fff')).toThrow(RangeError)
  })

  it.each(textPairs.map(([fg, bg]) => [fg, bg, colors[fg], colors[bg]]))(
    'text %s on %s (%s on %s) has contrast ≥ 7:1',
    (_fg, _bg, fgHex, bgHex) => {
      expect(contrastRatio(fgHex, bgHex)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
    },
  )

  it.each(nonTextPairs.map(([fg, bg]) => [fg, bg, colors[fg], colors[bg]]))(
    'non-text %s on %s has contrast ≥ 3:1',
    (_fg, _bg, fgHex, bgHex) => {
      expect(contrastRatio(fgHex, bgHex)).toBeGreaterThanOrEqual(MIN_NON_TEXT_CONTRAST)
    },
  )

  it('keeps kiosk body text ≥ 32 px at 大 and ≥ 40 px at 特大, nothing under 28 px, targets at 72 px', () => {
    for (const scale of Object.values(fontScale)) {
      for (const size of Object.values(scale)) expect(size).toBeGreaterThanOrEqual(minimumKioskText)
    }
    expect(fontScale.large.body).toBeGreaterThanOrEqual(minimumBodyText.kiosk)
    expect(fontScale.extraLarge.body).toBeGreaterThanOrEqual(minimumBodyText.kioskExtraLarge)
    for (const scale of Object.values(miniProgramFontScale))
      expect(scale.body).toBeGreaterThanOrEqual(minimumBodyText.miniProgram)
    expect(kioskPrimaryHeight).toBeGreaterThanOrEqual(96)
    expect(fontScale.extraLarge.body).toBeGreaterThan(fontScale.large.body)
    expect(targets.kioskMin).toBeGreaterThanOrEqual(72)
    expect(targets.miniProgramMin).toBeGreaterThanOrEqual(60)
  })
})
