/**
 * `@hogkit/testing`: the component schemas as JSON Schema (for ajv and the value generator) and a
 * typed factory per schema. The fake's routes come from `operationTable` in `@hogkit/types`, so a
 * new operation needs nothing here; a new schema gets a `build…` factory.
 */
import type { OpenAPIDocument, SchemaObject } from "../../lib/openapi.ts";
import { type Emitter, header, literal } from "../context.ts";
import { factoryNames } from "./testing-factory-names.ts";
import { convertComponents, type SchemaView } from "./testing-json-schema.ts";

const OUT = "packages/testing/src/generated";

export const emitTesting: Emitter = (context) => {
  const { definitions, formats } = convertComponents(context.document);
  const schemaNames = Object.keys(definitions.read).sort();
  const views = schemaViews(context.document, context.operations);
  const names = factoryNames(schemaNames);

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
    const name = names.get(schema) as string;
    const view = views.get(schema) ?? "read";
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

/** Which component schema, in which view, each factory builds (naming rule: scripts/generate/emit/testing-factory-names.ts). */
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

/**
 * A schema the server sends (reachable from a success response) is built as the server sends it;
 * one only ever sent by clients (PATCH bodies, action bodies) is built as a request body.
 */
function schemaViews(
  document: OpenAPIDocument,
  operations: Array<{ responseSchema: string | null; body: { schema: string | null } | null }>,
): Map<string, SchemaView> {
  const schemas = document.components?.schemas ?? {};
  const reach = (roots: Array<string | null | undefined>) => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || !schemas[name]) return;
      seen.add(name);
      for (const ref of refsIn(schemas[name])) visit(ref);
    };
    for (const root of roots) if (root) visit(root);
    return seen;
  };
  const sent = reach(operations.map((op) => op.responseSchema));
  const received = reach(operations.map((op) => op.body?.schema));
  const views = new Map<string, SchemaView>();
  for (const name of Object.keys(schemas)) views.set(name, received.has(name) && !sent.has(name) ? "write" : "read");
  return views;
}

function refsIn(schema: SchemaObject): string[] {
  const refs: string[] = [];
  JSON.stringify(schema, (key, value) => {
    if (key === "$ref" && typeof value === "string") refs.push(value.replace(/^#\/components\/schemas\//, ""));
    return value;
  });
  return refs;
}
