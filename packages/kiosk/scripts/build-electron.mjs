/**
 * Compiles the Electron shell (main process, preload, reader simulator) into dist/electron with
 * esbuild: offline, about a second. The preload is one self-contained file because a sandboxed
 * preload may require nothing but 'electron'. Types are checked separately (typecheck:electron).
 */
import { build } from 'esbuild'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const kiosk = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = resolve(kiosk, 'dist/electron')
const production = process.env.BANGBAN_KIOSK_PRODUCTION === '1'

const common = {
  bundle: true,
  format: 'cjs',
  // Electron 38 runs Node 22 and Chromium 140.
  target: ['node22', 'chrome140'],
  sourcemap: production ? false : 'inline',
  minify: false,
  legalComments: 'none',
  alias: {
    '@bangban/shared': resolve(kiosk, '../shared/src'),
    '@bangban/core': resolve(kiosk, '../core/src'),
  },
  // Native modules a kiosk adds only for serial or USB devices (loaded at run time if present).
  external: ['electron', 'serialport', 'usb'],
  logLevel: 'warning',
}

await Promise.all([
  build({
    ...common,
    platform: 'node',
    entryPoints: { main: resolve(kiosk, 'electron/main/index.ts') },
    outdir: out,
  }),
  build({
    ...common,
    platform: 'browser',
    entryPoints: { preload: resolve(kiosk, 'electron/preload/index.ts') },
    outdir: out,
  }),
  build({
    ...common,
    platform: 'node',
    entryPoints: { 'fake-id-reader': resolve(kiosk, 'electron/devices/idCard/fakeReaderMain.ts') },
    outdir: out,
  }),
])
console.log(`built the kiosk shell into ${out}`)
