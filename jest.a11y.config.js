/** `pnpm audit:a11y`: the accessibility audit tour of every kiosk screen (run after the kiosk build). */
const e2e = require('./jest.e2e.config.js')

/** @type {import('jest').Config} */
module.exports = {
  ...e2e,
  testMatch: ['**/e2e/**/*.audit.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 300000,
}
