import { Text } from '@tarojs/components'
import { errorMessageKeyOf, type ApiError } from '@bangban/core/api/errors'
import { useT } from '../i18n/useT'
import { Button } from '../ui/Button'
import { Notice } from '../ui/Notice'

/** An error in plain words, in the resident's language, with what to do next. */
export function ErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT()
  return (
    <Notice kind="error" title={t('common.problem')}>
      <Text className="bb-text">{t(errorMessageKeyOf(error))}</Text>
      {onRetry ? <Button label={t('common.retry')} onPress={onRetry} /> : null}
    </Notice>
  )
}
