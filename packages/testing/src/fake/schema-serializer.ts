/**
 * A DRF Serializer made from any component schema of the spec: one DRF field per property (see
 * drf-fields.ts), `required` from the schema unless the update is partial, read-only and unknown
 * keys ignored. Operations without a PostHog-specific serializer validate their bodies with it.
 */
import { schemaDocument } from "../generated/schemas.js";
import type { JsonSchema } from "../schema-document.js";
import { type ErrorTree, FieldFailure, fieldFromSchema, runField } from "./drf-fields.js";
import { assertDict, validationFailure } from "./project-serializer.js";

export function validateBySchema(
  schemaName: string,
  data: unknown,
  options: { partial: boolean; order?: readonly string[] },
): Record<string, unknown> {
  assertDict(data);
  const schema = schemaDocument.definitions.write[schemaName];
  if (!schema) throw new Error(`the spec has no component schema "${schemaName}"`);
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const names = Object.keys(properties).filter((name) => !(properties[name] as JsonSchema).readOnly);
  const rank = (name: string) => (options.order?.indexOf(name) ?? -1) + 1 || Number.MAX_SAFE_INTEGER;
  names.sort((a, b) => rank(a) - rank(b));
  const attrs: Record<string, unknown> = {};
  const errors: Record<string, ErrorTree> = {};
  for (const name of names) {
    if (!Object.hasOwn(data, name)) {
      if (required.has(name) && !options.partial)
        errors[name] = { detail: "This field is required.", code: "required" };
      continue;
    }
    try {
      attrs[name] = runField(fieldFromSchema(schemaDocument, properties[name] as JsonSchema), data[name]);
    } catch (error) {
      if (!(error instanceof FieldFailure)) throw error;
      errors[name] = error.tree;
    }
  }
  if (Object.keys(errors).length) throw validationFailure(errors);
  return attrs;
}
