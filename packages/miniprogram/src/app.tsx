import { AppRoot } from '@bangban/shared/app/AppRoot'
import { appStore } from '@bangban/shared/state/appStore'
import '@bangban/shared/ui/styles.css'
import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { persistVisit, restoreVisit, textSizeForWechatFont, type KeyValueStorage } from './platform/persist'
import { createWeappPlatform } from './platform/weappPlatform'

const platform = createWeappPlatform()

const storage: KeyValueStorage = {
  get: (key) => Taro.getStorageSync(key) as unknown,
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
}

/** WeChat's font setting (getAppBaseInfo from base library 2.20.1; older ones have getSystemInfoSync). */
function wechatFontSize(): number | undefined {
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()
    return (info as { fontSizeSetting?: number }).fontSizeSetting
  } catch {
    return undefined
  }
}

appStore.update({ textSize: textSizeForWechatFont(wechatFontSize()) })
restoreVisit(appStore, storage, Date.now())
persistVisit(appStore, storage)

function App({ children }: PropsWithChildren) {
  return <AppRoot platform={platform}>{children}</AppRoot>
}

export default App
