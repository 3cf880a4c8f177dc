/**
 * Rewrites an OpenAPI 3.0 document the way drf-spectacular spells the same API with
 * `OAS_VERSION = "3.1.0"` (its `append_meta` in drf_spectacular/plumbing.py), so that tests can
 * check that a re-spelling is never a change:
 *
 * - `nullable: true` next to `type: X` → `type: [X, "null"]` (and `null` added to an `enum`);
 * - `nullable: true` next to a single `allOf: [$ref]` → `oneOf: [$ref, {type: "null"}]`;
 * - `nullable: true` next to a `oneOf` → a `{type: "null"}` member appended;
 * - `nullable: true` on an untyped schema → `oneOf: [{}, {type: "null"}]`;
 * - a `$ref` to a null-only enum (drf's `NullEnum`) → `{type: "null"}`, and that component dropped;
 * - `exclusiveMinimum: true` + `minimum: n` → `exclusiveMinimum: n` (likewise for the maximum).
 *
 * Usage: tsx tests/tools/rewrite-openapi-3.1.ts <in.yaml> <out.yaml>
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions"]);
const SCHEMA_LISTS = new Set(["allOf", "oneOf", "anyOf", "prefixItems"]);
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not", "contains"]);

export function rewriteTo31(document: Json): Json {
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const nullOnly = new Set(
    Object.entries(schemas)
      .filter(([, schema]) => Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null)
      .map(([name]) => `#/components/schemas/${name}`),
  );
  const result = walk(document, nullOnly) as Json;
  const components = result.components as Json | undefined;
  const rewritten = components?.schemas as Record<string, unknown> | undefined;
  if (rewritten) for (const ref of nullOnly) delete rewritten[ref.replace("#/components/schemas/", "")];
  return { ...result, openapi: "3.1.0" };
}

/** Walks the whole document; every object under a schema position is rewritten as a schema. */
function walk(node: unknown, nullOnly: Set<string>, isSchema = false): unknown {
  if (Array.isArray(node)) return node.map((item) => walk(item, nullOnly, isSchema));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (isSchema && SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, walk(sub, nullOnly, true)]));
    } else if (isSchema && (SCHEMA_LISTS.has(key) || SCHEMA_VALUES.has(key))) {
      out[key] = walk(value, nullOnly, true);
    } else if (key === "schema" || (key === "schemas" && !isSchema)) {
      out[key] =
        key === "schema"
          ? walk(value, nullOnly, true)
          : Object.fromEntries(Object.entries(value as Json).map(([name, sub]) => [name, walk(sub, nullOnly, true)]));
    } else {
      out[key] = walk(value, nullOnly, false);
    }
  }
  return isSchema ? rewriteSchema(out, nullOnly) : out;
}

function rewriteSchema(schema: Json, nullOnly: Set<string>): Json {
  if (typeof schema.$ref === "string" && nullOnly.has(schema.$ref)) return { type: "null" };
  let out: Json = { ...schema };
  if (out.exclusiveMinimum === true && out.minimum !== undefined) {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  if (out.exclusiveMaximum === true && out.maximum !== undefined) {
    out.exclusiveMaximum = out.maximum;
    delete out.maximum;
  }
  if (out.nullable !== true) {
    delete out.nullable;
    return out;
  }
  delete out.nullable;
  if (typeof out.type === "string" || Array.isArray(out.type)) {
    out.type = [...(Array.isArray(out.type) ? out.type : [out.type]), "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  } else if (Array.isArray(out.allOf) && out.allOf.length === 1) {
    const { allOf, ...rest } = out;
    out = { oneOf: [allOf[0], { type: "null" }], ...rest };
  } else if (Array.isArray(out.oneOf)) {
    out.oneOf = [...out.oneOf, { type: "null" }];
  } else if (typeof out.$ref === "string") {
    const { $ref, ...rest } = out;
    out = { oneOf: [{ $ref }, { type: "null" }], ...rest };
  } else {
    out = { oneOf: [{}, { type: "null" }], ...out };
  }
  return out;
}

if (process.argv[1]?.endsWith("rewrite-openapi-3.1.ts")) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error("usage: tsx tests/tools/rewrite-openapi-3.1.ts <in.yaml> <out.yaml>");
    process.exit(2);
  }
  const document = parse(readFileSync(input, "utf8"), { intAsBigInt: true, maxAliasCount: -1 }) as Json;
  writeFileSync(output, stringify(rewriteTo31(document), { lineWidth: 0, aliasDuplicateObjects: false }));
}
