/**
 * `@hogkit/client`: one resource interface and factory per tag, one method per operation, each
 * bound to its standalone function of `@hogkit/client/funcs` (emit/client-funcs.ts). Also refreshes
 * the operations table in packages/client/README.md (emit/client-readme.ts).
 */

import type { OperationRow } from "../../lib/operation-table.ts";
import { type EmitContext, type Emitter, header } from "../context.ts";
import { OPERATION_HELPERS, TypeNames } from "../type-names.ts";
import { jsDoc } from "./client-docs.ts";
import { clientRows } from "./client-funcs.ts";
import { emitClientReadme } from "./client-readme.ts";
import { functionName, isIterable, iteratorName, type SignatureParam, signature } from "./client-signature.ts";

/** Properties of the client object itself, which no resource may shadow. */
const CLIENT_PROPERTIES = new Set(["raw", "baseUrl", "organizationId"]);

export const emitClient: Emitter = (context) => [
  { path: "packages/client/src/generated/resources.ts", contents: resourcesModule(context) },
  ...emitClientReadme(context),
];

function resourcesModule(context: EmitContext): string {
  const byResource = groupByResource(context.operations);
  const imports = new Set<string>();
  const body: string[] = [];
  const types = new TypeNames(context);

  for (const [resource, rows] of byResource) {
    const type = resourceType(context, resource);
    const members: string[] = [];
    const bindings: string[] = [];
    const taken = new Set(rows.map((row) => row.method));
    for (const row of rows) {
      const params = signature(row, types);
      members.push(methodMember(row, params, row.method, `Promise<${types.result(row)}>`));
      bindings.push(`    ${row.method}: ${functionName(context, row)},`);
      imports.add(functionName(context, row));
      if (isIterable(row)) {
        const name = iteratorName(row.method);
        if (taken.has(name))
          throw new Error(`${resource}.${name}: the iterator of ${row.method} clashes with a method`);
        const withoutBody = params.filter((p) => p.role !== "body");
        const item = types.item(row);
        members.push(methodMember(row, withoutBody, name, `AsyncGenerator<${item}, void, undefined>`, row.method));
        bindings.push(`    ${name}: ${functionName(context, row, true)},`);
        imports.add(functionName(context, row, true));
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

  const resources = [...byResource.keys()];
  for (const name of resources) {
    if (CLIENT_PROPERTIES.has(name)) throw new Error(`resource ${name} would shadow client.${name}; rename the tag`);
  }
  const code = body.join("\n");
  return [
    header(context),
    types.importLine(code, OPERATION_HELPERS),
    'import { bindCore, type Core } from "../create-core.js";',
    `import type { ${code.includes("PageItem<") ? "PageItem, " : ""}RequestOptions } from "../operation.js";`,
    `import { ${[...imports].sort().join(", ")} } from "./funcs.js";`,
    "",
    ...body,
    "/** Every resource of the API, as `client.<resource>`. */",
    "export interface Resources {",
    ...resources.map((name) => `  readonly ${name}: ${resourceType(context, name)};`),
    "}",
    "",
    "export function createResources(core: Core): Resources {",
    "  return {",
    ...resources.map((name) => `    ${name}: create${resourceType(context, name)}(core),`),
    "  };",
    "}",
    "",
  ].join("\n");
}

/** `ProjectsResource`, the type of `client.projects`, as the names file records it. */
function resourceType(context: EmitContext, resource: string): string {
  const type = context.names.resources[resource]?.type;
  if (!type) throw new Error(`resource ${resource}: the names file records no type`);
  return type;
}

function groupByResource(rows: OperationRow[]): Map<string, OperationRow[]> {
  const map = new Map<string, OperationRow[]>();
  for (const row of clientRows(rows)) map.set(row.resource, [...(map.get(row.resource) ?? []), row]);
  return map;
}

function methodMember(row: OperationRow, params: SignatureParam[], name: string, returns: string, iterates?: string) {
  const args = [...params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`), "options?: RequestOptions"];
  const doc = jsDoc(row, params, { indent: "  ", ...(iterates ? { iterates } : {}) });
  return `${doc}\n  ${name}(${args.join(", ")}): ${returns};`;
}
