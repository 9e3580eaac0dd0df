/**
 * 手写: a large writing area (600×600 CSS px at the kiosk) where each stroke is drawn as it is
 * written, and after every stroke the best candidates (at least 8, best first) above it. Tapping
 * one writes it, clears the pad and offers what may come next (联想). Recognition runs in the
 * door's text input engine (the kiosk's Web Worker), so drawing never waits for it.
 *
 * Pointer events on a canvas; `touch-action: none` on the pad only, so a finger writing never
 * scrolls the page, and the rest of the screen scrolls as before. H5 only (the kiosk): the
 * mini-program writes with WeChat's own keyboard.
 */
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useT } from '../i18n/useT'
import { usePlatform } from '../platform/PlatformContext'
import type { InputScript, PadPoint, PadStroke } from '../platform/textInput'
import { a11y } from '../ui/a11y'
import { Notice } from '../ui/Notice'
import { CandidateBar } from './CandidateBar'
import { KeyGrid, type Key } from './KeyGrid'
import { useSay } from './useSay'

/** The pad's size in CSS px: the floor for a finger-written character. */
export const PAD_SIZE = 600
/** Candidates offered after each stroke. */
export const CANDIDATES = 8
/** Said and shown only when loading takes longer than this. */
const PREPARING_AFTER_MS = 300

const INK = '#1a1a1a'
const GUIDE = '#c9c2b4'

type Status = 'loading' | 'slow' | 'ready' | 'failed'

/** Times from a stroke's end to its candidates on screen (read by the browser tests and bench). */
type Timings = { bangbanPadTimes?: number[] }

export interface HandwritingPadProps {
  readonly script: InputScript
  /** Writes the chosen text. */
  readonly onChoose: (text: string) => void
  /** The entry's edit keys (删除, 空格, 清空, 完成), beside the pad. */
  readonly keys: readonly Key[]
}

export function HandwritingPad({ script, onChoose, keys }: HandwritingPadProps) {
  const t = useT()
  const say = useSay()
  const engine = usePlatform().textInput
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const strokes = useRef<PadPoint[][]>([])
  const [strokeCount, setStrokeCount] = useState(0)
  const [status, setStatus] = useState<Status>(engine ? 'loading' : 'failed')
  const [candidates, setCandidates] = useState<string[]>([])
  const [following, setFollowing] = useState<string[]>([])
  const [punctuating, setPunctuating] = useState(false)
  /** The latest recognition asked for: older answers are dropped. */
  const asked = useRef(0)
  const endedAt = useRef(0)

  useEffect(() => {
    if (!engine) return undefined
    let done = false
    setStatus('loading')
    const slow = setTimeout(() => {
      if (done) return
      setStatus('slow')
      say(t('textEntry.spoken.preparing'))
    }, PREPARING_AFTER_MS)
    engine.prepareHandwriting(script).then(
      () => {
        done = true
        setStatus('ready')
      },
      () => {
        done = true
        setStatus('failed')
      },
    )
    return () => {
      done = true
      clearTimeout(slow)
    }
    // Said once when the pad opens slowly; the words follow the language at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, script])

  const paint = useCallback(() => {
    const el = canvas.current
    if (!el) return
    const ctx = el.getContext('2d')
    if (!ctx) return
    const ratio = el.width / PAD_SIZE
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    ctx.clearRect(0, 0, PAD_SIZE, PAD_SIZE)
    // 米字格: the guide lines a Chinese exercise book has, so the character is written centred.
    ctx.strokeStyle = GUIDE
    ctx.lineWidth = 2
    ctx.setLineDash([14, 12])
    ctx.beginPath()
    ctx.moveTo(PAD_SIZE / 2, 0)
    ctx.lineTo(PAD_SIZE / 2, PAD_SIZE)
    ctx.moveTo(0, PAD_SIZE / 2)
    ctx.lineTo(PAD_SIZE, PAD_SIZE / 2)
    ctx.moveTo(0, 0)
    ctx.lineTo(PAD_SIZE, PAD_SIZE)
    ctx.moveTo(PAD_SIZE, 0)
    ctx.lineTo(0, PAD_SIZE)
    ctx.stroke()
    ctx.setLineDash([])
    ctx.strokeStyle = INK
    ctx.lineWidth = 14
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    for (const stroke of strokes.current) {
      ctx.beginPath()
      stroke.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)))
      if (stroke.length === 1) ctx.lineTo(stroke[0]!.x + 0.1, stroke[0]!.y)
      ctx.stroke()
    }
  }, [])

  const recognize = useCallback(() => {
    if (!engine) return
    asked.current += 1
    const mine = asked.current
    const written: PadStroke[] = strokes.current.map((s) => s.slice())
    void engine.recognize(script, written, CANDIDATES).then(
      (chars) => {
        if (mine !== asked.current) return
        setCandidates(chars)
      },
      () => undefined,
    )
  }, [engine, script])

  // Candidates on screen: how long after the stroke's end (the limit: 150 ms).
  useEffect(() => {
    if (candidates.length === 0 || !endedAt.current) return
    const since = endedAt.current
    endedAt.current = 0
    requestAnimationFrame(() => {
      const timings = globalThis as Timings
      timings.bangbanPadTimes?.push(performance.now() - since)
    })
  }, [candidates])

  const clearPad = useCallback(() => {
    asked.current += 1
    strokes.current = []
    setStrokeCount(0)
    setCandidates([])
    paint()
  }, [paint])

  // The pad opens where the writer can reach it: its scrolling region brings it into view (in a
  // landscape frame it would otherwise start below the region's edge).
  useEffect(() => {
    canvas.current?.scrollIntoView?.({ block: 'nearest' })
  }, [])

  // The canvas's pixels follow the screen's density; strokes are kept in CSS px.
  useEffect(() => {
    const el = canvas.current
    if (!el) return undefined
    const ratio = Math.max(1, Math.min(3, window.devicePixelRatio || 1))
    el.width = PAD_SIZE * ratio
    el.height = PAD_SIZE * ratio
    paint()

    let active: number | null = null
    let current: PadPoint[] = []
    let started = 0
    let box = el.getBoundingClientRect()
    const at = (e: PointerEvent): PadPoint => ({
      x: ((e.clientX - box.left) * PAD_SIZE) / box.width,
      y: ((e.clientY - box.top) * PAD_SIZE) / box.height,
      t: e.timeStamp - started,
    })
    const segment = (from: PadPoint, to: PadPoint) => {
      const ctx = el.getContext('2d')
      if (!ctx) return
      ctx.beginPath()
      ctx.moveTo(from.x, from.y)
      ctx.lineTo(to.x, to.y)
      ctx.stroke()
    }
    const down = (e: PointerEvent) => {
      if (active !== null) return
      e.preventDefault()
      active = e.pointerId
      try {
        el.setPointerCapture(e.pointerId)
      } catch {
        /* a synthetic pointer cannot be captured; the stroke still follows it */
      }
      box = el.getBoundingClientRect()
      started = e.timeStamp
      current = [at(e)]
      setPunctuating(false)
      setFollowing([])
      const ctx = el.getContext('2d')
      if (ctx) {
        ctx.strokeStyle = INK
        ctx.lineWidth = 14
        ctx.lineCap = 'round'
        ctx.lineJoin = 'round'
      }
      segment(current[0]!, { ...current[0]!, x: current[0]!.x + 0.1 })
    }
    const move = (e: PointerEvent) => {
      if (e.pointerId !== active) return
      e.preventDefault()
      const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : []
      for (const ev of events.length > 0 ? events : [e]) {
        const p = at(ev)
        const last = current[current.length - 1]!
        if (Math.abs(p.x - last.x) + Math.abs(p.y - last.y) < 1) continue
        current.push(p)
        segment(last, p)
      }
    }
    const up = (e: PointerEvent) => {
      if (e.pointerId !== active) return
      e.preventDefault()
      active = null
      if (e.type === 'pointerup') {
        const p = at(e)
        const last = current[current.length - 1]!
        if (p.x !== last.x || p.y !== last.y) current.push(p)
      }
      strokes.current = [...strokes.current, current]
      current = []
      endedAt.current = performance.now()
      setStrokeCount(strokes.current.length)
      recognize()
    }
    el.addEventListener('pointerdown', down)
    el.addEventListener('pointermove', move)
    el.addEventListener('pointerup', up)
    el.addEventListener('pointercancel', up)
    return () => {
      el.removeEventListener('pointerdown', down)
      el.removeEventListener('pointermove', move)
      el.removeEventListener('pointerup', up)
      el.removeEventListener('pointercancel', up)
    }
  }, [paint, recognize])

  const follow = (text: string) => {
    if (!engine) return
    const last = [...text].pop()
    if (!last) return
    void engine.follow(script, last, CANDIDATES).then(setFollowing, () => setFollowing([]))
  }

  const choose = (text: string) => {
    onChoose(text)
    say(text)
    clearPad()
    setPunctuating(false)
    follow(text)
  }

  const marks = [...t('textEntry.punctuationMarks')]
  const shown = punctuating ? marks : strokeCount > 0 ? candidates : following
  const hint = strokeCount > 0 ? '' : t('textEntry.candidatesHint')

  return (
    <View className="bb-hw">
      <View className="bb-hw-top">
        <CandidateBar
          label={strokeCount > 0 || punctuating ? t('textEntry.candidates') : t('textEntry.followHint')}
          items={shown}
          onChoose={choose}
          hint={hint}
        />
        {status === 'slow' ? (
          <View className="bb-entry-status" {...a11y({ role: 'status' })}>
            <Text>{t('textEntry.preparing')}</Text>
          </View>
        ) : null}
        {status === 'failed' ? <Notice kind="error" title={t('textEntry.unavailable')} /> : null}
      </View>
      <KeyGrid
        label={t('textEntry.editKeys')}
        className="bb-hw-keys"
        rows={pairs([
          { id: 'rewrite', label: t('textEntry.rewrite'), onPress: clearPad, action: true },
          {
            id: 'punctuation',
            label: t('textEntry.punctuation'),
            onPress: () => setPunctuating((p) => !p),
            selected: punctuating,
            action: true,
          },
          ...keys,
        ])}
      />
      <View className="bb-hw-pad-box">
        {process.env.TARO_ENV === 'h5' ? (
          <canvas
            ref={canvas}
            className="bb-hw-pad"
            width={PAD_SIZE}
            height={PAD_SIZE}
            data-testid="handwriting-pad"
            data-strokes={strokeCount}
            data-ready={status === 'ready' ? 'true' : 'false'}
            {...a11y({ role: 'img', 'aria-label': t('textEntry.pad') })}
          />
        ) : null}
      </View>
    </View>
  )
}

/** Keys two to a row. */
function pairs(keys: readonly Key[]): Key[][] {
  const rows: Key[][] = []
  for (let i = 0; i < keys.length; i += 2) rows.push(keys.slice(i, i + 2))
  return rows
}
