/** The pages of both apps and the moves between them; page files are thin wrappers in each app. */
import Taro from '@tarojs/taro'

export const PAGES = {
  home: '/pages/index/index',
  signIn: '/pages/signin/index',
  book: '/pages/book/index',
  pay: '/pages/pay/index',
  request: '/pages/request/index',
  records: '/pages/records/index',
  // Mini-program only.
  scanConsent: '/pages/scan-consent/index',
  family: '/pages/family/index',
  // Kiosk only (staff mode): the mini-program has no such pages.
  staffSignIn: '/pages/staff-signin/index',
  staffConsole: '/pages/staff/index',
  adminDashboard: '/pages/admin/index',
  staffCash: '/pages/staff-cash/index',
} as const

export type PageName = keyof typeof PAGES

export function pageUrl(page: PageName, params: Record<string, string> = {}): string {
  const query = Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${PAGES[page]}?${query}` : PAGES[page]
}

export function goTo(page: PageName, params?: Record<string, string>): void {
  void Taro.navigateTo({ url: pageUrl(page, params) })
}

/** Replaces the current page (after sign-in, the job continues in its place). */
export function replaceWith(page: PageName, params?: Record<string, string>): void {
  void Taro.redirectTo({ url: pageUrl(page, params) })
}

/** Closes every page and opens this one (entering and leaving staff mode). */
export function relaunchTo(page: PageName): void {
  void Taro.reLaunch({ url: PAGES[page] })
}

export function goHome(): void {
  void Taro.reLaunch({ url: PAGES.home })
}

export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else goHome()
}

/** The query parameters of the current page. */
export function pageParams(): Record<string, string | undefined> {
  return (Taro.getCurrentInstance().router?.params ?? {}) as Record<string, string | undefined>
}

/** Whether the page before this one is `page` (the job that asked for sign-in). */
export function cameFrom(page: PageName): boolean {
  const pages = Taro.getCurrentPages() as Array<{ route?: string; path?: string }>
  const previous = pages[pages.length - 2]
  const route = (previous?.route ?? previous?.path ?? '').replace(/^\//, '').split('?')[0]
  return route === PAGES[page].replace(/^\//, '')
}
