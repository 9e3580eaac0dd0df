/**
 * The kiosk page inside the Electron shell: devices, the OS voices, the kiosk key and the
 * main-process wipe come through the preload's bridge (`window.bangbanKiosk`). In a plain browser
 * there is no bridge and the page uses the simulators instead.
 */
import type { BridgeSpeech, KioskBridge } from '@bangban/shared/platform/KioskBridge'
import type { EndSessionOptions, KioskDevices } from '@bangban/shared/platform/Platform'
import type { Speaker } from '@bangban/shared/voice/speaker'

declare global {
  interface Window {
    bangbanKiosk?: KioskBridge
    /** Non-production builds: the page's devices, so tests can listen as a screen would. */
    bangbanDevices?: KioskDevices
  }
}

export function shellBridge(): KioskBridge | null {
  return typeof window !== 'undefined' && window.bangbanKiosk ? window.bangbanKiosk : null
}

export function bridgeDevices(bridge: KioskBridge): KioskDevices {
  return {
    // The sign-in needs the name and number only; validity and anything else stay behind.
    onIdCard: (listener) =>
      bridge.idCard.onRead((card) => listener({ name: card.name, idNumber: card.idNumber })),
    onQrScan: (listener) => bridge.qrScanner.onScan(listener),
    printReceipt: (receipt) => bridge.printReceipt(receipt),
  }
}

/** The kiosk key from the kiosk's own configuration (the shell also adds it to every API call). */
export async function loadShellKey(bridge: KioskBridge, headers: Record<string, string>): Promise<void> {
  try {
    headers['x-kiosk-key'] = (await bridge.kioskInfo()).kioskKey
  } catch {
    /* the shell's forwarding still adds the key */
  }
}

/** The page's voices when it has any; else the OS voices through the shell, where it has them. */
export function withShellVoices(primary: Speaker, speech: BridgeSpeech): Speaker {
  const os: Record<string, boolean> = {}
  for (const lang of ['zh-CN', 'zh-HK', 'en'] as const) {
    void speech
      .available(lang)
      .then((available) => {
        os[lang] = available
      })
      .catch(() => undefined)
  }
  const osSpeaks = (lang: string) => !primary.available() && os[lang] === true
  return {
    available: () => primary.available() || Object.values(os).some(Boolean),
    speak(utterance) {
      if (osSpeaks(utterance.lang)) void speech.speak(utterance).catch(() => undefined)
      else primary.speak(utterance)
    },
    cancel() {
      primary.cancel()
      void speech.cancel().catch(() => undefined)
    },
  }
}

/** Ends the visit: the page forgets at once, then the shell clears its session and reloads. */
export function endShellSession(
  bridge: KioskBridge,
  wipePage: () => void,
  options?: EndSessionOptions,
): void {
  wipePage()
  // A failed wipe falls back to a reload, even when a helper stays: they sign in again, but nothing
  // of the resident can survive.
  void bridge.session.wipe({ reload: !options?.helperStays }).catch(() => window.location.reload())
}
