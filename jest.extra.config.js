/** Extra browser checks, run after the kiosk build: `pnpm audit:a11y`, `pnpm test:layout`, `pnpm test:voice-playback`. */
const e2e = require('./jest.e2e.config.js')

/** @type {import('jest').Config} */
module.exports = {
  ...e2e,
  testMatch: ['**/e2e/**/*.extra.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 300000,
}
