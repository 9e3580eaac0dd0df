/**
 * The direction of imports, checked by `pnpm lint` (dependency-cruiser). Two rules of thumb:
 * - `@bangban/core` is platform-free and imports no other package of ours; the service imports only
 *   the core; the apps build from `@bangban/shared` (the Taro UI) and the core.
 * - inside `packages/shared/src`, each folder imports only the folders below it (listed in LAYERS,
 *   lowest first), so no two folders ever depend on each other; and no file cycle, type-only included.
 */
const SHARED = '^packages/shared/src/'

/** Each folder of the shared UI and the folders it may import, besides itself and the core. */
const LAYERS = {
  voice: [], // speech engines, clip players, spoken-command grammar: no React
  i18n: [], // the React hook over the core's i18n
  platform: ['voice'], // what a door (kiosk, mini-program) provides
  state: ['voice'], // the visit's state, in memory only
  ui: ['i18n'], // the UI kit: accessible controls, no app state
  visit: ['voice', 'i18n', 'platform', 'state', 'ui'], // API access, navigation, acting states, the screen's voice
  entry: ['voice', 'i18n', 'platform', 'state', 'ui'], // writing without a keyboard: TextEntry, pad, keyboards
  queue: ['voice', 'i18n', 'platform', 'state', 'ui', 'visit'], // 取号 and calls to the counter
  frame: ['voice', 'i18n', 'platform', 'state', 'ui', 'visit', 'queue'], // the chrome around every screen
  screens: ['voice', 'i18n', 'platform', 'state', 'ui', 'visit', 'entry', 'queue', 'frame'], // the screens and their flows
  app: ['voice', 'i18n', 'platform', 'state', 'ui', 'visit', 'entry', 'queue', 'frame', 'screens'], // the root
}

const layerRules = Object.entries(LAYERS).map(([folder, below]) => ({
  name: `shared-${folder}-imports-below`,
  comment: `shared/src/${folder} may import only ${below.length ? below.join(', ') : 'nothing else of shared'} (and the core)`,
  severity: 'error',
  from: { path: `${SHARED}${folder}/` },
  to: { path: SHARED, pathNot: `${SHARED}(${[folder, ...below].join('|')})/` },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle between files, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-no-package-of-ours',
      comment: 'The core (and the handwriting recogniser beside it) is what everything else builds on.',
      severity: 'error',
      from: { path: '^packages/(core|handwriting)/' },
      to: { path: '^packages/(?!core/|handwriting/)' },
    },
    {
      name: 'core-is-platform-free',
      comment: 'The core runs in the service, the kiosk and the mini-program alike.',
      severity: 'error',
      from: { path: '^packages/core/src/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'core'],
        path: '^(node_modules/)?(react|react-dom|@tarojs|electron)(/|$)|^node:|^(fs|path|os|crypto|child_process)$',
      },
    },
    {
      name: 'server-imports-only-the-core',
      comment: 'The service never needs screens, the UI kit or the apps.',
      severity: 'error',
      from: { path: '^packages/server/' },
      to: { path: '^packages/(shared|kiosk|miniprogram)/' },
    },
    {
      name: 'shared-ui-imports-no-app',
      comment: 'The shared UI is built into both apps; it never reaches into one of them or the service.',
      severity: 'error',
      from: { path: '^packages/shared/' },
      to: { path: '^packages/(server|kiosk|miniprogram)/' },
    },
    {
      name: 'apps-reach-the-service-only-in-tests',
      comment: 'The kiosk and mini-program talk to the service over HTTP; only tests start it in-process.',
      severity: 'error',
      from: { path: '^packages/(kiosk|miniprogram)/', pathNot: '^packages/[^/]+/(e2e|test|weapp-test)/' },
      to: { path: '^packages/server/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage|test-results)/|\\.swc/' },
    // Type-only imports count: a cycle of types is still a cycle a reader has to untangle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
