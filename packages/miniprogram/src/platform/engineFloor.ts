/**
 * What the oldest iOS the mini-program supports (config/floor.cjs: iOS 12, whose JavaScriptCore runs
 * the logic layer) lacks of what the bundle calls at load: `globalThis` (iOS 12.2), `Object.fromEntries`
 * (iOS 12.2) and `BigInt` (iOS 14; zod builds its int64 ranges with it when it loads, and we have no
 * bigint schema). Syntax is Babel's job; weapp-test/syntax.test.ts checks both.
 */

type Global = Record<string, unknown>

function findGlobal(): Global {
  if (typeof globalThis !== 'undefined') return globalThis as unknown as Global
  // No Function('return this') in WeChat's logic layer: a getter on Object.prototype, read from the
  // global scope, returns the global object as its receiver.
  Object.defineProperty(Object.prototype, '__bangbanGlobal__', {
    get() {
      return this
    },
    configurable: true,
  })
  try {
    // @ts-expect-error -- read through the global object's prototype chain, on purpose
    return __bangbanGlobal__ as Global
  } finally {
    delete (Object.prototype as Global).__bangbanGlobal__
  }
}

const root = findGlobal()
if (root.globalThis === undefined) root.globalThis = root

if (typeof Object.fromEntries !== 'function') {
  Object.defineProperty(Object, 'fromEntries', {
    value: (entries: Iterable<readonly [PropertyKey, unknown]>) => {
      const result: Record<PropertyKey, unknown> = {}
      for (const [key, value] of entries) result[key] = value
      return result
    },
    configurable: true,
    writable: true,
  })
}

if (typeof root.BigInt !== 'function') {
  // Enough for zod to load; a bigint schema would need the real thing, and we define none.
  root.BigInt = (value: unknown) => Number(value)
}

export {}
