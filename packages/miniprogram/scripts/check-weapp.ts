/** `pnpm --filter @bangban/miniprogram check`: checks dist/ after a build and prints the package sizes. */
import { join } from 'node:path'
import { checkWeapp, formatReport } from './checkWeapp'

const report = checkWeapp(join(__dirname, '../dist'))
console.log(formatReport(report))
process.exit(report.problems.length ? 1 : 0)
