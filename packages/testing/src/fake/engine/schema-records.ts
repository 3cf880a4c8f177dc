/** Records seen through the spec's component schemas: which properties a schema has, and which may be null. */
import { schemaDocument } from "../../generated/schemas.js";
import type { JsonSchema } from "../../schema-document.js";

/** The read-side properties of a component schema (empty when the spec has none of that name). */
export function schemaProperties(schema: string): Record<string, JsonSchema> {
  return schemaDocument.definitions.read[schema]?.properties ?? {};
}

export function allowsNull(schema: JsonSchema | undefined): boolean {
  if (!schema) return true;
  if (schema.anyOf?.some((s) => s.type === "null")) return true;
  if (Array.isArray(schema.type)) return schema.type.includes("null");
  return schema.type === undefined && !schema.$ref && !schema.allOf && !schema.enum;
}

/** The record in the shape of another schema: only that schema's properties (list items use this). */
export function pickSchema(record: Record<string, unknown>, schema: string): Record<string, unknown> {
  const properties = schemaDocument.definitions.read[schema]?.properties;
  if (!properties) return { ...record };
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(properties)) if (name in record) out[name] = record[name];
  return out;
}
