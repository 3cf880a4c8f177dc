/**
 * `@hogkit/client`: one resource interface and factory per tag, one method per operation, each
 * bound to its standalone function of `@hogkit/client/funcs` (emit/client-funcs.ts).
 */

import type { OperationRow } from "../../lib/operation-table.ts";
import { type EmitContext, type Emitter, header } from "../context.ts";
import { CLIENT_OPERATION_MODULE, TypeNames } from "../type-names.ts";
import { jsDoc } from "./client-docs.ts";
import { functionName, isIterable, iteratorName, type SignatureParam, signature } from "./client-signature.ts";

/** Properties of the client object itself, which no resource may shadow. */
const CLIENT_PROPERTIES = new Set(["raw", "baseUrl", "organizationId"]);

/** The standalone functions the resources bind, seen from packages/client/src/generated/. */
const FUNCS_MODULE = "./funcs.js";

export const emitClient: Emitter = (context) => [
  { path: "packages/client/src/generated/resources.ts", contents: resourcesModule(context) },
];

function resourcesModule(context: EmitContext): string {
  const types = new TypeNames(context);
  const { imports } = types;
  const body: string[] = [];

  for (const { name: resource, names, operations: rows } of context.resourcesByName) {
    const type = names.type;
    const members: string[] = [];
    const bindings: string[] = [];
    const taken = new Set(rows.map((row) => row.method));
    for (const row of rows) {
      const params = signature(row, types);
      members.push(methodMember(row, params, row.method, `Promise<${types.result(row)}>`));
      bindings.push(`    ${row.method}: ${imports.use(FUNCS_MODULE, functionName(context, row))},`);
      if (isIterable(row)) {
        const name = iteratorName(row.method);
        if (taken.has(name))
          throw new Error(`${resource}.${name}: the iterator of ${row.method} clashes with a method`);
        const withoutBody = params.filter((p) => p.role !== "body");
        const item = types.item(row);
        members.push(methodMember(row, withoutBody, name, `AsyncGenerator<${item}, void, undefined>`, row.method));
        bindings.push(`    ${name}: ${imports.use(FUNCS_MODULE, functionName(context, row, true))},`);
      }
    }
    body.push(
      `/** \`client.${resource}\`: ${rows.length} operation${rows.length === 1 ? "" : "s"} of the \`${rows[0]?.resource}\` tag. */`,
      `export interface ${type} {`,
      members.join("\n\n"),
      "}",
      "",
      `export function create${type}(core: Core): ${type} {`,
      "  return bindCore(core, {",
      bindings.join("\n"),
      "  });",
      "}",
      "",
    );
  }

  for (const { name } of context.resourcesByName) {
    if (CLIENT_PROPERTIES.has(name)) throw new Error(`resource ${name} would shadow client.${name}; rename the tag`);
  }
  return [
    header(context),
    types.importLine(),
    'import { bindCore, type Core } from "../create-core.js";',
    types.imports.typeLine(CLIENT_OPERATION_MODULE, ["RequestOptions"]),
    `import { ${imports.names(FUNCS_MODULE).join(", ")} } from "${FUNCS_MODULE}";`,
    "",
    ...body,
    "/** Every resource of the API, as `client.<resource>`. */",
    "export interface Resources {",
    ...context.resourcesByName.map(({ name, names }) => `  readonly ${name}: ${names.type};`),
    "}",
    "",
    "export function createResources(core: Core): Resources {",
    "  return {",
    ...context.resourcesByName.map(({ name, names }) => `    ${name}: create${names.type}(core),`),
    "  };",
    "}",
    "",
  ].join("\n");
}

function methodMember(row: OperationRow, params: SignatureParam[], name: string, returns: string, iterates?: string) {
  const args = [...params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`), "options?: RequestOptions"];
  const doc = jsDoc(row, params, { indent: "  ", ...(iterates ? { iterates } : {}) });
  return `${doc}\n  ${name}(${args.join(", ")}): ${returns};`;
}
