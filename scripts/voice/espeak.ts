/** espeak-ng as the stand-in voice: one call per clip, WAV on stdout, trimmed and halved to 11 kHz. */
import { execFile, execFileSync } from 'node:child_process'
import { halveRate, parseWav, trimSilence, type Pcm } from '../../packages/shared/src/voice/clips/wav'

export interface Synthesis {
  /** espeak-ng voice: cmn-latn-pinyin, sit/yue-Latn-jyutping, yue, en. */
  readonly voice: string
  readonly text: string
  /** Words per minute; slower than espeak's 175 for older listeners. */
  readonly speed: number
}

export function espeakVersion(): string {
  return execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).trim()
}

export function synthesize({ voice, text, speed }: Synthesis): Promise<Pcm> {
  return new Promise((resolve, reject) => {
    execFile(
      'espeak-ng',
      ['-v', voice, '-s', String(speed), '--stdout', text],
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error) return reject(error)
        try {
          resolve(halveRate(trimSilence(parseWav(new Uint8Array(stdout)))))
        } catch (e) {
          reject(e instanceof Error ? new Error(`${voice} "${text}": ${e.message}`) : e)
        }
      },
    )
  })
}

/** Cantonese readings from espeak-ng's own yue dictionary: one call for all characters. */
export function jyutpingOf(chars: readonly string[]): Map<string, string> {
  const out = execFileSync('espeak-ng', ['-v', 'yue', '-q', '-X'], {
    input: chars.join('\n'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const readings = new Map<string, string>()
  for (const m of out.matchAll(/^Found: '(.)' \[([a-z]+[1-9])\]/gmu)) readings.set(m[1]!, m[2]!)
  return readings
}
