import { useTranslation } from 'react-i18next'

/** The translation function of the current language. */
export function useT() {
  return useTranslation().t
}
