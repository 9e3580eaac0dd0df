/**
 * An image with a text alternative. On H5 a native img, so the alternative sits on the element
 * assistive technology reads (Taro's H5 Image wraps an img the alt cannot reach); decorative
 * images (alt "") are hidden from it.
 */
import { Image } from '@tarojs/components'
import type { CSSProperties } from 'react'
import { a11y } from './a11y'

export function Picture({
  src,
  alt,
  className,
  style,
}: {
  src: string
  alt: string
  className?: string
  style?: CSSProperties
}) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <img
        className={className}
        style={style}
        src={src}
        alt={alt}
        {...(alt ? {} : { 'aria-hidden': true })}
      />
    )
  }
  return (
    <Image
      className={className}
      style={style}
      src={src}
      {...a11y(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': 'true' })}
    />
  )
}
