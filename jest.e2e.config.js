/** Browser tests of the built kiosk H5 against the real service (run after the kiosk build). */
const base = require('./jest.config.js')

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/e2e/**/*.e2e.test.ts'],
  // The full accessibility audit tour runs on its own (`pnpm audit:a11y`, jest.a11y.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.audit\\.e2e\\.test\\.ts$'],
  testTimeout: 120000,
  maxWorkers: 1,
}
