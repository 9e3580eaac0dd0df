/**
 * Environment files read the way systemd's `EnvironmentFile=` reads them, so an operator command
 * given `--env-file /etc/bangban/service.env` sees exactly what the service sees: whole-line
 * comments only (`#` or `;` first), `KEY=value` with the value up to the end of the line (an
 * inline `# …` stays in it, as systemd keeps it), or a value in double quotes (with \\ escapes) or
 * single quotes. A line ending in a backslash continues on the next.
 */
import { readFileSync } from 'node:fs'

export class EnvFileError extends Error {
  override readonly name = 'EnvFileError'
}

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue
    const eq = trimmed.indexOf('=')
    if (eq <= 0) continue
    const key = trimmed.slice(0, eq).trim()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue
    out[key] = unquote(trimmed.slice(eq + 1).trim(), i + 1)
  }
  return out
}

function unquote(raw: string, lineNo: number): string {
  const quote = raw[0]
  if (quote !== '"' && quote !== "'") return raw
  let value = ''
  for (let i = 1; i < raw.length; i++) {
    const ch = raw[i]!
    if (ch === quote) return value
    if (quote === '"' && ch === '\\' && i + 1 < raw.length) value += raw[++i]
    else value += ch
  }
  throw new EnvFileError(`line ${lineNo}: the quoted value is not closed`)
}

export function readEnvFile(path: string): Record<string, string> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new EnvFileError(`cannot read ${path} (${code})`)
  }
  return parseEnvFile(text)
}

/**
 * The environment of an operator command: `--env-file` (the service's own file) over the
 * process's, or the process's alone when it names the database. Neither: refused, so a command
 * never quietly creates and works on a fresh SQLite file in the current folder.
 */
export function operatorEnvironment(env: NodeJS.ProcessEnv, envFile: string | undefined): NodeJS.ProcessEnv {
  const merged = envFile ? { ...env, ...readEnvFile(envFile) } : env
  if (!merged.DATABASE_URL)
    throw new EnvFileError(
      envFile
        ? `${envFile} does not set DATABASE_URL`
        : "no database named: give --env-file /etc/bangban/service.env (the service's environment file) or set DATABASE_URL",
    )
  return merged
}
