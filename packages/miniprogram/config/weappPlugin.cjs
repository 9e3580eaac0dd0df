/**
 * What the weapp build adds to Taro, the way @tarojs/plugin-inject does it (NervJS/taro#10025):
 * - WeChat's aria-* attributes (the UI kit's list, shared/src/ui/wechatAria.json) on the base
 *   components of config/aria.json. Taro 4 writes a template per component listing only the
 *   attributes it knows (dist/base.wxml) and names them p0, p1, … in alphabetical order; the same
 *   list must reach the templates (here, when the platform is set up) and Taro's runtime
 *   (src/platform/weappRuntime.ts, imported first in app.js), or the names differ.
 * - That runtime module also brings the engine floor (config/floor.cjs) up before anything else runs.
 * plugin-inject itself is not used: its newest release (4.1.11) pins @tarojs/shared and
 * @tarojs/helper 4.1.11 beside our 4.2.1, and it writes its generated runtime into its own installed
 * files, which pnpm hard-links from the shared store.
 */
const path = require('node:path')
const { components } = require('./aria.json')
const attributes = require('../../shared/src/ui/wechatAria.json')

/** { View: { 'aria-role': '', … }, … }: '' = no default, the attribute is bound as given. */
function ariaComponents() {
  const patch = Object.fromEntries(attributes.map((name) => [name, '']))
  return Object.fromEntries(components.map((component) => [component, { ...patch }]))
}

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      platform.template.mergeComponents(ctx, ariaComponents())
      const runtime = path.resolve(__dirname, '../src/platform/weappRuntime.ts')
      platform.runtimePath = [].concat(platform.runtimePath, runtime)
    },
  })
}

module.exports.ariaComponents = ariaComponents
