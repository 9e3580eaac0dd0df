/** What of the configuration the page may know (KioskBridge's KioskInfo). */
import type { KioskInfo } from '@bangban/shared/platform/KioskBridge'
import type { KioskConfig } from '../config/schema'

export function kioskInfoOf(config: KioskConfig, shellVersion: string): KioskInfo {
  return {
    kioskName: config.kioskName,
    serviceUrl: config.serviceUrl,
    kioskKey: config.kioskKey,
    orientation: config.orientation,
    idle: {
      warnAfterMs: config.idle.warnAfterSeconds * 1000,
      endAfterMs: config.idle.endAfterSeconds * 1000,
    },
    voiceCommands: config.voiceCommands,
    audio: config.audio,
    shellVersion,
  }
}
