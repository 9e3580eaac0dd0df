/**
 * Runs first in app.js (config/weappPlugin.cjs puts it in Taro's runtime list): the engine floor,
 * then WeChat's aria-* attributes made known to Taro's runtime, in the same list the plugin added to
 * the templates, so the short names Taro gives attributes (p0, p1, …) agree on both sides.
 */
import './engineFloor'
import { mergeInternalComponents } from '@tarojs/shared'
import { WECHAT_ARIA } from '@bangban/shared/ui/a11y'
import aria from '../../config/aria.json'

const attributes = Object.fromEntries(WECHAT_ARIA.map((name) => [name, '']))
mergeInternalComponents(
  Object.fromEntries(aria.components.map((component) => [component, { ...attributes }])),
)
