/**
 * Chromium switches the shell sets before 'ready', as data so tests check them without Electron.
 * (The window's own autoplay policy is in security/windowOptions.ts.)
 */

/** The part of Electron's `app.commandLine` used here. */
export interface CommandLine {
  appendSwitch(name: string, value?: string): void
}

export type Switch = readonly [name: string, value?: string]

export function chromiumSwitches(platform: NodeJS.Platform): Switch[] {
  return [
    // Chromium on Linux finds the OS voices only through speech-dispatcher (electron#4452).
    ...(platform === 'linux' ? [['enable-speech-dispatcher'] as const] : []),
    // Touch kiosks: no pinch-zoom and no overscroll history navigation, whatever the page does.
    ['disable-pinch'],
    ['overscroll-history-navigation', '0'],
  ]
}

export function applyChromiumSwitches(commandLine: CommandLine, platform: NodeJS.Platform): void {
  for (const [name, value] of chromiumSwitches(platform))
    if (value === undefined) commandLine.appendSwitch(name)
    else commandLine.appendSwitch(name, value)
}
