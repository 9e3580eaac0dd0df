/** 音量 小 / 中 / 大: the volume each level sets, and the level a volume shows as chosen. */
import { initialAppState } from '../../src/state/appStore'
import { levelOf, VOLUME_LEVELS, volumeOf } from '../../src/voice/volume'

describe('speech volume levels', () => {
  it('go from quiet to loud, within what every engine takes (0 – 1), loudest at full volume', () => {
    const volumes = VOLUME_LEVELS.map(volumeOf)
    expect([...volumes].sort((a, b) => a - b)).toEqual(volumes)
    expect(new Set(volumes).size).toBe(VOLUME_LEVELS.length)
    for (const v of volumes) expect(v).toBeGreaterThan(0)
    expect(volumeOf('high')).toBe(1)
  })

  it('are equal steps in loudness, not in amplitude', () => {
    const db = VOLUME_LEVELS.map((level) => 20 * Math.log10(volumeOf(level)))
    expect(db[1]! - db[0]!).toBeCloseTo(db[2]! - db[1]!, 5)
    // Far enough apart to hear: at least 4 dB a step.
    expect(db[1]! - db[0]!).toBeGreaterThanOrEqual(4)
  })

  it.each(VOLUME_LEVELS)('%s is shown as chosen once set', (level) => {
    expect(levelOf(volumeOf(level))).toBe(level)
  })

  it('shows any other volume as the level it sounds closest to', () => {
    expect(levelOf(0.9)).toBe('high')
    expect(levelOf(0.6)).toBe('medium')
    expect(levelOf(0.3)).toBe('low')
    // Half-way in amplitude between 中 and 大 is nearer 大 in loudness.
    expect(levelOf(0.75)).toBe('high')
    expect(levelOf(0)).toBe('low')
    expect(levelOf(1.5)).toBe('high')
  })

  it('starts every visit at 大, with 语音操作 off', () => {
    expect(levelOf(initialAppState.speech.volume)).toBe('high')
    expect(initialAppState.speech.commands).toBe(false)
  })
})
