/**
 * The built app starts on an engine without what iOS 12's JavaScriptCore lacks (BigInt before iOS 14,
 * Object.fromEntries before iOS 12.2): engineFloor.ts runs before zod and i18next load.
 */
import { bootApp, openPage, textOf, waitFor } from './sim'

it('starts and renders the home page without BigInt and Object.fromEntries', async () => {
  const g = globalThis as Record<string, unknown>
  const saved = { BigInt: g.BigInt, fromEntries: Object.fromEntries }
  delete g.BigInt
  delete (Object as unknown as Record<string, unknown>).fromEntries
  try {
    bootApp()
    const home = openPage('pages/index/index')
    await waitFor(() => textOf(home).includes('预约挂号'), 'the home page')
    expect(typeof g.BigInt).toBe('function')
    expect(Object.fromEntries([['a', 1]])).toEqual({ a: 1 })
  } finally {
    g.BigInt = saved.BigInt
    Object.fromEntries = saved.fromEntries
  }
})
