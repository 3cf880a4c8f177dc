/**
 * One spelling for one meaning. OpenAPI 3.0 and 3.1 say "nullable" and "exclusive bound" in
 * different words (drf-spectacular's `append_meta` writes the 3.1 forms since PostHog moved to
 * `OAS_VERSION 3.1.0`); every tool reads documents through this normalization, so a re-spelling is
 * never a change. The canonical form is drf-spectacular's 3.0 output, which keeps the generated code
 * of a 3.0 spec byte for byte:
 *
 * | 3.1 spelling                                   | canonical                                  |
 * | ---------------------------------------------- | ------------------------------------------ |
 * | `type: [X, "null"]`                            | `type: X, nullable: true`                  |
 * | `enum: [a, b, null]`                           | `enum: [a, b], nullable: true`             |
 * | `oneOf: [{$ref: X}, {type: "null"}]`           | `allOf: [{$ref: X}], nullable: true`       |
 * | `oneOf: [{}, {type: "null"}]`                  | `nullable: true`                           |
 * | `oneOf: [A, B, {type: "null"}]`, or a `NullEnum` member | `oneOf: [A, B], nullable: true`   |
 * | `exclusiveMinimum: n`                          | `minimum: n, exclusiveMinimum: true`       |
 * | `const: v`                                     | `enum: [v]`                                |
 * | `$ref: X` with sibling keywords                | `allOf: [{$ref: X}]` with the siblings     |
 *
 * A component that only admits null (drf's `NullEnum`) is dropped once nothing refers to it.
 */
import type { OpenAPIDocument, SchemaObject } from "../openapi.ts";
import { isObject, pointer } from "./refs.ts";
import { mapDocumentSchemas, refsIn } from "./walk.ts";

/** The document in canonical form (a new object; the input is not changed). */
export function normalizeDocument(document: OpenAPIDocument): OpenAPIDocument {
  const nullRefs = nullOnlyComponents(document);
  const normalized = mapDocumentSchemas(document, (schema) => normalizeSchema(schema, nullRefs));
  dropUnusedNullComponents(normalized, nullRefs);
  return { ...normalized, openapi: CANONICAL_VERSION };
}

/** The OpenAPI version the canonical form is written in. */
export const CANONICAL_VERSION = "3.0.3";

/** One schema node, its subschemas already normalized. */
export function normalizeSchema(input: SchemaObject, nullRefs: ReadonlySet<string> = new Set()): SchemaObject {
  let schema: SchemaObject = { ...input };
  if (schema.nullable === false) delete schema.nullable;
  if ("const" in schema) {
    const { const: value, ...rest } = schema;
    schema = { ...rest, enum: [value] };
  }
  schema = exclusiveBounds(schema);

  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type) => type !== "null");
    if (types.length < schema.type.length) schema.nullable = true;
    if (types.length === 0) delete schema.type;
    else schema.type = types.length === 1 ? (types[0] as string) : types;
  } else if (schema.type === "null") {
    delete schema.type;
    schema.nullable = true;
    if (!schema.enum) schema.enum = [null];
  }
  if (Array.isArray(schema.enum) && schema.enum.includes(null) && schema.enum.some((value) => value !== null)) {
    schema.enum = schema.enum.filter((value) => value !== null);
    schema.nullable = true;
  }

  for (const key of ["oneOf", "anyOf"] as const) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    const kept = members.filter((member) => !isNullSchema(member, nullRefs));
    if (kept.length === members.length) continue;
    schema.nullable = true;
    const { [key]: _dropped, ...rest } = schema;
    const only = kept.length === 1 ? kept[0] : undefined;
    if (kept.length === 0) schema = { ...rest, enum: [null] };
    else if (only && Object.keys(only).length === 0) schema = rest;
    else if (only && typeof only.$ref === "string" && Object.keys(only).length === 1) {
      schema = { allOf: [only], ...rest };
    } else if (only && !Object.keys(only).some((name) => name in rest)) schema = { ...only, ...rest };
    else schema = { ...rest, [key]: kept };
  }

  if (typeof schema.$ref === "string" && Object.keys(schema).length > 1) {
    const { $ref, ...rest } = schema;
    schema = { allOf: [{ $ref }], ...rest };
  }
  return schema;
}

/** `{type: "null"}`, `{enum: [null]}`, or a reference to a component that is one. */
function isNullSchema(schema: SchemaObject, nullRefs: ReadonlySet<string>): boolean {
  if (typeof schema.$ref === "string") return nullRefs.has(schema.$ref);
  if (schema.type === "null") return true;
  if (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === "null") return true;
  return Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null && !schema.oneOf;
}

function exclusiveBounds(schema: SchemaObject): SchemaObject {
  const out = { ...schema };
  if (typeof out.exclusiveMinimum === "number" || typeof out.exclusiveMinimum === "bigint") {
    out.minimum = out.exclusiveMinimum as number;
    out.exclusiveMinimum = true;
  }
  if (typeof out.exclusiveMaximum === "number" || typeof out.exclusiveMaximum === "bigint") {
    out.maximum = out.exclusiveMaximum as number;
    out.exclusiveMaximum = true;
  }
  if (out.exclusiveMinimum === false) delete out.exclusiveMinimum;
  if (out.exclusiveMaximum === false) delete out.exclusiveMaximum;
  return out;
}

/** `#/components/schemas/X` for every component schema that admits only null. */
function nullOnlyComponents(document: OpenAPIDocument): Set<string> {
  const refs = new Set<string>();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (isObject(schema) && isNullSchema(schema, refs)) refs.add(`#/components/schemas/${name}`);
  }
  return refs;
}

function dropUnusedNullComponents(document: OpenAPIDocument, nullRefs: ReadonlySet<string>): void {
  if (nullRefs.size === 0) return;
  const schemas = document.components?.schemas;
  if (!schemas) return;
  const used = new Set(refsIn({ ...document, components: { ...document.components, schemas: {} } }));
  for (const schema of Object.values(schemas)) for (const ref of refsIn(schema)) used.add(ref);
  for (const ref of nullRefs) {
    if (!used.has(ref) && pointer(document, ref) !== undefined)
      delete schemas[ref.replace("#/components/schemas/", "")];
  }
}
