/**
 * How soon to bring a crashed page back: at once the first times, then slower when it keeps
 * crashing (a bad build or a dying GPU), so the kiosk does not spin at full load.
 */
const WINDOW_MS = 5 * 60_000

export function crashRestartDelay(crashTimes: readonly number[], now: number): number {
  const recent = crashTimes.filter((at) => now - at <= WINDOW_MS).length
  if (recent <= 3) return 500
  return Math.min(60_000, 5_000 * 2 ** (recent - 4))
}
