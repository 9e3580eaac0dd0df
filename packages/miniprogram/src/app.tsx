import { AppRoot } from '@bangban/shared/app/AppRoot'
import { appStore } from '@bangban/shared/state/appStore'
import '@bangban/shared/ui/styles.css'
import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { persistVisit, restoreVisit, textSizeForWechatFont, type KeyValueStorage } from './platform/persist'
import { createWeappPlatform } from './platform/weappPlatform'
import { privacyGate, privacyWhatFor } from '@bangban/shared/frame/privacy'

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

let wechatFont = wechatFontSize()
appStore.update({ textSize: textSizeForWechatFont(wechatFont) })
// WeChat has no font-size event for mini-programs: the setting changes in WeChat's own settings,
// while the app is away, so it is read again each time the app comes back; a change wins over the
// resident's own 大/特大 choice, an unchanged setting leaves that choice alone.
Taro.onAppShow(() => {
  const now = wechatFontSize()
  if (now === wechatFont) return
  wechatFont = now
  appStore.update({ textSize: textSizeForWechatFont(now) })
})
restoreVisit(appStore, storage, Date.now())
persistVisit(appStore, storage)

type PrivacyReply = (reply: { event: 'agree' | 'disagree'; buttonId?: string }) => void
/**
 * WeChat's privacy flow (__usePrivacyCheck__ in app.json): a scan, the microphone or a photo waits
 * here until the resident answers the app's own prompt (PrivacyPrompt, in every screen's frame).
 */
const onNeedPrivacy = (
  Taro as unknown as {
    onNeedPrivacyAuthorization?: (
      listener: (resolve: PrivacyReply, info: { referrer?: string }) => void,
    ) => void
  }
).onNeedPrivacyAuthorization
onNeedPrivacy?.((resolve, info) => privacyGate.ask(privacyWhatFor(info?.referrer), resolve))

function App({ children }: PropsWithChildren) {
  return <AppRoot platform={platform}>{children}</AppRoot>
}

export default App
