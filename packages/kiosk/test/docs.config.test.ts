/** docs/configuration.md names each field of the kiosk's configuration file. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { kioskConfigSchema } from '../electron/config/schema'

const docs = readFileSync(join(__dirname, '../../../docs/configuration.md'), 'utf8')
/** Named in backticks, alone or as part of a dotted path (`idle.warnAfterSeconds`). */
const documented = (name: string) => new RegExp(`\`([\\w.]*\\.)?${name}(\\.[\\w.]*)?\``).test(docs)

/** Just enough of zod's internals to walk an object schema through defaults, pipes and unions. */
interface SchemaNode {
  readonly _zod: {
    readonly def: {
      readonly type: string
      readonly shape?: Record<string, SchemaNode>
      readonly innerType?: SchemaNode
      readonly in?: SchemaNode
      readonly options?: readonly SchemaNode[]
    }
  }
}

function fieldNames(schema: SchemaNode, into = new Set<string>()): Set<string> {
  const def = schema._zod.def
  if (def.shape) {
    for (const [name, field] of Object.entries(def.shape)) {
      into.add(name)
      fieldNames(field, into)
    }
  }
  for (const inner of [def.innerType, def.in, ...(def.options ?? [])]) if (inner) fieldNames(inner, into)
  return into
}

describe('docs/configuration.md', () => {
  it("names every field of the kiosk's configuration file", () => {
    const fields = [...fieldNames(kioskConfigSchema as unknown as SchemaNode)]
    expect(fields).toEqual(expect.arrayContaining(['kioskName', 'devices', 'paperWidthMm', 'maxKeyGapMs']))
    expect(fields.filter((field) => !documented(field))).toEqual([])
  })
})
