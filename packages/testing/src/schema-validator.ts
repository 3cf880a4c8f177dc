/**
 * ajv over the generated JSON Schema document: one compiled validator per (view, schema), made on
 * first use. Used by the fake (request bodies) and by tests (every factory output).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { schemaDocument, schemaFormats } from "./generated/schemas.js";
import type { SchemaView } from "./schema-document.js";

// ajv-formats is CommonJS; depending on the bundler its default export is the plugin or a namespace.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

/** drf-spectacular formats that ajv-formats does not know. */
const EXTRA_FORMATS: Record<string, RegExp | true> = { decimal: /^-?\d*(?:\.\d+)?$/ };

export interface SchemaValidator {
  /** The errors of `value` against component `schema`, or null when it is valid. */
  errors(schema: string, view: SchemaView, value: unknown): ErrorObject[] | null;
}

export function createSchemaValidator(): SchemaValidator {
  const ajv = new Ajv({ allErrors: false, strict: false, logger: false });
  addFormats(ajv);
  for (const format of schemaFormats) {
    if (!ajv.formats[format]) ajv.addFormat(format, EXTRA_FORMATS[format] ?? true);
  }
  ajv.addSchema(schemaDocument as object, schemaDocument.$id);
  const compiled = new Map<string, ValidateFunction>();
  return {
    errors(schema, view, value) {
      const key = `${view}/${schema}`;
      let validate = compiled.get(key);
      if (!validate) {
        if (!schemaDocument.definitions[view][schema]) {
          throw new TypeError(`[hogkit] the spec has no component schema "${schema}"`);
        }
        validate = ajv.getSchema(`${schemaDocument.$id}#/definitions/${key}`);
        if (!validate) throw new Error(`[hogkit] ajv could not compile ${key}`);
        compiled.set(key, validate);
      }
      return validate(value) ? null : (validate.errors ?? []);
    },
  };
}
