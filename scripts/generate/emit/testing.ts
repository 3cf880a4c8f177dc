/**
 * `@hogkit/testing`: the component schemas as JSON Schema (for ajv and the value generator) and a
 * typed factory per schema. The fake's routes come from `operationTable` in `@hogkit/types`, so a
 * new operation needs nothing here; a new schema gets a `build…` factory.
 */
import { type Emitter, header, literal } from "../context.ts";
import type { SchemaView } from "../schema-views.ts";
import { convertComponents } from "./testing-json-schema.ts";

const OUT = "packages/testing/src/generated";

export const emitTesting: Emitter = (context) => {
  const { definitions, formats } = convertComponents(context.document);
  const schemaNames = Object.keys(definitions.read).sort();

  const schemas = `${header(context)}import type { JsonSchemaDocument } from "../schema-document.js";

/**
 * Every component schema as JSON Schema draft-07, in the server's view (\`read\`: readOnly kept as an
 * annotation) and the client's view (\`write\`: readOnly properties removed).
 */
export const schemaDocument: JsonSchemaDocument = ${literal({ $id: "hogkit:components", definitions })};

/** Every \`format\` the schemas use; each needs a validator in ajv and a generator in the factories. */
export const schemaFormats = ${literal(formats)} as const;
`;

  const table: Record<string, { schema: string; view: SchemaView }> = {};
  const methods: string[] = [];
  for (const schema of schemaNames) {
    const name = context.names.schemas[schema]?.factory;
    if (!name) throw new Error(`testing emitter: no factory name for schema ${schema}`);
    const view = context.schemaViews.get(schema) ?? "read";
    table[name] = { schema, view };
    const type = `${view === "read" ? "Readable" : "Writable"}<Schemas[${JSON.stringify(schema)}]>`;
    const what = view === "read" ? "as the server sends it" : "as a request body (read-only fields left out)";
    methods.push(
      `  /** A schema-valid \`${schema}\` ${what}; \`overrides\` are deep-merged (arrays replaced). */\n  ${name}(overrides?: Overrides<${type}>): ${type};`,
    );
  }
  const factories = `${header(context)}import type { components, Readable, Writable } from "@hogkit/types";
import type { Overrides } from "../overrides.js";

type Schemas = components["schemas"];

/** Which component schema, in which view, each factory builds (names: spec/projects.names.yaml). */
export const factoryTable = ${literal(table)} as const;

export type FactoryName = keyof typeof factoryTable;

/** One factory per component schema of the spec. */
export interface GeneratedFactories {
${methods.join("\n")}
}
`;
  return [
    { path: `${OUT}/schemas.ts`, contents: schemas },
    { path: `${OUT}/factories.ts`, contents: factories },
  ];
};
