/**
 * The three speech volumes a resident can choose (音量 小 / 中 / 大) and the 0 – 1 volume every
 * engine takes. The steps are 6 dB apart, so each sounds about as much quieter as the last: a linear
 * 1 / 0.66 / 0.33 would make 大 and 中 hard to tell apart.
 */
export const VOLUME_LEVELS = ['low', 'medium', 'high'] as const

export type VolumeLevel = (typeof VOLUME_LEVELS)[number]

const VOLUMES: Readonly<Record<VolumeLevel, number>> = { low: 0.25, medium: 0.5, high: 1 }

export function volumeOf(level: VolumeLevel): number {
  return VOLUMES[level]
}

/** The level a volume is closest to, in loudness (decibels), not in amplitude. */
export function levelOf(volume: number): VolumeLevel {
  const db = (v: number) => 20 * Math.log10(Math.max(v, 0.01))
  let best: VolumeLevel = 'high'
  for (const level of VOLUME_LEVELS)
    if (Math.abs(db(volume) - db(VOLUMES[level])) < Math.abs(db(volume) - db(VOLUMES[best]))) best = level
  return best
}
