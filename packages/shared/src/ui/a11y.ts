/**
 * Accessibility attributes for every Taro component, written once with the web's names (role,
 * aria-*, tabIndex, lang, id) and given to each door in its own:
 * - H5 (the kiosk): as written. Taro's component types list only mini-program attributes, so they
 *   go through here for the type checker.
 * - weapp: WeChat's attribute names (aria-component, base library 2.7.1): `role` becomes `aria-role`;
 *   a live region's role (alert, status) also says `aria-live`, which WeChat's reader needs; only
 *   the attributes the weapp build adds to Taro's templates (packages/miniprogram/config/aria.json)
 *   are kept, the rest (tabIndex, lang, aria-level, …) would be dropped by the templates anyway.
 */
export type A11yAttributes = Record<string, string | number | boolean | undefined>

export type A11yDoor = 'h5' | 'weapp'

import wechatAria from './wechatAria.json'

/**
 * WeChat's attributes the weapp build adds to the templates of its base components: the build
 * (packages/miniprogram/config/weappPlugin.cjs) reads the same file.
 */
export const WECHAT_ARIA: readonly string[] = wechatAria

const LIVE_ROLES: Readonly<Record<string, string>> = { alert: 'assertive', status: 'polite' }

/** The door this bundle is built for (Taro replaces TARO_ENV at build time; tests run as H5). */
export const DOOR: A11yDoor = process.env.TARO_ENV === 'weapp' ? 'weapp' : 'h5'

function forWechat(attributes: A11yAttributes): Record<string, string> {
  const result: Record<string, string> = {}
  const role = attributes.role === undefined ? undefined : String(attributes.role)
  if (role) result['aria-role'] = role
  if (role && LIVE_ROLES[role]) result['aria-live'] = LIVE_ROLES[role]
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue
    if (name.startsWith('data-')) result[name] = String(value)
    // WeChat has no aria-pressed on our templates: a pressed toggle is read as selected.
    else if (name === 'aria-pressed') result['aria-selected'] = String(value)
    else if (WECHAT_ARIA.includes(name)) result[name] = String(value)
  }
  return result
}

export function a11y(attributes: A11yAttributes, door: A11yDoor = DOOR): object {
  if (door === 'weapp') return forWechat(attributes)
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined))
}
