import { iconUrl, type IconName } from './icons'
import { Picture } from './Picture'

/** A decorative icon beside a text label. */
export function Icon({ name, size, color }: { name: IconName; size: number; color?: string }) {
  return (
    <Picture
      className="bb-icon"
      src={iconUrl(name, color)}
      alt=""
      style={{ width: `${size}px`, height: `${size}px` }}
    />
  )
}
