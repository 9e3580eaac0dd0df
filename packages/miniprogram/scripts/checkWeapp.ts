/**
 * Checks a weapp build (dist/) the way WeChat's uploader and reviewers would, before anyone opens
 * the developer tools: every page of app.json is built (js, json, wxml), the plugin and privacy
 * declarations the code needs are there, nothing meant for the kiosk (DOM, Electron, H5 Taro,
 * Node) leaked into the bundle, and the main package and each subpackage are within budget.
 * `pnpm --filter @bangban/miniprogram check` prints the sizes (check-weapp.ts); the weapp tests assert the report.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** WeChat allows 2 MB for the main package; ours must open fast on a slow phone. */
export const MAIN_BUDGET_BYTES = 1024 * 1024
/** WeChat allows 2 MB per subpackage; a screen should arrive in a moment on 4G. */
export const SUBPACKAGE_BUDGET_BYTES = 512 * 1024

export const WECHATSI = { provider: 'wx069ba97219f66d99' }

/** Text that betrays code meant for another door, or for a browser or Node. */
export const LEAK_PATTERNS: ReadonlyArray<readonly [what: string, pattern: RegExp]> = [
  ['Electron', /\belectron\b|ipcRenderer|contextBridge/],
  ['react-dom (H5 renderer)', /react-dom/],
  ['Taro H5 runtime', /@tarojs\/(taro-h5|router|components\/dist)/],
  ['Node built-in', /require\("(node:|fs"|child_process"|net"|http")/],
  ['service code', /better-sqlite3|fastify|kysely/],
  ['browser speech', /speechSynthesis|SpeechSynthesisUtterance/],
  // Bare globals only: Taro's runtime keeps its own document object (env.document) for its tree.
  ['browser storage', /(?<![\w$.])(localStorage|sessionStorage)\b|(?<![\w$.])document\.cookie/],
  [
    'DOM calls',
    /(?<![\w$.])document\.(createElement|getElementById|querySelector)|(?<![\w$.])window\.addEventListener/,
  ],
]

/** APIs WeChat refuses at run time unless app.json lists them in requiredPrivateInfos. */
export const PRIVATE_INFO_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
] as const

export interface PackageSize {
  readonly name: string
  readonly root: string
  readonly bytes: number
  readonly budget: number
}

export interface WeappReport {
  readonly pages: readonly string[]
  readonly packages: readonly PackageSize[]
  readonly problems: readonly string[]
}

interface AppJson {
  pages?: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  subpackages?: Array<{ root: string; pages: string[] }>
  plugins?: Record<string, { version?: string; provider?: string }>
  requiredPrivateInfos?: string[]
  preloadRule?: Record<string, { packages?: string[] }>
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}

function inRoot(file: string, root: string): boolean {
  const normal = root.replace(/\/+$/, '').split('/').join(sep)
  return file === normal || file.startsWith(`${normal}${sep}`)
}

export function checkWeapp(dist: string): WeappReport {
  const problems: string[] = []
  const appJsonPath = join(dist, 'app.json')
  if (!existsSync(appJsonPath)) return { pages: [], packages: [], problems: [`${appJsonPath} is missing`] }
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson
  const subPackages = app.subPackages ?? app.subpackages ?? []
  const pages = [
    ...(app.pages ?? []),
    ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`)),
  ]
  if (new Set(pages).size !== pages.length) problems.push('app.json lists a page twice')
  for (const page of pages) {
    for (const ext of ['js', 'json', 'wxml']) {
      if (!existsSync(join(dist, `${page}.${ext}`))) problems.push(`page ${page} has no ${page}.${ext}`)
    }
  }
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    if (!pages.includes(page)) problems.push(`preloadRule names ${page}, which is not a page`)
    for (const name of rule.packages ?? []) {
      if (!subPackages.some((sub) => sub.root === name))
        problems.push(`preloadRule names unknown package ${name}`)
    }
  }

  const files = filesUnder(dist).map((path) => relative(dist, path))
  const jsFiles = files.filter((file) => file.endsWith('.js'))
  const texts = new Map(jsFiles.map((file) => [file, readFileSync(join(dist, file), 'utf8')]))

  // The voice needs WeChat's 同声传译 plugin: declared, and from its provider.
  const usesWechatSI = [...texts.values()].some((text) => text.includes('WechatSI'))
  if (usesWechatSI && app.plugins?.WechatSI?.provider !== WECHATSI.provider)
    problems.push(
      `the code loads the WechatSI plugin but app.json does not declare it (${WECHATSI.provider})`,
    )

  for (const [file, text] of texts) {
    for (const [what, pattern] of LEAK_PATTERNS) {
      if (pattern.test(text)) problems.push(`${file}: ${what} in the bundle (${pattern.source})`)
    }
    // Taro's own runtime lists every API name; only calls in our code need declaring.
    if (file === 'taro.js') continue
    for (const api of PRIVATE_INFO_APIS) {
      if (new RegExp(`\\.${api}\\(`).test(text) && !(app.requiredPrivateInfos ?? []).includes(api))
        problems.push(`${file} calls ${api}, which app.json must list in requiredPrivateInfos`)
    }
  }

  const sizeOf = (file: string) => statSync(join(dist, file)).size
  // project.config.json and the sitemap describe the project; WeChat does not count them in a package.
  const counted = files.filter(
    (file) => !['project.config.json', 'project.private.config.json'].includes(file),
  )
  const packages: PackageSize[] = [
    {
      name: 'main',
      root: '',
      bytes: counted
        .filter((file) => !subPackages.some((sub) => inRoot(file, sub.root)))
        .reduce((sum, file) => sum + sizeOf(file), 0),
      budget: MAIN_BUDGET_BYTES,
    },
    ...subPackages.map((sub) => ({
      name: sub.root,
      root: sub.root,
      bytes: counted.filter((file) => inRoot(file, sub.root)).reduce((sum, file) => sum + sizeOf(file), 0),
      budget: SUBPACKAGE_BUDGET_BYTES,
    })),
  ]
  for (const pkg of packages) {
    if (pkg.bytes > pkg.budget)
      problems.push(`${pkg.name} package is ${kb(pkg.bytes)}, over its budget of ${kb(pkg.budget)}`)
  }
  return { pages, packages, problems }
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

export function formatReport(report: WeappReport): string {
  const width = Math.max(...report.packages.map((p) => p.name.length), 8)
  const lines = report.packages.map(
    (p) => `  ${p.name.padEnd(width)}  ${kb(p.bytes).padStart(10)}  (budget ${kb(p.budget)})`,
  )
  const total = report.packages.reduce((sum, p) => sum + p.bytes, 0)
  return [
    `weapp: ${report.pages.length} pages, ${report.packages.length - 1} subpackages, ${kb(total)} in all`,
    ...lines,
    ...(report.problems.length
      ? ['problems:', ...report.problems.map((p) => `  ✖ ${p}`)]
      : ['  ✔ no problems']),
  ].join('\n')
}
