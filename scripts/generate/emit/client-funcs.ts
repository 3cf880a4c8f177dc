/**
 * `@hogkit/client/funcs`: one standalone function per operation (and one per iterator), named as
 * the names file records (`functionName`), each a one-line call of the generic runtime (packages/client/src/transport.ts)
 * with the facts of its table row. Each operation's facts are a constant of their own, so that a
 * bundler drops the ones of functions an app does not import.
 */

import type { OperationRow } from "../../lib/operation-table.ts";
import { type EmitContext, type Emitter, header, namesOf } from "../context.ts";
import { CLIENT_OPERATION_MODULE, TypeNames } from "../type-names.ts";
import { jsDoc } from "./client-docs.ts";
import { functionName, isIterable, ORGANIZATION_PARAM, type SignatureParam, signature } from "./client-signature.ts";

export const FUNCS_FILE = "packages/client/src/generated/funcs.ts";

export const emitClientFuncs: Emitter = (context) => [{ path: FUNCS_FILE, contents: funcsModule(context) }];

function funcsModule(context: EmitContext): string {
  const types = new TypeNames(context);
  const out: string[] = [];
  const names = new Map<string, string>();
  const claim = (name: string, row: OperationRow) => {
    const holder = names.get(name);
    if (holder) throw new Error(`standalone function ${name}: both ${holder} and ${row.operationId} map to it`);
    names.set(name, row.operationId);
    return name;
  };
  // In the order of the client: by resource, then as the table has them.
  for (const row of context.resourcesByName.flatMap((resource) => resource.operations)) {
    const params = signature(row, types);
    const result = types.result(row);
    const data = operationData(row, namesOf(context, row).client);
    out.push("", `const ${constName(row)}: Operation = ${JSON.stringify(data)};`, "");
    out.push(
      declaration(row, claim(functionName(context, row), row), params, `Promise<${result}>`, "request", {
        indent: "",
        core: true,
      }),
    );
    if (isIterable(row)) {
      const withoutBody = params.filter((p) => p.role !== "body");
      out.push(
        "",
        declaration(
          row,
          claim(functionName(context, row, true), row),
          withoutBody,
          `AsyncGenerator<${types.item(row)}, void, undefined>`,
          "iterate",
          { indent: "", core: true, iterates: functionName(context, row) },
        ),
      );
    }
  }
  const code = out.join("\n");
  return [
    header(context),
    types.importLine(),
    'import type { Core } from "../create-core.js";',
    types.imports.typeLine(CLIENT_OPERATION_MODULE, ["Operation", "RequestOptions"]),
    'import { iterate, request } from "../transport.js";',
    code,
    "",
  ].join("\n");
}

function declaration(
  row: OperationRow,
  name: string,
  params: SignatureParam[],
  returns: string,
  runtime: "request" | "iterate",
  doc: Parameters<typeof jsDoc>[2],
): string {
  const args = ["core: Core", ...params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`)];
  args.push("options?: RequestOptions");
  const path = params.filter((p) => p.role === "path").map((p) => p.name);
  const rest = [params.some((p) => p.role === "query") ? "query" : "undefined"];
  if (runtime === "request" && params.some((p) => p.role === "body")) rest.push("body");
  while (rest.at(-1) === "undefined") rest.pop();
  const call = [`core`, constName(row), "options", `[${path.join(", ")}]`, ...rest].join(", ");
  return [
    jsDoc(row, params, doc),
    `export function ${name}(${args.join(", ")}): ${returns} {`,
    `  return ${runtime}(${call});`,
    "}",
  ].join("\n");
}

/**
 * The facts the runtime needs, nothing more: the name errors and hooks use, the HTTP method, the
 * path template with integer parameters marked, and whether only a browser session may call it.
 */
export function operationData(row: OperationRow, name: string): Record<string, unknown> {
  const path = row.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const param = row.pathParams.find((p) => p.name === name);
    return name !== ORGANIZATION_PARAM && param?.type === "integer" ? `{${name}:integer}` : whole;
  });
  return {
    name,
    method: row.httpMethod,
    path,
    ...(row.scopes === null ? { sessionOnly: true } : {}),
  };
}

function constName(row: OperationRow): string {
  return `op_${row.operationId.replace(/[^A-Za-z0-9_$]/g, "_")}`;
}
