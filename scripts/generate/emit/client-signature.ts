/**
 * The calling convention of generated client methods, derived from an operation-table row alone:
 * path parameters other than `organization_id` come first and positional (`retrieve(id)`), then
 * the body if the operation takes one, then the query object if it has query parameters, then
 * per-call options. `organization_id` comes from the client or `options.organizationId`.
 */
import type { OperationRow } from "../../lib/operation-table.ts";
import { type EmitContext, namesOf } from "../context.ts";
import type { TypeNames } from "../type-names.ts";

export interface SignatureParam {
  /** The TypeScript parameter name. */
  name: string;
  /** Its type, in terms of @hogkit/types helpers. */
  type: string;
  optional: boolean;
  role: "path" | "body" | "query";
}

export const ORGANIZATION_PARAM = "organization_id";

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await body query options".split(
    " ",
  ),
);

export function camelIdentifier(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join("") || "param";
  const safe = /^[0-9]/.test(joined) ? `_${joined}` : joined;
  return RESERVED.has(safe) ? `${safe}Param` : safe;
}

/** The parameters of a row's method, their types named (and imported) by `types`: friendly where there are. */
export function signature(row: OperationRow, types: TypeNames): SignatureParam[] {
  const params: SignatureParam[] = row.pathParams
    .filter((p) => p.name !== ORGANIZATION_PARAM)
    .map((p) => ({
      name: camelIdentifier(p.name),
      type: types.path(row, p.name),
      optional: false,
      role: "path",
    }));
  if (row.body) params.push({ name: "body", type: types.body(row), optional: !row.body.required, role: "body" });
  if (row.queryParams.length) {
    const required = row.queryParams.some((q) => q.required);
    params.push({ name: "query", type: types.query(row), optional: !required, role: "query" });
  }
  // A parameter can be left out only if every parameter after it can; otherwise it takes `undefined`.
  let tailOptional = true;
  for (let i = params.length - 1; i >= 0; i--) {
    const param = params[i] as SignatureParam;
    if (!param.optional) tailOptional = false;
    else if (!tailOptional) {
      param.optional = false;
      param.type = `${param.type} | undefined`;
    }
  }
  const names = new Set<string>();
  for (const param of params) {
    if (names.has(param.name)) throw new Error(`${row.operationId}: two parameters map to ${param.name}`);
    names.add(param.name);
  }
  return params;
}

/**
 * The standalone function of `@hogkit/client/funcs` for a row, as the names file records it
 * (`projectsRetrieve`; for the iterator of a paginated operation, `projectsIterate`). The one place
 * the client emitters read function names from.
 */
export function functionName(context: EmitContext, row: OperationRow, iterator = false): string {
  const names = namesOf(context, row);
  const name = iterator ? names.iterateFunction : names.function;
  if (!name)
    throw new Error(
      `${row.httpMethod} ${row.path}: the names file records no ${iterator ? "iterateFunction" : "function"}`,
    );
  return name;
}

/** The name of the async iterator over a paginated method: `iterate` for `list`, else `iterateActivity`. */
export function iteratorName(method: string): string {
  return method === "list" ? "iterate" : `iterate${method[0]?.toUpperCase()}${method.slice(1)}`;
}

/** Whether the client generates an `iterate…()` for the row: pages that hold `results` and a `next` link, by offset. */
export function isIterable(row: OperationRow): boolean {
  return row.pagination?.style === "offset";
}

/** What a personal API key needs, in words, for docs: the scopes, or that PostHog refuses such keys. */
export function credentialsNote(row: OperationRow): string {
  if (row.scopes === null) {
    return (
      "**Session only.** PostHog accepts this operation only from a logged-in browser session and refuses personal " +
      'API keys (403 "This action does not support personal API key access", thrown as a `PermissionDeniedError` ' +
      "with `sessionOnly: true`)."
    );
  }
  if (row.scopes.length === 0) return "Personal API key: no scope is declared.";
  return `Personal API key scope: ${row.scopes.map((s) => `\`${s}\``).join(", ")}.`;
}
