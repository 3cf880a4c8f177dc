/**
 * Seed data (`createFakePostHog({ projects })`, `hogkit-mock --data`) is checked like a request:
 * each writable field goes through the same DRF field and PostHog validator as a PATCH, the
 * finished record is checked against the spec's response schema, and an unknown field is an error.
 * A mistake is a TypeError naming the project and field (`projects[0].timezone: "Mars/Olympus" is
 * not a valid choice.`) instead of a fake that answers what PostHog never would.
 */
import { schemaDocument } from "../generated/schemas.js";
import type { SchemaValidator } from "../schema-validator.js";
import { FieldFailure, firstError, runField } from "./drf-fields.js";
import { writableFields } from "./project-serializer.js";
import { FIELD_VALIDATORS } from "./project-validators.js";

export class SeedDataError extends TypeError {
  override name = "SeedDataError";
}

const seedError = (where: string, message: string) => new SeedDataError(`[hogkit fake] ${where}: ${message}`);

/** The validated writable fields of one seeded project, and its read-only ones as given. */
export function checkSeedProject(
  input: unknown,
  index: number,
): { writable: Record<string, unknown>; readOnly: Record<string, unknown> } {
  const where = `projects[${index}]`;
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw seedError(where, "each project must be an object of ProjectBackwardCompat fields");
  }
  const fields = new Map(writableFields());
  const readSchema = schemaDocument.definitions.read.ProjectBackwardCompat?.properties ?? {};
  const writable: Record<string, unknown> = {};
  const readOnly: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const field = fields.get(name);
    if (field) {
      try {
        const validated = runField(field, value);
        const validator = FIELD_VALIDATORS[name];
        writable[name] = validator ? validator(validated) : validated;
      } catch (error) {
        if (!(error instanceof FieldFailure)) throw error;
        const { attr, detail } = firstError({ [name]: error.tree });
        throw seedError(`${where}.${attr ?? name}`, detail);
      }
    } else if (Object.hasOwn(readSchema, name)) {
      readOnly[name] = value;
    } else {
      throw seedError(`${where}.${name}`, "not a field of ProjectBackwardCompat (misspelt?)");
    }
  }
  return { writable, readOnly };
}

/** The seeded record, whole, against the response schema (read-only values the caller chose included). */
export function checkSeedRecord(validator: SchemaValidator, record: unknown, index: number): void {
  const errors = validator.errors("ProjectBackwardCompat", "read", record);
  const first = errors?.[0];
  if (!first) return;
  const path = first.instancePath.split("/").filter(Boolean).join(".");
  throw seedError(
    `projects[${index}]${path ? `.${path}` : ""}`,
    `${first.message ?? "invalid"} (${JSON.stringify(first.params)})`,
  );
}
