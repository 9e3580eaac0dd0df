/**
 * Speech by the operating system's own voices, for when the page's `speechSynthesis` has none
 * (older Windows images with SAPI-only voices, Linux without Chromium's speech-dispatcher link).
 * Windows: System.Speech through PowerShell; Linux: speech-dispatcher's `spd-say`. The text goes
 * to the child process on stdin or as one argument, never through a shell.
 */
import type { BridgeUtterance } from '@bangban/shared/platform/KioskBridge'

export interface SpeechCommand {
  readonly command: string
  readonly args: readonly string[]
  /** Written to the child's stdin, when the engine reads the text from there. */
  readonly stdin: string | null
}

const WINDOWS_CULTURE: Record<BridgeUtterance['lang'], string> = {
  'zh-CN': 'zh-CN',
  'zh-HK': 'zh-HK',
  en: 'en-US',
}
/** speech-dispatcher language codes (espeak-ng and other modules map them to voices). */
const SPD_LANGUAGE: Record<BridgeUtterance['lang'], string> = { 'zh-CN': 'zh', 'zh-HK': 'yue', en: 'en' }

/** PowerShell that speaks stdin with an installed voice of the culture; exits 3 when there is none. */
function windowsScript(culture: string, rate: number, volume: number): string {
  return [
    '[Console]::InputEncoding = [Text.Encoding]::UTF8',
    'Add-Type -AssemblyName System.Speech',
    '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
    `$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -eq '${culture}' } | Select-Object -First 1`,
    'if (-not $v) { exit 3 }',
    '$s.SelectVoice($v.VoiceInfo.Name)',
    `$s.Rate = ${rate}`,
    `$s.Volume = ${volume}`,
    '$s.Speak([Console]::In.ReadToEnd())',
  ].join('; ')
}

/** Maps rate 0.5–2 (1 normal) onto an engine's scale, centred on 0. */
function scaleRate(rate: number, max: number): number {
  const clamped = Math.min(2, Math.max(0.5, rate))
  const scaled = clamped >= 1 ? (clamped - 1) * max : ((clamped - 1) / 0.5) * max
  return Math.round(scaled)
}

export function speechCommand(platform: NodeJS.Platform, utterance: BridgeUtterance): SpeechCommand | null {
  const volume = Math.min(1, Math.max(0, utterance.volume))
  if (platform === 'win32') {
    const script = windowsScript(
      WINDOWS_CULTURE[utterance.lang],
      scaleRate(utterance.rate, 10),
      Math.round(volume * 100),
    )
    return {
      command: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
      stdin: utterance.text,
    }
  }
  if (platform === 'linux') {
    // A text starting with '-' would be read as an option; speech ignores the leading dashes.
    const text = utterance.text.replace(/^-+/, '').trim()
    if (!text) return null
    return {
      command: 'spd-say',
      args: [
        '--wait',
        '--language',
        SPD_LANGUAGE[utterance.lang],
        '--rate',
        String(scaleRate(utterance.rate, 100)),
        '--volume',
        String(Math.round(volume * 200 - 100)),
        text,
      ],
      stdin: null,
    }
  }
  return null
}

/** Asks whether a voice exists for the language, without speaking. */
export function voiceProbeCommand(
  platform: NodeJS.Platform,
  lang: BridgeUtterance['lang'],
): SpeechCommand | null {
  if (platform === 'win32') {
    const script = [
      'Add-Type -AssemblyName System.Speech',
      '$s = New-Object System.Speech.Synthesis.SpeechSynthesizer',
      `if ($s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -eq '${WINDOWS_CULTURE[lang]}' }) { exit 0 } else { exit 3 }`,
    ].join('; ')
    return {
      command: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-Command', script],
      stdin: null,
    }
  }
  if (platform === 'linux') return { command: 'spd-say', args: ['--list-output-modules'], stdin: null }
  return null
}
