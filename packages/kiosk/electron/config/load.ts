/**
 * Finds, reads and validates the configuration file. Pure apart from the injected file reader, so
 * the decisions (where to look, what counts as wrong) are tested without Electron.
 */
import { kioskConfigSchema, type KioskConfig } from './schema'

export interface ConfigProblem {
  /** Dotted path of the field, or '' for the file as a whole. */
  readonly path: string
  readonly message: string
}

export type ConfigResult =
  | { readonly ok: true; readonly config: KioskConfig; readonly file: string }
  | {
      readonly ok: false
      readonly reason: 'missing' | 'unreadable' | 'not-json' | 'invalid'
      readonly file: string | null
      readonly problems: readonly ConfigProblem[]
    }

export interface ConfigLocation {
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string | undefined>>
  readonly platform: NodeJS.Platform
  /** Electron's userData folder. */
  readonly userData: string
}

/**
 * Where a kiosk's file may be, first match wins: `--config=<file>`, BANGBAN_KIOSK_CONFIG, the
 * machine-wide place staff edit (ProgramData or /etc), then the app's own folder.
 */
export function configCandidates(where: ConfigLocation): string[] {
  const candidates: string[] = []
  const flag = where.argv.find((arg) => arg.startsWith('--config='))
  if (flag) return [flag.slice('--config='.length)]
  const fromEnv = where.env.BANGBAN_KIOSK_CONFIG
  if (fromEnv) return [fromEnv]
  if (where.platform === 'win32')
    candidates.push(`${where.env.ProgramData ?? 'C:\\ProgramData'}\\Bangban\\kiosk.json`)
  else candidates.push('/etc/bangban/kiosk.json')
  const separator = where.platform === 'win32' ? '\\' : '/'
  candidates.push(`${where.userData}${separator}kiosk.json`)
  return candidates
}

export interface FileReader {
  exists(file: string): boolean
  read(file: string): string
}

export function loadConfig(where: ConfigLocation, files: FileReader): ConfigResult {
  const candidates = configCandidates(where)
  const file = candidates.find((candidate) => files.exists(candidate))
  if (!file)
    return {
      ok: false,
      reason: 'missing',
      file: null,
      problems: candidates.map((candidate) => ({ path: '', message: candidate })),
    }
  let text: string
  try {
    text = files.read(file)
  } catch (error) {
    return { ok: false, reason: 'unreadable', file, problems: [{ path: '', message: String(error) }] }
  }
  return parseConfig(text, file)
}

export function parseConfig(text: string, file: string): ConfigResult {
  let json: unknown
  try {
    // A BOM is what Windows Notepad writes; JSON.parse refuses it.
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return {
      ok: false,
      reason: 'not-json',
      file,
      problems: [{ path: '', message: (error as Error).message }],
    }
  }
  const parsed = kioskConfigSchema.safeParse(json)
  if (parsed.success) return { ok: true, config: parsed.data, file }
  return {
    ok: false,
    reason: 'invalid',
    file,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  }
}
