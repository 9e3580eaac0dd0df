/** Browser tests of the built kiosk H5 against the real service (run after the kiosk build). */
const base = require('./jest.config.js')

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/e2e/**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120000,
  maxWorkers: 1,
}
