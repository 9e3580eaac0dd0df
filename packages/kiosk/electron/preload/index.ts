/**
 * The preload of the kiosk window (sandboxed: bundled into one file, it may only require
 * 'electron'). Exposes the bridge and nothing else.
 */
import { KIOSK_BRIDGE_GLOBAL } from '@bangban/shared/platform/KioskBridge'
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld(
  KIOSK_BRIDGE_GLOBAL,
  createBridge({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    on: (channel, listener) => {
      ipcRenderer.on(channel, listener)
    },
  }),
)
