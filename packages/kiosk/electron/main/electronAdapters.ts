/**
 * The thin layer between Electron's objects and the shell's testable policy modules: each
 * function only re-shapes an Electron API into the small interface the policy expects.
 */
import type { IpcMain, Session, WebContents } from 'electron'
import type { SenderInfo } from '../ipc/senderPolicy'
import type { GuardedIpc } from './ipcHandlers'
import type { GuardedContents } from './lockdown'
import type { GuardedSession } from './sessionPolicy'

export function guardedContents(contents: WebContents): GuardedContents {
  return {
    onNavigate(listener) {
      contents.on('will-navigate', (event, url) => listener(url, () => event.preventDefault()))
      contents.on('will-redirect', (event, url) => listener(url, () => event.preventDefault()))
      contents.on('will-frame-navigate', (event) => listener(event.url, () => event.preventDefault()))
    },
    setWindowOpenHandler: (handler) => contents.setWindowOpenHandler(handler),
    onWebviewAttach: (listener) =>
      contents.on('will-attach-webview', (event) => listener(() => event.preventDefault())),
    onContextMenu: (listener) =>
      contents.on('context-menu', (event) => listener(() => event.preventDefault())),
    onBeforeInput: (listener) =>
      contents.on('before-input-event', (event, input) => listener(input, () => event.preventDefault())),
    onRendererGone: (listener) =>
      contents.on('render-process-gone', (_event, details) => listener(details.reason)),
    onDevToolsOpened: (listener) => contents.on('devtools-opened', listener),
    closeDevTools: () => contents.closeDevTools(),
    setVisualZoomLevelLimits: (minimum, maximum) => contents.setVisualZoomLevelLimits(minimum, maximum),
  }
}

export function guardedSession(session: Session): GuardedSession {
  return {
    setPermissionRequestHandler: (handler) =>
      session.setPermissionRequestHandler((_contents, permission, callback, details) => {
        const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined
        handler(permission, details.requestingUrl ?? '', mediaTypes, callback)
      }),
    setPermissionCheckHandler: (handler) =>
      session.setPermissionCheckHandler((_contents, permission, origin, details) =>
        handler(permission, origin, details.mediaType),
      ),
    setDevicePermissionHandler: (handler) => session.setDevicePermissionHandler(handler),
    onBeforeRequest: (handler) =>
      session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !handler(details.url) })),
  }
}

export function guardedIpc(ipcMain: IpcMain): GuardedIpc {
  return {
    handle: (channel, handler) =>
      ipcMain.handle(channel, (event, ...args) => {
        const sender: SenderInfo = {
          contentsId: event.sender.id,
          frameUrl: event.senderFrame?.url,
          topFrame: event.senderFrame !== null && event.senderFrame.parent === null,
        }
        return handler(sender, args)
      }),
  }
}
