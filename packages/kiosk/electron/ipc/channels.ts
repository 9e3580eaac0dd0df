/** The IPC channels between the preload bridge and the main process; nothing else is listened to. */
export const CHANNELS = {
  print: 'bangban:print',
  wipe: 'bangban:wipe',
  info: 'bangban:info',
  speechAvailable: 'bangban:speech-available',
  speechSpeak: 'bangban:speech-speak',
  speechCancel: 'bangban:speech-cancel',
  /** main → page */
  idCard: 'bangban:id-card',
  /** main → page */
  qrScan: 'bangban:qr-scan',
} as const

export type InvokeChannel = (typeof CHANNELS)[
  'print' | 'wipe' | 'info' | 'speechAvailable' | 'speechSpeak' | 'speechCancel']
