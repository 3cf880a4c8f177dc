/**
 * Builds the operation table: one row per operation of the (overlay-corrected) document, with
 * everything the client, React and testing generators need. The row type lives in
 * `@hogkit/types` (`OperationInfo`) so that runtime code and generated code share it.
 */

import type { OperationInfo, SecurityInfo } from "../../packages/types/src/operation-info.ts";
import { nameOperations } from "./method-names.ts";
import {
  HTTP_METHODS,
  type OpenAPIDocument,
  type OperationObject,
  type ParameterObject,
  resolveRef,
  type SchemaObject,
  schemaRefName,
} from "./openapi.ts";

export type OperationRow = OperationInfo;

const JSON_MEDIA = /^application\/(.+\+)?json/;

export function buildOperationTable(document: OpenAPIDocument): OperationRow[] {
  const found: Array<{ path: string; httpMethod: string; operation: OperationObject; shared: ParameterObject[] }> = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters ?? []).map((p) => resolveRef<ParameterObject>(document, p));
    for (const httpMethod of HTTP_METHODS) {
      const operation = item[httpMethod];
      if (operation) found.push({ path, httpMethod, operation, shared });
    }
  }
  const missing = found.find(({ operation }) => !operation.operationId);
  if (missing) throw new Error(`${missing.httpMethod.toUpperCase()} ${missing.path} has no operationId`);
  const names = nameOperations(
    found.map(({ operation }) => ({ operationId: operation.operationId as string, tags: operation.tags })),
  );

  const rows = found.map(({ path, httpMethod, operation, shared }, index): OperationRow => {
    const parameters = mergeParameters(
      shared,
      (operation.parameters ?? []).map((p) => resolveRef<ParameterObject>(document, p)),
    );
    const pathParams = orderByPath(
      path,
      parameters.filter((p) => p.in === "path"),
    );
    const queryParams = parameters.filter((p) => p.in === "query");
    const { status, schema } = successResponse(document, operation);
    const security = securityOf(document, operation);
    const bearer = security.find((s) => s.kind === "bearer");
    return {
      operationId: operation.operationId as string,
      resource: names[index]?.resource ?? "",
      method: names[index]?.method ?? "",
      httpMethod: httpMethod.toUpperCase(),
      path,
      summary: operation.summary ?? "",
      description: operation.description ?? "",
      pathParams: pathParams.map(parameterInfo(document)),
      queryParams: queryParams.map(parameterInfo(document)),
      body: requestBody(document, operation),
      successStatus: status,
      responseSchema: schemaRefName(schema) ?? null,
      pagination: pagination(document, schema, queryParams),
      security,
      // No security requirement at all means the document does not say: assume a key may try.
      scopes: bearer ? bearer.scopes : security.length === 0 ? [] : null,
      deprecated: operation.deprecated === true,
    };
  });
  return rows.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

function mergeParameters(shared: ParameterObject[], own: ParameterObject[]): ParameterObject[] {
  const key = (p: ParameterObject) => `${p.in}:${p.name}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
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
  type: typeName(p.schema ? resolveRef<SchemaObject>(document, p.schema) : undefined),
});

function typeName(schema: SchemaObject | undefined): string {
  if (!schema) return "string";
  if (schema.type) return schema.type;
  if (schema.enum) return typeof schema.enum[0] === "number" ? "integer" : "string";
  return "string";
}

function jsonContent<T extends { schema?: SchemaObject }>(content: Record<string, T> | undefined): T | undefined {
  const entry = Object.entries(content ?? {}).find(([media]) => JSON_MEDIA.test(media));
  return entry?.[1];
}

function requestBody(document: OpenAPIDocument, operation: OperationObject): OperationRow["body"] {
  if (!operation.requestBody) return null;
  const body = resolveRef<NonNullable<OperationObject["requestBody"]>>(document, operation.requestBody);
  const media = jsonContent(body.content);
  if (!media) return null;
  return { required: body.required === true, schema: schemaRefName(media.schema) ?? null };
}

function successResponse(document: OpenAPIDocument, operation: OperationObject) {
  const codes = Object.keys(operation.responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .sort();
  const code = codes[0];
  if (!code) return { status: 200, schema: undefined };
  const response = resolveRef<NonNullable<OperationObject["responses"]>[string]>(
    document,
    operation.responses?.[code] as NonNullable<OperationObject["responses"]>[string],
  );
  return { status: Number(code), schema: jsonContent(response.content)?.schema };
}

function pagination(
  document: OpenAPIDocument,
  schema: SchemaObject | undefined,
  query: ParameterObject[],
): OperationRow["pagination"] {
  if (!schema) return null;
  const resolved = resolveRef<SchemaObject>(document, schema);
  const results = resolved.properties?.results;
  if (!results || !resolved.properties?.next) return null;
  const items = resolveRef<SchemaObject>(document, results).items;
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
