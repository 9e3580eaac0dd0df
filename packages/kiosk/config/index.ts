import { existsSync } from 'node:fs'
import path from 'node:path'
// Type-only: importing @tarojs/cli at run time loads its project generator and its dependencies.
import type { UserConfigExport } from '@tarojs/cli'

const sharedSrc = path.resolve(__dirname, '../../shared/src')
const coreSrc = path.resolve(__dirname, '../../core/src')
const handwritingSrc = path.resolve(__dirname, '../../handwriting/src')
/** The voice clips and their inventories, made by `pnpm voice:clips` (see assets/voice/README.md). */
const voiceClips = path.resolve(__dirname, '../../../assets/voice/clips')
/** The handwriting recogniser's data, made by `pnpm handwriting:data` (packages/handwriting/README.md). */
const handwriting = path.resolve(__dirname, '../../../assets/handwriting')

/**
 * The kiosk: the shared screens built for H5, served by the service at /kiosk/ and hosted by the
 * Electron shell.
 */
export default async (): Promise<UserConfigExport<'webpack5'>> => {
  // The demo and test build (served by the service at /kiosk/) has the device simulators; the build
  // packaged into the Electron shell for a real kiosk (BANGBAN_KIOSK_PRODUCTION=1) leaves them out.
  const production = process.env.BANGBAN_KIOSK_PRODUCTION === '1'
  const outputRoot = process.env.BANGBAN_KIOSK_OUT ?? 'dist/h5'
  const copied = [
    ...(existsSync(voiceClips)
      ? [
          { from: '../../assets/voice/clips/', to: `${outputRoot}/voice/`, ignore: ['**/.cache.json'] },
          { from: '../../assets/voice/inventory/', to: `${outputRoot}/voice/inventory/` },
        ]
      : []),
    ...(existsSync(path.join(handwriting, 'strokes.bin'))
      ? [{ from: '../../assets/handwriting/', to: `${outputRoot}/handwriting/`, ignore: ['**/.gitignore'] }]
      : []),
  ]
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bangban-kiosk',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    defineConstants: {
      BANGBAN_PLATFORM: JSON.stringify('kiosk'),
      BANGBAN_SIMULATORS: JSON.stringify(!production),
    },
    alias: {
      '@bangban/shared': sharedSrc,
      '@bangban/core': coreSrc,
      '@bangban/handwriting': path.join(handwritingSrc, 'index.ts'),
    },
    // Served beside the app at ./voice/ and ./handwriting/ (fetched when the pad first opens). Not
    // generated yet: the kiosk falls back to the OS voice; the pad has no recogniser.
    copy: copied.length > 0 ? { patterns: copied, options: {} } : undefined,
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      esnextModules: [],
      compile: { include: [sharedSrc, coreSrc, handwritingSrc] },
      // Sizes are CSS px on the kiosk: no rem conversion of our tokens.
      postcss: { pxtransform: { enable: false, config: {} }, autoprefixer: { enable: true, config: {} } },
      htmlPluginOption: { template: path.resolve(__dirname, '../src/index.html') },
    },
  }
  return config
}
