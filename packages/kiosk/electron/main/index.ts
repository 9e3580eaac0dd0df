/**
 * The kiosk shell's main process: one locked-down fullscreen window showing the H5 from
 * app://kiosk, the devices, and the wipe between residents. The decisions live in the modules it
 * wires together (tested without Electron); this file only connects them to Electron.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { BrowserWindow, Menu, app, ipcMain, net, protocol, screen, session } from 'electron'
import { loadConfig } from '../config/load'
import type { KioskConfig } from '../config/schema'
import { createIdCardReader, createPrinter, createQrScanner } from '../devices'
import { osSpeech } from '../devices/speech/speechRunner'
import { CHANNELS } from '../ipc/channels'
import { createAppHandler } from '../protocol/appHandler'
import { APP_SCHEME, CONFIG_ERROR_URL, HOME_URL } from '../security/origin'
import { KIOSK_PARTITION, kioskWindowOptions } from '../security/windowOptions'
import { createWiper } from '../session/wipe'
import { configErrorPage } from '../staff/configErrorPage'
import { guardedContents, guardedIpc, guardedSession } from './electronAdapters'
import { registerIpc } from './ipcHandlers'
import { kioskInfoOf } from './kioskInfo'
import { lockDown } from './lockdown'
import { shellPaths } from './paths'
import { secureSession } from './sessionPolicy'
import { applyChromiumSwitches } from './switches'
import { systemPrint } from './systemPrinter'

const log = (event: string, detail: Record<string, unknown> = {}) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...detail })}\n`)

// Must happen before 'ready': app:// behaves like https (secure, same-origin fetch, storage).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])
// Also before 'ready': speech-dispatcher for the OS voices on Linux, no pinch-zoom (switches.ts).
applyChromiumSwitches(app.commandLine, process.platform)

/** The kiosk window's part of the lockdown, filled in once its devices exist. */
const kioskHooks: {
  contentsId: number | null
  restart?: () => void
  onKeyDown?: (key: string, at: number) => 'pass' | 'swallow'
} = { contentsId: null }

if (!app.requestSingleInstanceLock()) app.quit()
else void app.whenReady().then(start)

function start(): void {
  Menu.setApplicationMenu(null)
  const paths = shellPaths({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    shellDir: __dirname,
  })
  const result = loadConfig(
    { argv: process.argv, env: process.env, platform: process.platform, userData: app.getPath('userData') },
    { exists: existsSync, read: (file) => readFileSync(file, 'utf8') },
  )
  const config = result.ok ? result.config : null
  if (!result.ok) log('config-invalid', { reason: result.reason, file: result.file })
  const devTools = !app.isPackaged && (config?.developer.devTools ?? false)

  const ses = session.fromPartition(KIOSK_PARTITION)
  secureSession(guardedSession(ses), { voiceCommands: config?.voiceCommands ?? false, devTools, log })
  ses.protocol.handle(
    APP_SCHEME,
    createAppHandler({
      root: paths.h5Root,
      proxy: config ? { serviceUrl: config.serviceUrl, kioskKey: config.kioskKey } : null,
      configErrorHtml: result.ok ? null : configErrorPage(result, app.getLocale()),
      readFile: (file) => readFile(file),
      fetch: (url, init) => net.fetch(url, init),
    }),
  )

  // Every web contents the app ever creates gets the same lockdown (the print window too); the
  // kiosk window's scanner hook and wipe-on-crash are looked up when needed, as they come later.
  app.on('web-contents-created', (_event, contents) =>
    lockDown(guardedContents(contents), {
      devTools,
      restart: () =>
        contents.id === kioskHooks.contentsId && kioskHooks.restart
          ? kioskHooks.restart()
          : contents.reload(),
      onKeyDown: (key, at) =>
        contents.id === kioskHooks.contentsId ? (kioskHooks.onKeyDown?.(key, at) ?? 'pass') : 'pass',
      log,
    }),
  )
  const options = kioskWindowOptions({ preloadPath: paths.preload, devTools })
  // The options come from security/windowOptions.ts, which electronegativity cannot follow:
  // contextIsolation and sandbox are true and Auxclick is disabled there (windowAndPolicy.test.ts).
  const win = new BrowserWindow(options) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  kioskHooks.contentsId = win.webContents.id
  app.on('second-instance', () => win.focus())
  win.once('ready-to-show', () => win.show())
  if (!config) {
    void win.loadURL(CONFIG_ERROR_URL)
    return
  }
  checkOrientation(config)
  runKiosk(win, config)
}

function runKiosk(win: BrowserWindow, config: KioskConfig): void {
  const contents = win.webContents
  const send = (channel: string, value: unknown) => {
    if (!contents.isDestroyed()) contents.send(channel, value)
  }
  const reader = createIdCardReader(config.devices.idCardReader, log)
  const { scanner, keyboard } = createQrScanner(config.devices.qrScanner, log)
  const printer = createPrinter(config.devices.printer, systemPrint)
  const speech = osSpeech(process.platform, (command, args) =>
    spawn(command, [...args], { stdio: ['pipe', 'ignore', 'ignore'] }),
  )
  const wiper = createWiper(
    () => ({
      session: contents.session,
      loadURL: (url) => contents.loadURL(url),
      resetDevices: () => {
        scanner.reset()
        void speech.cancel()
      },
    }),
    log,
  )
  // After a renderer crash the resident may still be in storage: wipe, not just reload.
  kioskHooks.restart = () => void wiper.wipe().catch(() => contents.reload())
  if (keyboard) kioskHooks.onKeyDown = keyboard.onKeyDown
  registerIpc(guardedIpc(ipcMain), {
    kioskContentsId: () => (contents.isDestroyed() ? null : contents.id),
    print: (receipt) => printer.print(receipt),
    wipe: (options) => wiper.wipe(options),
    speech,
    info: kioskInfoOf(config, app.getVersion()),
    log,
  })
  reader.start((card) => send(CHANNELS.idCard, card))
  scanner.start((text) => send(CHANNELS.qrScan, text))
  app.on('before-quit', () => {
    reader.stop()
    scanner.stop()
  })
  void contents.loadURL(HOME_URL)
}

/** The OS rotates the screen; a mismatch with the configuration is worth a line in the log. */
function checkOrientation(config: KioskConfig): void {
  const { width, height } = screen.getPrimaryDisplay().size
  const actual = height >= width ? 'portrait' : 'landscape'
  if (actual !== config.orientation) log('orientation-mismatch', { configured: config.orientation, actual })
}
