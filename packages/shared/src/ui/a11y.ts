/**
 * Taro's component types list only mini-program attributes; on H5 the same props become DOM
 * attributes. Accessibility attributes (role, tabIndex, aria-*, lang) go through this so the
 * type checker accepts them on every Taro component.
 */
export type A11yAttributes = Record<string, string | number | boolean | undefined>

export function a11y(attributes: A11yAttributes): object {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined))
}
