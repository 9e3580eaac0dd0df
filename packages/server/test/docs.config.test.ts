/**
 * docs/configuration.md names every setting there is: each environment variable the service reads
 * (the keys of every `const Env = z.object({…})` schema and every `*_ENV_VARS` list under
 * packages/server/src: config.ts, WeChat Pay, WeChat); packages/kiosk/test/docs.config.test.ts checks
 * the fields of the kiosk's configuration file.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { loadConfig } from '../src/config'

const root = join(__dirname, '../../..')
const docs = readFileSync(join(root, 'docs/configuration.md'), 'utf8')
/** Named in backticks, alone or as part of a dotted path (`idle.warnAfterSeconds`). */
const documented = (name: string) => new RegExp(`\`([\\w.]*\\.)?${name}(\\.[\\w.]*)?\``).test(docs)

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )
}

/**
 * Environment variable names declared in a file: the property names of `const Env = z.object({ … })`
 * (config.ts does not export its schema, so it is read from the source) and the strings of
 * `const …_ENV_VARS = [ … ]`.
 */
function declaredVariables(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const names: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let init: ts.Expression = node.initializer
      while (ts.isAsExpression(init)) init = init.expression
      if (node.name.text === 'Env' && ts.isCallExpression(init)) {
        const shape = init.arguments[0]
        if (shape && ts.isObjectLiteralExpression(shape)) {
          for (const property of shape.properties) {
            if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
              names.push(property.name.text)
          }
        }
      }
      if (node.name.text.endsWith('_ENV_VARS') && ts.isArrayLiteralExpression(init)) {
        for (const element of init.elements) if (ts.isStringLiteral(element)) names.push(element.text)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return names
}

describe('docs/configuration.md', () => {
  const serverSrc = join(root, 'packages/server/src')
  const variables = [...new Set(sourceFiles(serverSrc).flatMap(declaredVariables))]

  it("finds the service's settings in its source", () => {
    const settings = Object.keys(loadConfig({})).filter((key) => /^[A-Z][A-Z0-9_]*$/.test(key))
    expect(settings).toContain('PORT')
    expect(variables).toEqual(expect.arrayContaining([...settings, 'BANGBAN_KIOSK_KEY', 'WECHATPAY_MCHID']))
  })

  it('names every environment variable of the service', () => {
    expect(variables.filter((name) => !documented(name))).toEqual([])
  })
})
