/**
 * A DRF Serializer made from any component schema of the spec: one DRF field per property (see
 * drf-fields.ts), `required` from the schema unless the update is partial, read-only and unknown
 * keys ignored. Operations without a PostHog-specific serializer validate their bodies with it.
 */
import { schemaDocument } from "../../generated/schemas.js";
import type { JsonSchema } from "../../schema-document.js";
import { type ErrorTree, FieldFailure, fieldFromSchema, runField } from "./drf-fields.js";
import { assertDict, validationFailure } from "./serializer-errors.js";

/** What a resource module says about its fields beyond the schema (PostHog's serializer Meta and methods). */
export interface SerializerRules {
  /** Validation order (Meta.fields): the first error is the one PostHog reports. Others validate last. */
  order?: readonly string[];
  /** Fields the server ignores on input although the schema lets clients write them. */
  readOnly?: readonly string[];
  /** Values a create gives the fields the body leaves out (the model's defaults). */
  defaults?: Readonly<Record<string, unknown>>;
  /** `validate_<field>`: the field's value → the value to store, or a FieldFailure. */
  validators?: Readonly<Record<string, (value: unknown) => unknown>>;
}

export function validateBySchema(
  schemaName: string,
  data: unknown,
  options: { partial: boolean } & SerializerRules,
): Record<string, unknown> {
  assertDict(data);
  const schema = schemaDocument.definitions.write[schemaName];
  if (!schema) throw new Error(`the spec has no component schema "${schemaName}"`);
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const ignored = new Set(options.readOnly);
  const names = Object.keys(properties).filter(
    (name) => !(properties[name] as JsonSchema).readOnly && !ignored.has(name),
  );
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
      const value = runField(fieldFromSchema(schemaDocument, properties[name] as JsonSchema), data[name]);
      const validator = options.validators?.[name];
      attrs[name] = validator ? validator(value) : value;
    } catch (error) {
      if (!(error instanceof FieldFailure)) throw error;
      errors[name] = error.tree;
    }
  }
  if (Object.keys(errors).length) throw validationFailure(errors);
  if (options.partial || !options.defaults) return attrs;
  return { ...structuredClone(options.defaults), ...attrs };
}
