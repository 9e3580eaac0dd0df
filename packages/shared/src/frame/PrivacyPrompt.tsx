/**
 * The app's own privacy prompt (WeChat's 隐私协议 flow), in the frame of every screen: shown when
 * WeChat holds a privacy-gated call (scan, microphone, photos) until the resident has agreed to
 * the 用户隐私保护指引. 查看隐私保护指引 opens WeChat's page with the guide; 同意并继续 is WeChat's own
 * agreePrivacyAuthorization button (the call then goes ahead); 不同意 refuses, in plain words.
 */
import { Button as TaroButton, Text, View } from '@tarojs/components'
import { useSyncExternalStore } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import { Button } from '../ui/Button'
import { Notice } from '../ui/Notice'
import { a11y } from '../ui/a11y'
import { privacyGate } from './privacy'

const AGREE_ID = 'bb-privacy-agree'

export function PrivacyPrompt() {
  const t = useT()
  const platform = usePlatform()
  const { request, refused } = useSyncExternalStore(privacyGate.subscribe, privacyGate.get)
  if (refused)
    return (
      <Notice kind="info" title={t('weapp.privacy.refused')}>
        <Button label={t('common.close')} onPress={() => privacyGate.dismiss()} />
      </Notice>
    )
  if (!request) return null
  // WeChat's own button type: only a press on it counts as agreeing (the id goes back to WeChat).
  const agreeProps = {
    id: AGREE_ID,
    openType: 'agreePrivacyAuthorization',
    onAgreePrivacyAuthorization: () => request.agree(AGREE_ID),
  } as unknown as Record<string, unknown>
  return (
    <View
      className="bb-card bb-privacy"
      {...a11y({ role: 'alertdialog', 'aria-label': t('weapp.privacy.title') })}
    >
      <Text className="bb-heading-2">{t('weapp.privacy.title')}</Text>
      <Text className="bb-text">
        {t('weapp.privacy.body', { what: t(`weapp.privacy.what.${request.what}`) })}
      </Text>
      <Button
        label={t('weapp.privacy.read')}
        onPress={() => void platform.wechat?.openPrivacyContract().catch(() => undefined)}
        testId="privacy-read"
      />
      <View className="bb-actions">
        <TaroButton
          className="bb-pressable bb-button bb-button-primary"
          {...agreeProps}
          {...a11y({ role: 'button', 'aria-label': t('weapp.privacy.agree') })}
        >
          <Text className="bb-button-label">{t('weapp.privacy.agree')}</Text>
        </TaroButton>
        <Button label={t('weapp.privacy.disagree')} onPress={() => request.disagree()} testId="privacy-no" />
      </View>
    </View>
  )
}
