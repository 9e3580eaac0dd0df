/**
 * 门牌号: an address such as "3号楼2单元501" built from digits and tiles (号楼, 单元, 层, 室, 号),
 * the way it is written on a letter. 删除 takes back a whole tile.
 */
import { useT } from '../i18n/useT'
import { KeyGrid, type Key } from './KeyGrid'

export const TILE_IDS = ['building', 'unit', 'floor', 'room', 'number', 'dash'] as const

/** The text each tile writes (the same in every language: the address is read in Chinese). */
export function useTileTexts(): string[] {
  const t = useT()
  return TILE_IDS.map((id) => t(`textEntry.tiles.${id}`))
}

export function AddressTiles({ onKey, keys }: { onKey: (text: string) => void; keys: readonly Key[] }) {
  const t = useT()
  const digit = (d: string): Key => ({ id: d, label: d, onPress: () => onKey(d) })
  const tile = (id: (typeof TILE_IDS)[number]): Key => ({
    id: `tile-${id}`,
    label: t(`textEntry.tiles.${id}`),
    name: t(`textEntry.tileNames.${id}`),
    onPress: () => onKey(t(`textEntry.tiles.${id}`)),
    action: true,
  })
  return (
    <KeyGrid
      label={t('textEntry.method.tiles')}
      className="bb-tile-keys"
      rows={[
        [digit('1'), digit('2'), digit('3'), tile('building')],
        [digit('4'), digit('5'), digit('6'), tile('unit')],
        [digit('7'), digit('8'), digit('9'), tile('room')],
        [tile('dash'), digit('0'), tile('floor'), tile('number')],
        [...keys],
      ]}
    />
  )
}
