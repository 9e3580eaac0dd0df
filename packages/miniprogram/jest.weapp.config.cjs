/**
 * Tests of the built mini-program (dist/): run after `pnpm --filter @bangban/miniprogram build`,
 * as `pnpm test` does. The unit tests of the package run with the workspace's jest config.
 */
const base = require('../../jest.config.js')

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  rootDir: __dirname,
  roots: ['<rootDir>/weapp-test'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
}
