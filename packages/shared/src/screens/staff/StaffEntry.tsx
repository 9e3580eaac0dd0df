import { Text } from '@tarojs/components'
import { useT } from '../../i18n/useT'
import { Pressable } from '../../ui/Pressable'
import { goTo } from '../../visit/nav'

/**
 * The discreet way into staff mode: small quiet words in the top bar's corner of the kiosk's
 * welcome screen, never a step of any resident's job. Still a real control: named, focusable,
 * Enter and Space work, and the touch target is full size.
 */
export function StaffEntry() {
  const t = useT()
  return (
    <Pressable
      label={t('staff.entry')}
      onPress={() => goTo('staffSignIn')}
      className="bb-staff-entry"
      testId="staff-entry"
    >
      <Text>{t('staff.entry')}</Text>
    </Pressable>
  )
}
