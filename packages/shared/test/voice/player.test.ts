/**
 * The segment player on the generated clips: clips come out in plan order, each pause is kept to
 * the millisecond, and the whole lasts what the files and pauses add up to — checked against the
 * files' own headers and, for the joined result, by sox.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createI18n } from '@bangban/core/i18n'
import { planClips, PAUSES, type PlanItem } from '../../src/voice/clips/plan'
import { LEAD_SECONDS, playPlan, type Scheduled, type Timers } from '../../src/voice/clips/player'
import { durationMs, encodeWav, type Pcm } from '../../src/voice/clips/wav'
import { normalizeFreeText } from '@bangban/core/speech'
import { fileAudioOut, planSources, readClip } from './support/clipFiles'

/** Timers that fire only when the test says, so the events can be checked at exact times. */
function manualTimers(): Timers & { fire(): void; count(): number } {
  const queue = new Map<number, () => void>()
  let next = 0
  return {
    setTimeout: (fn) => {
      queue.set(++next, fn)
      return next
    },
    clearTimeout: (handle) => queue.delete(handle as number),
    fire: () => {
      const fns = [...queue.values()]
      queue.clear()
      fns.forEach((fn) => fn())
    },
    count: () => queue.size,
  }
}

const sentence = normalizeFreeText(
  createI18n('zh-CN').t('voice.book.success', {
    ticket: 'A012',
    day: '明天 12月1日 星期二',
    time: '下午 14:30–15:00',
    place: '幸福里社区卫生服务中心',
    service: '全科门诊',
  }),
  'zh-CN',
)

function clipsOf(items: readonly PlanItem[]) {
  return items.flatMap((item) => ('clip' in item ? [item.clip] : []))
}

/** Mixes the schedule into one track, as the audio output would hear it. */
function render(schedule: readonly Scheduled[], sampleRate: number): Pcm {
  const start = schedule[0]!.at
  const last = schedule[schedule.length - 1]!
  const total = Math.round((last.at + last.duration - start) * sampleRate)
  const samples = new Int16Array(total)
  for (const s of schedule) {
    const pcm = readClip(s.clip)
    const offset = Math.round((s.at - start) * sampleRate)
    pcm.samples.forEach((v, i) => {
      if (offset + i < total) samples[offset + i] = v
    })
  }
  return { sampleRate, samples }
}

describe('segment player on the generated clips', () => {
  const plan = planClips(sentence, 'zh-CN', planSources('zh-CN'))

  it('plans the ticket digit by digit between phrase clips', () => {
    expect(plan.missing).toEqual([])
    const said = plan.items.flatMap((item) => ('clip' in item ? [item.text] : []))
    expect(said.slice(0, 3)).toEqual(['预约成功', '您的号码是', 'a'])
    expect(said.slice(3, 6)).toEqual(['零', '一', '二'])
  })

  it('schedules the clips in order, back to back with the planned pauses, and reports start and end', async () => {
    const out = fileAudioOut()
    const timers = manualTimers()
    const events: string[] = []
    const playback = playPlan(plan.items, out, {
      rate: 1,
      volume: 0.7,
      timers,
      onstart: () => events.push('start'),
      onend: () => events.push('end'),
      onerror: (e) => events.push(`error:${e}`),
    })
    const schedule = await playback.scheduled
    expect(schedule.map((s) => s.clip)).toEqual(clipsOf(plan.items))
    expect(out.started.map((s) => s.ref)).toEqual(clipsOf(plan.items))
    expect(out.started.every((s) => s.volume === 0.7)).toBe(true)

    // Each clip's length is its file's; the gap before it is the plan's pause.
    let k = 0
    let gap = 0
    let previousEnd: number | null = null
    for (const item of plan.items) {
      if ('pause' in item) {
        gap += item.pause / 1000
        continue
      }
      const s = schedule[k++]!
      expect(s.duration).toBeCloseTo(durationMs(readClip(s.clip)) / 1000, 6)
      if (previousEnd === null) expect(s.at).toBeCloseTo(LEAD_SECONDS, 6)
      else expect(s.at - previousEnd).toBeCloseTo(gap, 6)
      previousEnd = s.at + s.duration
      gap = 0
    }

    const pauses = plan.items.reduce((sum, item) => sum + ('pause' in item ? item.pause : 0), 0)
    const clipMs = schedule.reduce((sum, s) => sum + s.duration * 1000, 0)
    const total = previousEnd! - schedule[0]!.at
    expect(total * 1000).toBeCloseTo(clipMs + pauses, 3)
    expect(total).toBeGreaterThan(5)

    expect(events).toEqual([])
    timers.fire()
    expect(events).toEqual(['start', 'end'])
  })

  it('joins into one track whose duration sox reads as the sum of clips and pauses', async () => {
    const schedule = await playPlan(plan.items, fileAudioOut(), {
      rate: 1,
      volume: 1,
      timers: manualTimers(),
    }).scheduled
    const file = join(mkdtempSync(join(tmpdir(), 'bangban-voice-')), 'joined.wav')
    writeFileSync(file, encodeWav(render(schedule, 11025)))
    const soxSeconds = Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim())
    const expected =
      schedule.reduce((sum, s) => sum + durationMs(readClip(s.clip)), 0) +
      plan.items.reduce((sum, item) => sum + ('pause' in item ? item.pause : 0), 0)
    expect(soxSeconds * 1000).toBeCloseTo(expected, -1)
  })

  it('stretches pauses, not clips, for slow speech', async () => {
    const normal = await playPlan(plan.items, fileAudioOut(), { rate: 1, volume: 1, timers: manualTimers() })
      .scheduled
    const slow = await playPlan(plan.items, fileAudioOut(), { rate: 0.8, volume: 1, timers: manualTimers() })
      .scheduled
    expect(slow.map((s) => s.duration)).toEqual(normal.map((s) => s.duration))
    const span = (s: readonly Scheduled[]) => s[s.length - 1]!.at - s[0]!.at
    const pauses = plan.items.reduce((sum, item) => sum + ('pause' in item ? item.pause : 0), 0) / 1000
    expect(span(slow) - span(normal)).toBeCloseTo(pauses * (1 / 0.8 - 1), 6)
  })

  it('stops every scheduled clip on cancel and says interrupted, not end', async () => {
    const out = fileAudioOut()
    const timers = manualTimers()
    const events: string[] = []
    const playback = playPlan(plan.items, out, {
      rate: 1,
      volume: 1,
      timers,
      onend: () => events.push('end'),
      onerror: (e) => events.push(`error:${e}`),
    })
    await playback.scheduled
    playback.cancel()
    expect(out.started.every((s) => s.stopped)).toBe(true)
    expect(timers.count()).toBe(0)
    expect(events).toEqual(['error:interrupted'])
  })

  it('fails before any sound when a clip cannot be loaded, so the next engine can speak', async () => {
    const out = fileAudioOut()
    const events: string[] = []
    const items: PlanItem[] = [
      { clip: 'zh-CN/s/qing3', text: 'qing' },
      { pause: PAUSES.minor },
      { clip: 'zh-CN/p/00000000', text: 'gone' },
    ]
    await playPlan(items, out, {
      rate: 1,
      volume: 1,
      timers: manualTimers(),
      onstart: () => events.push('start'),
      onerror: (e) => events.push(`error:${e}`),
    }).scheduled
    expect(events).toEqual(['error:synthesis-failed'])
    expect(out.started.every((s) => s.stopped)).toBe(true)
  })
})
