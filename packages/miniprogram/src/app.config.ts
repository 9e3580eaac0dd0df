/**
 * The mini-program's pages. Only the home page (办事) is in the main package, so the first
 * screen opens fast; every other screen is its own subpackage, fetched when first opened (the
 * job pages ahead of time from the home page on any network). Each subpackage keeps its page's
 * path (root `pages/book`, page `index` → /pages/book/index), so navigation is the kiosk's.
 * No tab bar: WeChat's tab labels are about 10 px and do not grow with the font setting, below
 * our 18 px floor, and the home page's four large tiles already lead to every job and 我的记录.
 */
export const SUBPACKAGE_PAGES = [
  'pages/signin/index',
  'pages/book/index',
  'pages/pay/index',
  'pages/request/index',
  'pages/records/index',
  'pages/scan-consent/index',
  'pages/family/index',
  'pages/account/index',
] as const

export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: SUBPACKAGE_PAGES.map((page) => {
    const root = page.slice(0, page.lastIndexOf('/'))
    return { root, pages: [page.slice(root.length + 1)] }
  }),
  preloadRule: {
    'pages/index/index': {
      network: 'all',
      packages: ['pages/signin', 'pages/book', 'pages/pay', 'pages/request'],
    },
  },
  // WeChat's 同声传译 (text to speech, recognition); added to the app in the admin console first.
  plugins: { WechatSI: { version: '0.3.6', provider: 'wx069ba97219f66d99' } },
  window: {
    // i18n-exempt: the static title WeChat shows while the app loads; each screen sets its own
    navigationBarTitleText: '帮办通',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#fbf8f2',
    // Nothing moves under an older hand: no pull-to-refresh.
    enablePullDownRefresh: false,
  },
  // The privacy flow: WeChat holds the camera scan, microphone and photos until the resident agrees
  // to the 用户隐私保护指引 in the app's own prompt (wx.onNeedPrivacyAuthorization, app.tsx).
  __usePrivacyCheck__: true,
  // WeChat search may list the home page only: the others show a resident's own affairs.
  sitemapLocation: 'sitemap.json',
})
