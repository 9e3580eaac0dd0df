/**
 * The part of a screen between its fixed bars. Content longer than the screen scrolls here, never
 * the page: the bars stay put. At the kiosk, whenever there is more than fits, a cue says so and
 * large 上一页 / 下一页 buttons move through it (many older people do not swipe); the mini-program
 * is swiped as any phone page is.
 */
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useId, useState, type PropsWithChildren } from 'react'
import { useT } from '../i18n/useT'
import { Button } from '../ui/Button'
import { a11y } from '../ui/a11y'

interface Position {
  readonly overflows: boolean
  readonly atTop: boolean
  readonly atBottom: boolean
}

const AT_REST: Position = { overflows: false, atTop: true, atBottom: true }

/** Slack in CSS px for rounding (zoomed screens give fractional sizes). */
const SLACK = 4
/** A page is most of the visible height: a line or two stays in view, so the reader keeps their place. */
const PAGE_SHARE = 0.8

/** The part of the region a page can show: its height less the main action that stays at its foot. */
function visibleHeight(el: HTMLElement): number {
  const stuck = Array.from(el.querySelectorAll<HTMLElement>('.bb-main > .bb-actions')).find(
    (actions) => getComputedStyle(actions).position === 'sticky',
  )
  const covered = stuck ? stuck.getBoundingClientRect().height : 0
  return Math.max(el.clientHeight / 3, el.clientHeight - covered)
}

function positionOf(el: HTMLElement): Position {
  const overflows = el.scrollHeight - el.clientHeight > SLACK
  return {
    overflows,
    atTop: el.scrollTop <= SLACK,
    atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - SLACK,
  }
}

export function ScrollRegion({
  paged,
  resetKey,
  children,
}: PropsWithChildren<{
  /** Measure and offer 上一页 / 下一页 (the kiosk: a DOM to measure and no swipe habit). */
  readonly paged: boolean
  /** Back to the top when this changes (the next step of a job on the same page). */
  readonly resetKey: string
}>) {
  const t = useT()
  const id = `bb-scroll-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const [position, setPosition] = useState<Position>(AT_REST)

  const element = useCallback(
    () => (typeof document === 'undefined' ? null : document.getElementById(id)),
    [id],
  )

  useEffect(() => {
    if (!paged) return
    const el = element()
    if (!el) return
    const update = () =>
      setPosition((old) => {
        const now = positionOf(el)
        return old.overflows === now.overflows && old.atTop === now.atTop && old.atBottom === now.atBottom
          ? old
          : now
      })
    update()
    el.addEventListener('scroll', update, { passive: true })
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update)
    resized?.observe(el)
    // Content arrives after the frame (lists load, steps change): measure again when it does.
    const changed = typeof MutationObserver === 'undefined' ? null : new MutationObserver(update)
    changed?.observe(el, { childList: true, subtree: true, characterData: true })
    window.addEventListener('resize', update)
    return () => {
      el.removeEventListener('scroll', update)
      resized?.disconnect()
      changed?.disconnect()
      window.removeEventListener('resize', update)
    }
  }, [paged, element])

  useEffect(() => {
    const el = element()
    if (el) el.scrollTop = 0
  }, [resetKey, element])

  const page = (direction: 1 | -1) => {
    const el = element()
    if (!el) return
    el.scrollTo({
      top: el.scrollTop + direction * Math.round(visibleHeight(el) * PAGE_SHARE),
      behavior: 'smooth',
    })
  }

  const more = paged && position.overflows && !position.atBottom
  return (
    <View className="bb-scroll-area">
      <View
        className={`bb-scroll${more ? ' bb-scroll-more' : ''}`}
        {...a11y({ id, 'data-testid': 'scroll-region' })}
      >
        {children}
      </View>
      {paged && position.overflows ? (
        <View
          className="bb-pager"
          {...a11y({ role: 'navigation', 'aria-label': t('nav.pagerLabel'), 'data-testid': 'pager' })}
        >
          <Button
            label={t('nav.pageUp')}
            icon="up"
            onPress={() => page(-1)}
            disabled={position.atTop}
            testId="page-up"
          />
          <Text className="bb-pager-cue" {...a11y({ 'aria-live': 'polite' })}>
            {position.atBottom ? t('nav.atEnd') : t('nav.moreBelow')}
          </Text>
          <Button
            label={t('nav.pageDown')}
            icon="down"
            onPress={() => page(1)}
            disabled={position.atBottom}
            testId="page-down"
          />
        </View>
      ) : null}
    </View>
  )
}
