import path from 'node:path'
// Type-only: importing @tarojs/cli at run time loads its project generator and its dependencies.
import type { UserConfigExport } from '@tarojs/cli'

const sharedSrc = path.resolve(__dirname, '../../shared/src')
const coreSrc = path.resolve(__dirname, '../../core/src')
/**
 * Packages that ship syntax newer than the oldest WeChat client runs (config/floor.js): compiled
 * with the app's Babel targets like our own source. weapp-test/syntax.test.ts finds any other.
 */
const MODERN_PACKAGES = (file: string) => /[\\/]node_modules[\\/](zod|i18next|react-i18next)[\\/]/.test(file)

/** The WeChat mini-program: the same shared screens, built for weapp into dist/. */
export default async (): Promise<UserConfigExport<'webpack5'>> => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bangban-miniprogram',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: 'dist',
    framework: 'react',
    compiler: 'webpack5',
    // WeChat's aria-* attributes on the base components, and the engine floor (config/weappPlugin.cjs).
    plugins: [path.resolve(__dirname, 'weappPlugin.cjs')],
    cache: { enable: false },
    defineConstants: {
      BANGBAN_PLATFORM: JSON.stringify('weapp'),
      BANGBAN_SIMULATORS: JSON.stringify(false),
      BANGBAN_API_BASE_URL: JSON.stringify(
        process.env.BANGBAN_API_BASE_URL ?? 'https://bangban.example.invalid',
      ),
      // 呼叫帮办员 on a phone calls this number (digits and dashes, e.g. 021-12345678).
      BANGBAN_HELPER_LINE: JSON.stringify((process.env.BANGBAN_HELPER_LINE ?? '').replace(/[^\d-]/g, '')),
    },
    alias: { '@bangban/shared': sharedSrc, '@bangban/core': coreSrc },
    copy: { patterns: [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }], options: {} },
    mini: {
      compile: { include: [sharedSrc, coreSrc, MODERN_PACKAGES] },
      postcss: { pxtransform: { enable: true, config: {} } },
    },
  }
  return config
}
