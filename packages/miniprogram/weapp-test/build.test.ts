/**
 * The weapp build (dist/, made by `pnpm --filter @bangban/miniprogram build` just before this runs)
 * is complete, declares what its code needs, carries nothing of the kiosk, and fits its budgets.
 */
import { checkWeapp, formatReport } from '../scripts/checkWeapp'
import { DIST } from './sim'

it('is complete, declares its plugin, leaks nothing and fits the size budgets', () => {
  const report = checkWeapp(DIST)
  console.warn(formatReport(report))
  expect(report.problems).toEqual([])
  expect(report.pages).toContain('pages/index/index')
  // The home page is the only page in the main package: every other screen loads on demand.
  expect(report.packages.length).toBe(report.pages.length)
})
