/**
 * The oldest WeChat clients the mini-program runs on, in one place: the Babel targets of the weapp
 * build, the syntax check of the built bundle (weapp-test/syntax.test.ts) and the README say the same.
 *
 * On iOS the mini-program's logic layer runs in the system's own JavaScriptCore, so the iOS version
 * is the binding floor: iOS 12 (iPhone 5s and 6, still in many elders' hands) runs ES2017 and most of
 * ES2018/2019, but not `?.`, `??`, class fields or regex lookbehind. Android clients run it on WeChat's
 * own V8, far newer than Chrome 66. The base library floor is what the APIs we call need without
 * a fallback (getAppBaseInfo, page-meta's root-font-size); older base libraries ask the resident to
 * update WeChat (the console's 基础库最低版本设置 says the same).
 */
module.exports = {
  /** Babel (preset-env) targets of every script in the weapp bundle, node_modules included. */
  babelTargets: { ios: '12', chrome: '66' },
  /** The newest ECMAScript syntax year the bundle may use (acorn's ecmaVersion). */
  ecmaVersion: 2019,
  iosFloor: '12.0',
  baseLibraryFloor: '2.21.2',
}
