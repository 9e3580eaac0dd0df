/**
 * One rule for every text a caller sends (issue 19, D4), applied by the service to every request's
 * body, query and path before the route's schema, the same on both engines: text is normalised to
 * NFC, and refused when it holds a character that is invisible or changes how the text around it
 * shows — C0/C1 controls (NUL too, which PostgreSQL cannot store), bidirectional overrides and
 * isolates (王\u202e明小 shown as 王小明), zero-width and other format characters, line and paragraph
 * separators, lone surrogates and noncharacters. Line breaks and tabs are allowed only in the fields
 * meant for several lines (MULTILINE_FIELDS), with CR LF read as LF. Refusals are VALIDATION_FAILED
 * naming where and `problem: 'unsafe_characters'`, never echoing the value.
 */

/** Fields whose text may run over several lines: descriptions, notes, comments, reasons. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set([
  'description',
  'note',
  'comment',
  'reason',
  'details',
  'message',
])

export const UNSAFE_CHARACTERS = 'unsafe_characters'

/** Controls, format characters (bidi, zero-width, soft hyphen, tags), line/paragraph separators, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u

function isNoncharacter(codePoint: number): boolean {
  return (codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe
}

/** The text as stored (NFC, CR LF as LF), or null when it may not be stored. */
export function acceptableText(text: string, multiline: boolean): string | null {
  // Printable ASCII is always acceptable and already NFC (ids, numbers, base64 files).
  if (/^[\x20-\x7e]*$/.test(text)) return text
  const value = (multiline ? text.replace(/\r\n/g, '\n') : text).normalize('NFC')
  for (const char of value) {
    if (multiline && (char === '\n' || char === '\t')) continue
    if (INVISIBLE.test(char) || isNoncharacter(char.codePointAt(0)!)) return null
  }
  return value
}

export interface TextProblem {
  readonly where: string
  readonly problem: typeof UNSAFE_CHARACTERS
}

/**
 * Every string in a request part (`where`: body, query, params), checked and normalised. Returns
 * the part with its strings as stored, and the places refused.
 */
export function checkTextInput(
  value: unknown,
  where: string,
): { readonly value: unknown; readonly problems: TextProblem[] } {
  const problems: TextProblem[] = []
  const walk = (node: unknown, path: string, field: string): unknown => {
    if (typeof node === 'string') {
      const accepted = acceptableText(node, MULTILINE_FIELDS.has(field))
      if (accepted === null) {
        problems.push({ where: path, problem: UNSAFE_CHARACTERS })
        return node
      }
      return accepted
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}.${i}`, field))
    if (node && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
      const out: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(node)) {
        if (acceptableText(key, false) === null) problems.push({ where: path, problem: UNSAFE_CHARACTERS })
        out[key] = walk(item, `${path}.${key}`, key)
      }
      return out
    }
    return node
  }
  const checked = walk(value, where, '')
  return { value: checked, problems }
}
