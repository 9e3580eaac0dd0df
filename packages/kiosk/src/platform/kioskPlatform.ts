/**
 * The kiosk's platform: the service at the same origin (it serves this build at /kiosk/), fetch,
 * the browser's voices, and the devices (simulated outside production). Ending a visit wipes
 * every trace of the resident from memory and storage and returns to the welcome screen.
 */
import { createApiClient, createFetchTransport, type Transport } from '@bangban/core/api'
import type { Platform } from '@bangban/shared/platform/Platform'
import { PAGES } from '@bangban/shared/visit/nav'
import { setPrivateListening, setSpeechDefaults, visitSpeech } from '@bangban/shared/voice/settings'
import { volumeOf, type VolumeLevel } from '@bangban/shared/voice/volume'
import { appStore } from '@bangban/shared/state/appStore'
import { recordingSpeaker, silentSpeaker, type Speaker } from '@bangban/shared/voice/speaker'
import { webSpeechSpeaker } from '@bangban/shared/voice/webSpeech'
import Taro from '@tarojs/taro'
import QRCode from 'qrcode'
import { bridgeDevices, endShellSession, loadShellKey, shellBridge, withShellVoices } from './shellBridge'
import { kioskSpeaker } from './kioskSpeaker'
import { simulatedDevices } from './simulator'
import { workerTextInput } from '../textInput/engine'

/**
 * The service tells a kiosk UI it serves in demo mode which key to use; a real kiosk gets it from
 * its shell. It arrives long before anyone can sign in, so the headers are filled in when it does.
 */
async function loadKioskKey(headers: Record<string, string>): Promise<void> {
  try {
    const response = await fetch('./kiosk-config.json', { cache: 'no-store' })
    if (!response.ok) return
    const body = (await response.json()) as { kioskKey?: string }
    if (body.kioskKey) headers['x-kiosk-key'] = body.kioskKey
  } catch {
    /* no key: ID card sign-in will say the kiosk is not verified; phone sign-in still works */
  }
}

function browserSpeaker(): Speaker {
  if (typeof window.speechSynthesis === 'undefined' || typeof window.SpeechSynthesisUtterance === 'undefined')
    return silentSpeaker
  return webSpeechSpeaker(window.speechSynthesis, window.SpeechSynthesisUtterance as never)
}

/**
 * What the page itself can wipe; the Electron shell also clears its session's storage, cache and
 * cookies (including HttpOnly ones) from the main process.
 */
function applyAudio(audio: { handset: boolean; volume: VolumeLevel; slow: boolean }): void {
  setSpeechDefaults({ volume: volumeOf(audio.volume), slow: audio.slow })
  setPrivateListening(audio.handset)
  // Only the visit's start changes: a resident who already chose keeps their choice until the wipe.
  if (!appStore.get().session) appStore.update({ speech: visitSpeech() })
}

function wipeVisit(): void {
  appStore.reset()
  wipeBrowserState()
  void Taro.reLaunch({ url: PAGES.home })
}

/**
 * The resident's token also ends at the service, so nobody can use it after they walked away (a
 * helper's delegated token is revoked by 结束代办 itself). Fire and forget: the wipe never waits.
 */
function signOutAtService(transport: Transport, headers: Record<string, string>): void {
  const { session, delegation } = appStore.get()
  if (!session || delegation) return
  const client = createApiClient({
    baseUrl: window.location.origin,
    transport,
    getToken: () => session.token,
    getHeaders: () => headers,
  })
  void client.call('signOut').catch(() => undefined)
}

function wipeBrowserState(): void {
  try {
    window.localStorage.clear()
    window.sessionStorage.clear()
  } catch {
    /* storage may be unavailable; nothing of the resident is kept there anyway */
  }
  // A cookie is removed only with the path it was set for: try every prefix of this page's path.
  const segments = window.location.pathname.split('/').filter(Boolean)
  const paths = [
    '/',
    ...segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}`),
    ...segments.map((_, i) => `/${segments.slice(0, i + 1).join('/')}/`),
  ]
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim()
    if (!name) continue
    for (const path of paths)
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`
  }
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    void indexedDB
      .databases()
      .then((databases) => databases.forEach((d) => d.name && indexedDB.deleteDatabase(d.name)))
  }
}

export function createKioskPlatform(): Platform {
  const bridge = shellBridge()
  const simulated = simulatedDevices()
  const { simulator } = simulated
  const devices = bridge ? bridgeDevices(bridge) : simulated.devices
  let speaker = kioskSpeaker(browserSpeaker())
  if (bridge) speaker = withShellVoices(speaker, bridge.speech)
  if (BANGBAN_SIMULATORS) {
    speaker = recordingSpeaker(speaker, simulator.speech)
    window.bangbanSimulator = simulator
    window.bangbanDevices = devices
  }
  const headers: Record<string, string> = {}
  void (bridge ? loadShellKey(bridge, headers) : loadKioskKey(headers))
  // Every visit starts at 中 (the hall's level), no personal data spoken aloud; the shell's
  // configuration may fit a handset and choose other defaults.
  applyAudio({ handset: false, volume: 'medium', slow: false })
  if (bridge)
    void bridge
      .kioskInfo()
      .then((info) => info.audio && applyAudio(info.audio))
      .catch(() => undefined)
  const transport = createFetchTransport()
  const endVisit = () => {
    signOutAtService(transport, headers)
    wipeVisit()
  }
  return {
    kind: 'kiosk',
    apiBaseUrl: window.location.origin,
    transport,
    extraHeaders: headers,
    speaker,
    devices,
    textInput: workerTextInput(),
    payment: {
      method: 'wechat-native',
      renderQr: (text) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 480 }),
    },
    endSession: bridge ? (options) => endShellSession(bridge, endVisit, options) : endVisit,
  }
}
