/**
 * The root of both apps: translations, the platform, and the visit's language kept in step with
 * i18next (and with the page's `lang`, so screen readers and voices pick the right language).
 */
import { useEffect, useState, type PropsWithChildren } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '@bangban/core/i18n'
import type { Platform } from '../platform/Platform'
import { PlatformProvider } from '../platform/PlatformContext'
import { appStore } from '../state/appStore'

export function AppRoot({ platform, children }: PropsWithChildren<{ platform: Platform }>) {
  const [i18n] = useState(() => createI18n(appStore.get().language))
  useEffect(() => {
    const unsubscribe = appStore.subscribe(() => {
      const { language } = appStore.get()
      if (i18n.language !== language) void i18n.changeLanguage(language)
      if (typeof document !== 'undefined') document.documentElement.lang = language
    })
    return () => {
      unsubscribe()
    }
  }, [i18n])
  return (
    <I18nextProvider i18n={i18n}>
      <PlatformProvider platform={platform}>{children}</PlatformProvider>
    </I18nextProvider>
  )
}
