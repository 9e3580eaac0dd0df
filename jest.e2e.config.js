/**
 * Browser tests of the built kiosk H5 against the real service (run after the kiosk build): the
 * jobs, the helper's counter, the queue, voice (requests and real playback), layout at three sizes
 * and the accessibility tour of every screen (`pnpm audit:a11y` runs that one alone, with its report).
 */
const base = require('./jest.config.js')

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // The accessibility tour visits every screen in three languages at two sizes in one test file.
  testTimeout: 300000,
  maxWorkers: 1,
}
