/**
 * Where schemas are: the subschemas inside a schema (by JSON Schema keyword), and every schema
 * position of a document (components, parameters, bodies, responses, headers). One walker for every
 * tool, so that a keyword one of them forgot cannot hide a change from another.
 */
import type { OpenAPIDocument, SchemaObject } from "../openapi.ts";
import { HTTP_METHODS } from "../openapi.ts";
import { isObject, pointer } from "./refs.ts";

type Json = Record<string, unknown>;

/** Keywords whose value is a map of name → subschema. */
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"] as const;
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = ["allOf", "oneOf", "anyOf", "prefixItems"] as const;
/** Keywords whose value is one subschema (`additionalProperties` may also be a boolean). */
const SCHEMA_VALUES = [
  "items",
  "additionalProperties",
  "not",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
] as const;

/** Applies `map` to every subschema first, then to the schema itself (bottom-up); returns a new schema. */
export function mapSchema(schema: SchemaObject, map: (schema: SchemaObject) => SchemaObject): SchemaObject {
  if (!isObject(schema)) return schema;
  const out: Json = { ...schema };
  for (const key of SCHEMA_MAPS) {
    const value = out[key];
    if (isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, mapSchema(sub as SchemaObject, map)]),
      );
    }
  }
  for (const key of SCHEMA_LISTS) {
    const value = out[key];
    if (Array.isArray(value)) out[key] = value.map((sub) => mapSchema(sub as SchemaObject, map));
  }
  for (const key of SCHEMA_VALUES) {
    const value = out[key];
    if (isObject(value)) out[key] = mapSchema(value as SchemaObject, map);
  }
  return map(out as SchemaObject);
}

/** Calls `visit` on the schema and every subschema, top-down, with the keyword path from the schema. */
export function walkSchema(
  schema: SchemaObject,
  visit: (schema: SchemaObject, path: readonly string[]) => void,
  path: readonly string[] = [],
): void {
  if (!isObject(schema)) return;
  visit(schema, path);
  for (const key of SCHEMA_MAPS) {
    const value = schema[key];
    if (isObject(value)) {
      for (const [name, sub] of Object.entries(value)) walkSchema(sub as SchemaObject, visit, [...path, key, name]);
    }
  }
  for (const key of SCHEMA_LISTS) {
    const value = schema[key];
    if (!Array.isArray(value)) continue;
    for (const [i, sub] of value.entries()) walkSchema(sub as SchemaObject, visit, [...path, key, String(i)]);
  }
  for (const key of SCHEMA_VALUES) {
    const value = schema[key];
    if (isObject(value)) walkSchema(value as SchemaObject, visit, [...path, key]);
  }
}

/** A copy of the document with `map` applied to every schema at every schema position (bottom-up). */
export function mapDocumentSchemas(
  document: OpenAPIDocument,
  map: (schema: SchemaObject) => SchemaObject,
): OpenAPIDocument {
  const schema = (value: unknown) => (isObject(value) ? mapSchema(value as SchemaObject, map) : value);
  const withSchema = (holder: unknown) =>
    isObject(holder) && holder.schema !== undefined ? { ...holder, schema: schema(holder.schema) } : holder;
  const content = (holder: unknown) => {
    if (!isObject(holder)) return holder;
    const out: Json = { ...holder };
    if (isObject(out.content)) out.content = mapValues(out.content, withSchema);
    if (isObject(out.headers)) out.headers = mapValues(out.headers, withSchema);
    return out;
  };
  const parameters = (list: unknown) => (Array.isArray(list) ? list.map(withSchema) : list);
  const operation = (op: unknown) => {
    if (!isObject(op)) return op;
    const out: Json = { ...op, parameters: parameters(op.parameters) };
    if (op.parameters === undefined) delete out.parameters;
    if (op.requestBody !== undefined) out.requestBody = content(op.requestBody);
    if (isObject(op.responses)) out.responses = mapValues(op.responses, content);
    return out;
  };
  const paths = mapValues(document.paths ?? {}, (item) => {
    if (!isObject(item)) return item;
    const out: Json = { ...item };
    if (item.parameters !== undefined) out.parameters = parameters(item.parameters);
    for (const method of HTTP_METHODS) if (item[method] !== undefined) out[method] = operation(item[method]);
    return out;
  });
  const result: Json = { ...document, paths };
  const components = document.components;
  if (isObject(components)) {
    const out: Json = { ...components };
    if (isObject(components.schemas)) out.schemas = mapValues(components.schemas, schema);
    if (isObject(components.parameters)) out.parameters = mapValues(components.parameters, withSchema);
    if (isObject(components.headers)) out.headers = mapValues(components.headers, withSchema);
    if (isObject(components.requestBodies)) out.requestBodies = mapValues(components.requestBodies, content);
    if (isObject(components.responses)) out.responses = mapValues(components.responses, content);
    result.components = out;
  }
  return result as OpenAPIDocument;
}

/** Every `$ref` string anywhere below `node` (schemas, parameters, bodies alike), in document order. */
export function refsIn(node: unknown): string[] {
  const refs: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key === "$ref" && typeof item === "string") refs.push(item);
        else visit(item);
      }
    }
  };
  visit(node);
  return refs;
}

function mapValues(value: Json, map: (item: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, map(item)]));
}

/**
 * The component schemas `node` uses: those it references, and those they (or any component it
 * references: a parameter, a response, a request body) reference in turn.
 */
export function schemasUsedBy(document: OpenAPIDocument, node: unknown): Set<string> {
  const schemas = new Set<string>();
  const seen = new Set<string>();
  const pending = refsIn(node);
  while (pending.length) {
    const ref = pending.pop() as string;
    if (seen.has(ref) || !ref.startsWith("#/")) continue;
    seen.add(ref);
    const name = ref.match(/^#\/components\/schemas\/([^/]+)$/)?.[1];
    if (name) schemas.add(name);
    pending.push(...refsIn(pointer(document, ref)));
  }
  return schemas;
}

/** The component schemas `roots` name, and every one they reference, transitively. */
export function reachableSchemas(document: OpenAPIDocument, roots: Iterable<string | null | undefined>): Set<string> {
  const refs = [...roots]
    .filter((root): root is string => !!root)
    .map((root) => ({ $ref: `#/components/schemas/${root}` }));
  const schemas = document.components?.schemas ?? {};
  return new Set([...schemasUsedBy(document, refs)].filter((name) => name in schemas));
}
