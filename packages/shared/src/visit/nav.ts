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
  account: '/pages/account/index',
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

/**
 * Closes every page for the home page, then runs `after` (e.g. forgetting the session): pages
 * that would react to it (a sign-in guard) are gone by then.
 */
export async function goHomeThen(after: () => void): Promise<void> {
  try {
    await Taro.reLaunch({ url: PAGES.home })
  } finally {
    after()
  }
}

export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else goHome()
}

/** The query parameters of the current page. */
export function pageParams(): Record<string, string | undefined> {
  return (Taro.getCurrentInstance().router?.params ?? {}) as Record<string, string | undefined>
}

/** The page on top of the stack, by name (null for a page that is not ours). */
export function currentPageName(): PageName | null {
  const pages = Taro.getCurrentPages() as Array<{ route?: string; path?: string }>
  const top = pages[pages.length - 1]
  const route = (top?.route ?? top?.path ?? '').replace(/^\//, '').split('?')[0]
  const found = (Object.keys(PAGES) as PageName[]).find((name) => PAGES[name].replace(/^\//, '') === route)
  return found ?? null
}

/**
 * A page that needs a signed-in resident sends them to sign-in, the job kept (`next`), unless it
 * is no longer the page on top: a page being closed does not move the one that replaced it.
 */
export function signInFor(page: PageName, params: Record<string, string> = {}): void {
  const top = currentPageName()
  if (top !== null && top !== page) return
  replaceWith('signIn', { ...params, next: page })
}

/** The current page's own query, without what Taro adds. */
export function pageQuery(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pageParams()).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[0].startsWith('$'),
    ),
  )
}

/** Whether the page before this one is `page` (the job that asked for sign-in). */
export function cameFrom(page: PageName): boolean {
  const pages = Taro.getCurrentPages() as Array<{ route?: string; path?: string }>
  const previous = pages[pages.length - 2]
  const route = (previous?.route ?? previous?.path ?? '').replace(/^\//, '').split('?')[0]
  return route === PAGES[page].replace(/^\//, '')
}

/** The page on screen now, or null when it is none of ours. */
export function currentPage(): PageName | null {
  const pages = Taro.getCurrentPages() as Array<{ route?: string; path?: string }>
  const top = pages[pages.length - 1]
  const route = (top?.route ?? top?.path ?? '').replace(/^\//, '').split('?')[0]
  const found = (Object.keys(PAGES) as PageName[]).find((name) => PAGES[name].replace(/^\//, '') === route)
  return found ?? null
}
