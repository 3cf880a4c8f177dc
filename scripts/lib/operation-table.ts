/**
 * Builds the operation table: one row per operation of the (overlay-corrected, canonical) document,
 * with everything the client, React and testing generators need, and the public names of every
 * artifact (names/). The row type lives in `@hogkit/types` (`OperationInfo`) so that runtime code
 * and generated code share it.
 */
import type { OperationEffect, OperationInfo, SecurityInfo } from "../../packages/types/src/operation-info.ts";
import {
  assignNames,
  camelCase,
  emptyNames,
  type NamesFile,
  type OperationFacts,
  pathShape,
  type ReservedNamesSource,
} from "./names/index.ts";
import type { OpenAPIDocument, OperationObject, ParameterObject, ResponseObject, SchemaObject } from "./openapi.ts";
import {
  jsonMedia,
  listOperations,
  reachableSchemas,
  resolve,
  type SpecOperation,
  schemaRefName,
} from "./spec-model/index.ts";

export type OperationRow = OperationInfo;

export interface OperationTables {
  operations: OperationRow[];
  /** Every public name, the recorded ones kept (what `pnpm generate` writes back to the names file). */
  names: NamesFile;
  /** Which component schemas each side of the wire reaches, walked once here for every consumer. */
  reachable: ReachableSchemas;
}

export interface ReachableSchemas {
  /** From a success response, transitively: what the server sends. */
  sent: ReadonlySet<string>;
  /** From a request body, transitively: what clients send. */
  received: ReadonlySet<string>;
}

export function buildOperationTable(document: OpenAPIDocument, recorded: NamesFile = emptyNames()): OperationRow[] {
  return buildTables(document, recorded).operations;
}

export function buildTables(
  document: OpenAPIDocument,
  recorded: NamesFile = emptyNames(),
  reserved: ReservedNamesSource = {},
): OperationTables {
  const found = listOperations(document);
  const missing = found.find(({ operation }) => !operation.operationId);
  if (missing) throw new Error(`${missing.key} has no operationId`);
  const drafts = found.map((entry) => draftRow(document, entry));
  const reachable: ReachableSchemas = {
    sent: reachableSchemas(
      document,
      drafts.map(({ row }) => row.responseSchema),
    ),
    received: reachableSchemas(
      document,
      drafts.map(({ row }) => row.body?.schema),
    ),
  };
  const facts: OperationFacts[] = drafts.map(({ row, key }) => ({
    key,
    path: row.path,
    httpMethod: row.httpMethod,
    resource: row.resource,
    offsetPages: row.pagination?.style === "offset",
    bodyNeedsType: row.body?.schema != null && reachable.sent.has(row.body.schema),
  }));
  const names = assignNames(
    { operations: facts, schemas: Object.keys(document.components?.schemas ?? {}) },
    recorded,
    reserved,
  );
  const rows = drafts.map(({ row, key }) => {
    const [resource = "", method = ""] = (names.operations[key]?.client ?? "").split(".");
    return { ...row, resource, method };
  });
  const effects = effectsOf(rows);
  return {
    operations: rows
      .map((row, i) => ({ ...row, effect: effects[i] as OperationEffect }))
      .sort((a, b) => a.operationId.localeCompare(b.operationId)),
    names,
    reachable,
  };
}

function draftRow(document: OpenAPIDocument, entry: SpecOperation): { key: string; row: OperationRow } {
  const { path, operation } = entry;
  const parameters = entry.parameters.map((p) => resolve<ParameterObject>(document, p));
  const pathParams = orderByPath(
    path,
    parameters.filter((p) => p.in === "path"),
  );
  const queryParams = parameters.filter((p) => p.in === "query");
  const { status, schema } = successResponse(document, operation);
  const security = securityOf(document, operation);
  const bearer = security.find((s) => s.kind === "bearer");
  const row: OperationRow = {
    operationId: operation.operationId as string,
    // The resource is the operation's first tag, camelCased; the names file may keep an older one.
    resource: camelCase(operation.tags?.[0] ?? "default"),
    method: "",
    httpMethod: entry.method.toUpperCase(),
    path,
    summary: operation.summary ?? "",
    description: operation.description ?? "",
    pathParams: pathParams.map(parameterInfo(document)),
    queryParams: queryParams.map(parameterInfo(document)),
    body: requestBody(document, operation),
    successStatus: status,
    responseSchema: schemaRefName(schema) ?? null,
    pagination: pagination(document, schema, queryParams),
    effect: "other",
    security,
    // No security requirement at all means the document does not say: assume a key may try.
    scopes: bearer ? bearer.scopes : security.length === 0 ? [] : null,
    deprecated: operation.deprecated === true,
  };
  return { key: entry.key, row };
}

/**
 * What each operation does to its resource's records, from the spec alone: a page of the
 * collection, a new record, the record (read or written), its removal, or something else. The
 * resource's record schema is what its plain item GET (`retrieve`) answers.
 */
function effectsOf(rows: OperationRow[]): OperationEffect[] {
  const recordSchema = new Map<string, string>();
  for (const row of rows) {
    const { item, action } = pathShape(row.path, row.resource);
    if (row.httpMethod === "GET" && item && action.length === 0 && row.responseSchema) {
      recordSchema.set(row.resource, row.responseSchema);
    }
  }
  return rows.map((row) => {
    const { item, action } = pathShape(row.path, row.resource);
    const record = recordSchema.get(row.resource);
    const answersRecord = record !== undefined && row.responseSchema === record;
    if (!item && row.httpMethod === "GET" && row.pagination?.style === "offset" && action.length === 0) return "list";
    if (!item && row.httpMethod === "POST" && action.length === 0 && answersRecord) return "create";
    if (item && row.httpMethod === "DELETE" && row.responseSchema === null && row.successStatus >= 200) return "delete";
    if (item && answersRecord) return row.httpMethod === "GET" ? "read" : "update";
    return "other";
  });
}

function orderByPath(path: string, params: ParameterObject[]): ParameterObject[] {
  const order = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const name of order) {
    if (!params.some((p) => p.name === name)) throw new Error(`${path}: path parameter {${name}} is not declared`);
  }
  return [...params].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

const parameterInfo = (document: OpenAPIDocument) => (p: ParameterObject) => ({
  name: p.name,
  required: p.in === "path" || p.required === true,
  type: typeName(p.schema ? resolve<SchemaObject>(document, p.schema) : undefined),
});

function typeName(schema: SchemaObject | undefined): string {
  if (!schema) return "string";
  if (typeof schema.type === "string") return schema.type;
  if (schema.enum) return typeof schema.enum[0] === "number" ? "integer" : "string";
  return "string";
}

function requestBody(document: OpenAPIDocument, operation: OperationObject): OperationRow["body"] {
  if (!operation.requestBody) return null;
  const body = resolve(document, operation.requestBody);
  const media = jsonMedia(body.content);
  if (!media) return null;
  return { required: body.required === true, schema: schemaRefName(media.schema) ?? null };
}

function successResponse(document: OpenAPIDocument, operation: OperationObject) {
  const codes = Object.keys(operation.responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  const code = codes[0];
  if (!code) return { status: 200, schema: undefined };
  const response = resolve<ResponseObject>(document, operation.responses?.[code] as ResponseObject);
  return { status: Number(code), schema: jsonMedia(response.content)?.schema };
}

function pagination(
  document: OpenAPIDocument,
  schema: SchemaObject | undefined,
  query: ParameterObject[],
): OperationRow["pagination"] {
  if (!schema) return null;
  const resolved = resolve<SchemaObject>(document, schema);
  const results = resolved.properties?.results;
  if (!results || !resolved.properties?.next) return null;
  const items = resolve<SchemaObject>(document, results).items;
  const names = new Set(query.map((p) => p.name));
  const style = names.has("offset") ? "offset" : names.has("page") ? "page" : null;
  return style ? { style, itemSchema: schemaRefName(items) ?? null } : null;
}

function securityOf(document: OpenAPIDocument, operation: OperationObject): SecurityInfo[] {
  const requirements = operation.security ?? document.security ?? [];
  const schemes = document.components?.securitySchemes ?? {};
  return requirements.flatMap((requirement) =>
    Object.entries(requirement).map(([scheme, scopes]) => {
      const definition = schemes[scheme] as { type?: string; scheme?: string; in?: string } | undefined;
      if (!definition) throw new Error(`${operation.operationId}: unknown security scheme ${scheme}`);
      const kind =
        definition.type === "http" && definition.scheme?.toLowerCase() === "bearer"
          ? "bearer"
          : definition.type === "apiKey" && definition.in === "cookie"
            ? "cookie"
            : String(definition.type);
      return { scheme, kind, scopes: [...scopes] };
    }),
  );
}
