/**
 * The kiosk window: fullscreen, frameless, and its page sealed off from Node and the machine.
 * Returned as data so the security options are asserted by tests without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron'

/** A memory-only session (no `persist:`): nothing of a resident survives a restart. */
export const KIOSK_PARTITION = 'kiosk'

export interface WindowChoices {
  readonly preloadPath: string
  /** Devtools only in an unpackaged development build that asked for them. */
  readonly devTools: boolean
}

export function kioskWindowOptions(choices: WindowChoices): BrowserWindowConstructorOptions {
  return {
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: choices.preloadPath,
      partition: KIOSK_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableDialogs: true,
      // The welcome is spoken before anyone touches the screen: without this the page's AudioContext
      // starts suspended and its resume() waits for a gesture (kiosk e2e voice-playback).
      autoplayPolicy: 'no-user-gesture-required',
      // Middle-click could open a link in a new window (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      devTools: choices.devTools,
    },
  }
}
