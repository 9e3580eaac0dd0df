/**
 * Finds user-visible text written straight into source code instead of i18n resources:
 * any Chinese in a string, template or JSX text, English words in JSX text, and literal
 * values of attributes people see or hear (aria-label, title, placeholder, alt, label).
 * A line may opt out with a comment `i18n-exempt: <reason>` on it or on the line above,
 * for protocol values and data that are not UI text.
 */
import * as ts from 'typescript'

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/
const LATIN_WORD = /[A-Za-z]{2,}/
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'ariaLabel',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
])

export interface Finding {
  readonly file: string
  readonly line: number
  readonly text: string
  readonly rule: 'chinese-literal' | 'jsx-text' | 'visible-attribute'
}

export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const lines = source.split('\n')
  const findings: Finding[] = []
  const exempt = (line: number) =>
    /i18n-exempt:/.test(lines[line] ?? '') || /i18n-exempt:/.test(lines[line - 1] ?? '')

  const report = (node: ts.Node, text: string, rule: Finding['rule']) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line
    if (!exempt(line)) findings.push({ file, line: line + 1, text: text.trim().slice(0, 60), rule })
  }

  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (CJK.test(node.text)) report(node, node.text, 'chinese-literal')
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
      if (CJK.test(text)) report(node, text, 'chinese-literal')
    } else if (ts.isJsxText(node)) {
      if (CJK.test(node.text)) report(node, node.text, 'chinese-literal')
      else if (LATIN_WORD.test(node.text)) report(node, node.text, 'jsx-text')
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf)
      const init = node.initializer
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) &&
            init.expression &&
            (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
          ? init.expression.text
          : null
      if (VISIBLE_ATTRIBUTES.has(name) && literal && LATIN_WORD.test(literal) && !CJK.test(literal)) {
        report(node, `${name}="${literal}"`, 'visible-attribute')
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return findings
}
