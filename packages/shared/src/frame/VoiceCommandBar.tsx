/**
 * The 说话 button under the top bar, and what the voice heard or could not do. Shown only where
 * useVoiceCommands is enabled; every command it reaches is also a button on the screen.
 */
import { Text, View } from '@tarojs/components'
import { useT } from '../i18n/useT'
import { Button } from '../ui/Button'
import type { CommandActions } from '../voice/commands/dispatch'
import { useVoiceCommands } from '../visit/useVoiceCommands'
import { a11y } from '../ui/a11y'

export function VoiceCommandBar({ actions }: { actions: CommandActions }) {
  const t = useT()
  const { enabled, listening, message, press } = useVoiceCommands(actions)
  if (!enabled) return null
  return (
    // A named region: content outside every landmark is lost to screen-reader users (axe: region).
    <View className="bb-voice-commands" {...a11y({ role: 'region', 'aria-label': t('settings.commands') })}>
      <Button
        label={t('voice.command.talk')}
        onPress={press}
        selected={listening}
        className="bb-talk"
        testId="talk"
      />
      <View className="bb-voice-status" {...a11y({ role: 'status', 'aria-live': 'polite' })}>
        <Text>{listening ? t('voice.command.listening') : (message ?? '')}</Text>
      </View>
    </View>
  )
}
