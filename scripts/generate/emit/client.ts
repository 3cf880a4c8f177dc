/**
 * `@hogkit/client`: one resource interface and factory per tag, one method per operation, each
 * bound to the generic runtime (packages/client/src/runtime.ts) with the facts of its table row.
 * Also refreshes the operations table in packages/client/README.md (emit/client-readme.ts).
 */

import type { OperationRow } from "../../lib/operation-table.ts";
import { type EmitContext, type Emitter, header } from "../context.ts";
import { emitClientReadme } from "./client-readme.ts";
import {
  camelIdentifier,
  credentialsNote,
  isIterable,
  iteratorName,
  ORGANIZATION_PARAM,
  type SignatureParam,
  signature,
} from "./client-signature.ts";

/** Properties of the client object itself, which no resource may shadow. */
const CLIENT_PROPERTIES = new Set(["raw", "baseUrl", "organizationId"]);

export const emitClient: Emitter = (context) => [
  { path: "packages/client/src/generated/resources.ts", contents: resourcesModule(context) },
  ...emitClientReadme(context),
];

function resourcesModule(context: EmitContext): string {
  const byResource = groupByResource(context.operations);
  const out: string[] = [
    header(context),
    'import type { OperationBody, OperationPathParams, OperationQuery, OperationResult } from "@hogkit/types";',
    'import type { Operation, PageItem, RequestOptions, Runtime } from "../operation.js";',
    "",
  ];
  for (const row of context.operations)
    out.push(`const ${constName(row)}: Operation = ${JSON.stringify(operationData(row))};`);
  out.push("");

  for (const [resource, rows] of byResource) {
    const type = `${pascal(resource)}Resource`;
    const members: string[] = [];
    const bindings: string[] = [];
    const taken = new Set(rows.map((row) => row.method));
    for (const row of rows) {
      const params = signature(row);
      members.push(
        methodMember(row, params, row.method, `Promise<OperationResult<${JSON.stringify(row.operationId)}>>`),
      );
      bindings.push(binding(row, params, row.method, "call"));
      if (isIterable(row)) {
        const name = iteratorName(row.method);
        if (taken.has(name))
          throw new Error(`${resource}.${name}: the iterator of ${row.method} clashes with a method`);
        const withoutBody = params.filter((p) => p.role !== "body");
        const item = `PageItem<OperationResult<${JSON.stringify(row.operationId)}>>`;
        members.push(methodMember(row, withoutBody, name, `AsyncGenerator<${item}, void, undefined>`, row.method));
        bindings.push(binding(row, withoutBody, name, "iterate"));
      }
    }
    out.push(
      `/** \`client.${resource}\`: ${rows.length} operation${rows.length === 1 ? "" : "s"} of the \`${rows[0]?.resource}\` tag. */`,
      `export interface ${type} {`,
      members.join("\n\n"),
      "}",
      "",
      `export function create${type}(runtime: Runtime): ${type} {`,
      "  return {",
      bindings.join("\n"),
      "  };",
      "}",
      "",
    );
  }

  const resources = [...byResource.keys()];
  for (const name of resources) {
    if (CLIENT_PROPERTIES.has(name)) throw new Error(`resource ${name} would shadow client.${name}; rename the tag`);
  }
  out.push(
    "/** Every resource of the API, as `client.<resource>`. */",
    "export interface Resources {",
    ...resources.map((name) => `  readonly ${name}: ${pascal(name)}Resource;`),
    "}",
    "",
    "export function createResources(runtime: Runtime): Resources {",
    "  return {",
    ...resources.map((name) => `    ${name}: create${pascal(name)}Resource(runtime),`),
    "  };",
    "}",
    "",
  );
  return out.join("\n");
}

function groupByResource(rows: OperationRow[]): Map<string, OperationRow[]> {
  const map = new Map<string, OperationRow[]>();
  for (const row of [...rows].sort((a, b) => a.resource.localeCompare(b.resource))) {
    map.set(row.resource, [...(map.get(row.resource) ?? []), row]);
  }
  return map;
}

/** The facts the runtime needs, nothing more: the bundle carries this for every operation. */
function operationData(row: OperationRow) {
  const parts = row.path.split(/\{([^}]+)\}/);
  return {
    name: `${row.resource}.${row.method}`,
    method: row.httpMethod,
    path: parts.filter((_, i) => i % 2 === 0),
    params: row.pathParams.map((p) => ({
      name: p.name,
      kind: p.name === ORGANIZATION_PARAM ? "organization" : p.type === "integer" ? "integer" : "string",
    })),
    scopes: row.scopes,
  };
}

function methodMember(row: OperationRow, params: SignatureParam[], name: string, returns: string, iterates?: string) {
  const args = [...params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`), "options?: RequestOptions"];
  return `${jsDoc(row, params, iterates)}\n  ${name}(${args.join(", ")}): ${returns};`;
}

function binding(row: OperationRow, params: SignatureParam[], name: string, runtimeMethod: "call" | "iterate") {
  const path = params.filter((p) => p.role === "path").map((p) => p.name);
  const query = params.some((p) => p.role === "query") ? "query" : "undefined";
  const body = params.some((p) => p.role === "body") ? "body" : "undefined";
  const names = [...params.map((p) => p.name), "options"].join(", ");
  const rest = runtimeMethod === "call" ? `${query}, ${body}, options` : `${query}, options`;
  return `    ${name}: (${names}) => runtime.${runtimeMethod}(${constName(row)}, [${path.join(", ")}], ${rest}),`;
}

function jsDoc(row: OperationRow, params: SignatureParam[], iterates?: string): string {
  const lines: string[] = [];
  if (iterates) {
    lines.push(
      `Every item of \`${iterates}()\`, page after page: an async iterator that follows each page's \`next\` link`,
      "(only on the client's own origin) until the last page.",
    );
  } else {
    lines.push(row.summary || row.operationId);
    if (row.description && row.description !== row.summary) lines.push("", ...row.description.split("\n"));
  }
  lines.push("", credentialsNote(row), "", `\`${row.httpMethod} ${row.path}\``);
  for (const param of params) {
    const what =
      param.role === "body"
        ? "the JSON request body"
        : param.role === "query"
          ? `query parameters: ${row.queryParams.map((q) => `\`${q.name}\``).join(", ")}`
          : `the \`${row.pathParams.find((p) => camelIdentifier(p.name) === param.name)?.name ?? param.name}\` path parameter`;
    lines.push(`@param ${param.name} - ${what}`);
  }
  lines.push("@param options - per-call `organizationId`, `signal`, `timeoutMs`, `maxRetries`, `headers`");
  if (row.deprecated) lines.push("@deprecated PostHog marks this operation deprecated.");
  const body = lines.map((line) => `   *${line ? ` ${line.replace(/\*\//g, "*\\/")}` : ""}`).join("\n");
  return `  /**\n${body}\n   */`;
}

function constName(row: OperationRow): string {
  return `op_${row.operationId.replace(/[^A-Za-z0-9_$]/g, "_")}`;
}

export function pascal(name: string): string {
  return name
    .replace(/(^|[^A-Za-z0-9]+)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, "");
}
