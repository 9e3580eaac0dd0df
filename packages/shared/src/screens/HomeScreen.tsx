import { View } from '@tarojs/components'
import { useT } from '../i18n/useT'
import { ScreenFrame, VisitSettings } from '../ui/ScreenFrame'
import { Tile } from '../ui/Tile'
import { useScreenVoice } from '../voice/useScreenVoice'
import { goTo } from './nav'

/** 首页: the four jobs as four big tiles; language, text size and voice below. */
export function HomeScreen() {
  const t = useT()
  const { repeat } = useScreenVoice(t('voice.home'))
  return (
    <ScreenFrame title={t('home.title')} onRepeat={repeat} footer={<VisitSettings />}>
      <View className="bb-tiles">
        <Tile
          label={t('home.book')}
          icon="book"
          hint={t('home.bookHint')}
          onPress={() => goTo('book')}
          testId="tile-book"
        />
        <Tile
          label={t('home.pay')}
          icon="pay"
          hint={t('home.payHint')}
          onPress={() => goTo('pay')}
          testId="tile-pay"
        />
        <Tile
          label={t('home.request')}
          icon="request"
          hint={t('home.requestHint')}
          onPress={() => goTo('request')}
          testId="tile-request"
        />
        <Tile
          label={t('home.records')}
          icon="records"
          hint={t('home.recordsHint')}
          onPress={() => goTo('records')}
          testId="tile-records"
        />
      </View>
    </ScreenFrame>
  )
}
