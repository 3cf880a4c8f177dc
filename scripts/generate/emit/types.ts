/**
 * `@hogkit/types`: TypeScript types of the whole document, through openapi-typescript's Node API,
 * and the friendly names users import (`Project`, `ProjectCreate`, `ProjectsPage`, `Timezone`, …),
 * one per component schema plus a body type where an operation sends a schema the server also
 * sends, all named by the names file.
 */
import openapiTS, { astToString } from "openapi-typescript";
import type { OperationRow } from "../../lib/operation-table.ts";
import { type EmitContext, type Emitter, header, namesOf } from "../context.ts";

export const emitTypes: Emitter = async (context) => {
  const ast = await openapiTS(context.document as never, {
    // readOnly fields become $Read<T>, which openapi-fetch's Writable<T> drops from request bodies.
    readWriteMarkers: true,
    alphabetize: false,
    silent: true,
  });
  return [
    { path: "packages/types/src/generated/openapi.ts", contents: header(context) + astToString(ast) },
    { path: "packages/types/src/generated/friendly.ts", contents: friendlyTypes(context) },
  ];
};

function friendlyTypes(context: EmitContext): string {
  const schemas = context.document.components?.schemas ?? {};
  const calls = (pick: (row: OperationRow) => boolean) =>
    context.operations
      .filter(pick)
      .map((row) => `\`${namesOf(context, row).client}()\``)
      .sort();
  const out = [
    header(context),
    'import type { RequestBody } from "../request-body.js";',
    'import type { components, Readable } from "./openapi.js";',
    "",
    'type Schemas = components["schemas"];',
  ];
  for (const [schema, definition] of Object.entries(schemas)) {
    const name = context.names.schemas[schema]?.type;
    if (!name) throw new Error(`types emitter: no friendly name for schema ${schema}`);
    const ref = `Schemas[${JSON.stringify(schema)}]`;
    const isObject = definition.type === "object" || definition.properties !== undefined;
    const view = context.schemaViews.get(schema) ?? "read";
    const lines: string[] = [];
    if (!isObject) {
      lines.push(
        `\`${schema}\`${Array.isArray(definition.enum) ? `: one of its ${definition.enum.length} values` : ""}.`,
      );
    } else if (view === "read") {
      const answers = calls((row) => row.responseSchema === schema);
      const items = calls((row) => row.pagination?.itemSchema === schema);
      lines.push(`\`${schema}\` as PostHog sends it.`);
      if (answers.length) lines.push(`Answered by ${answers.join(", ")}.`);
      if (items.length) lines.push(`Listed by ${items.join(", ")}.`);
    } else {
      const bodies = calls((row) => row.body?.schema === schema);
      lines.push(`\`${schema}\` as a request body: read-only fields left out, so sending one does not compile.`);
      if (bodies.length) lines.push(`The body of ${bodies.join(", ")}.`);
    }
    const type = !isObject ? ref : view === "read" ? `Readable<${ref}>` : `RequestBody<${ref}>`;
    out.push("", jsDoc(lines), `export type ${name} = ${type};`);
  }
  for (const row of context.operations) {
    const names = namesOf(context, row);
    if (!names.body || !row.body?.schema) continue;
    const ref = `Schemas[${JSON.stringify(row.body.schema)}]`;
    out.push(
      "",
      jsDoc([
        `The body of \`${names.client}()\`: \`${row.body.schema}\` without its read-only fields, which PostHog ignores.`,
      ]),
      `export type ${names.body} = RequestBody<${ref}>;`,
    );
  }
  return `${out.join("\n")}\n`;
}

function jsDoc(lines: string[]): string {
  return lines.length === 1 ? `/** ${lines[0]} */` : `/**\n${lines.map((line) => ` * ${line}`).join("\n")}\n */`;
}
