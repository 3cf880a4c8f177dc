/**
 * OpenAPI 3.0 schema objects → JSON Schema (draft-07) for ajv, in two views:
 *
 * - `read`: what the server sends. `readOnly` stays as an annotation, `writeOnly` properties go.
 * - `write`: what a client may send. `readOnly` properties are removed from `properties` and
 *   `required` (DRF ignores them in a request body, so they must neither be required nor checked).
 *
 * `nullable: true` (3.0 only) becomes a `null` member of `type`/`enum`, or `anyOf [..., null]`
 * around a `$ref`/`allOf`; an untyped nullable schema already accepts null and stays `{}`.
 * References `#/components/schemas/X` become `#/definitions/<view>/X` so each view is closed.
 */
import type { OpenAPIDocument, SchemaObject } from "../../lib/openapi.ts";

export type { SchemaView } from "../schema-views.ts";

import type { SchemaView } from "../schema-views.ts";
export type JsonSchema = Record<string, unknown>;

/** Keywords that mean the same in OpenAPI 3.0 and JSON Schema draft-07 and are copied as they are. */
const SAME_KEYWORDS = [
  "type",
  "format",
  "enum",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "default",
] as const;

export function convertSchema(node: SchemaObject, view: SchemaView, where: string): JsonSchema {
  if (node.$ref) {
    const match = node.$ref.match(/^#\/components\/schemas\/([^/]+)$/);
    if (!match) throw new Error(`${where}: only #/components/schemas references are supported, got ${node.$ref}`);
    return { $ref: `#/definitions/${view}/${match[1]}` };
  }
  const out: JsonSchema = {};
  for (const keyword of SAME_KEYWORDS) if (node[keyword] !== undefined) out[keyword] = node[keyword];
  if (node.readOnly && view === "read") out.readOnly = true;

  for (const combinator of ["allOf", "anyOf", "oneOf"] as const) {
    const parts = node[combinator];
    if (parts) out[combinator] = parts.map((part, i) => convertSchema(part, view, `${where}/${combinator}/${i}`));
  }
  if (node.items) out.items = convertSchema(node.items, view, `${where}/items`);
  if (node.properties) {
    const properties: Record<string, JsonSchema> = {};
    const dropped = new Set<string>();
    for (const [name, property] of Object.entries(node.properties)) {
      const hidden = view === "write" ? property.readOnly === true : property.writeOnly === true;
      if (hidden) dropped.add(name);
      else properties[name] = convertSchema(property, view, `${where}/properties/${name}`);
    }
    out.properties = properties;
    const required = (node.required ?? []).filter((name) => !dropped.has(name));
    if (required.length) out.required = required;
  } else if (node.required?.length) {
    out.required = [...node.required];
  }
  if (node.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof node.additionalProperties === "boolean"
        ? node.additionalProperties
        : convertSchema(node.additionalProperties, view, `${where}/additionalProperties`);
  }
  return node.nullable ? nullable(out) : out;
}

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === "string") {
    const withNull: JsonSchema = { ...schema, type: [schema.type, "null"] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) withNull.enum = [...schema.enum, null];
    return withNull;
  }
  if (schema.allOf || schema.anyOf || schema.oneOf || schema.$ref) {
    const { readOnly, ...rest } = schema;
    return { ...(readOnly ? { readOnly } : {}), anyOf: [rest, { type: "null" }] };
  }
  return schema; // untyped: already admits null
}

/** Every component schema in both views, plus the formats they use (ajv must know each one). */
export function convertComponents(document: OpenAPIDocument): {
  definitions: Record<SchemaView, Record<string, JsonSchema>>;
  formats: string[];
} {
  const schemas = document.components?.schemas ?? {};
  const definitions: Record<SchemaView, Record<string, JsonSchema>> = { read: {}, write: {} };
  for (const [name, schema] of Object.entries(schemas)) {
    for (const view of ["read", "write"] as const) {
      definitions[view][name] = convertSchema(schema, view, `#/components/schemas/${name}`);
    }
  }
  const formats = new Set<string>();
  JSON.stringify(schemas, (key, value) => {
    if (key === "format" && typeof value === "string") formats.add(value);
    return value;
  });
  return { definitions, formats: [...formats].sort() };
}
