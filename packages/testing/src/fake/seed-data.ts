/**
 * Seed data (`createFakePostHog({ organizations, projects })`, `hogkit-mock --data`) describes
 * records that already exist, so a record exactly as PostHog returns it is a seed: every field of
 * the resource's read schema is accepted, checked by type and enum (not by the write validators:
 * PostHog returns `access_control: false`, which no write may send), and stored as given; an
 * unknown field is an error. Once everything is seeded, each record must read back as given, so a
 * seed that contradicts another (a project's level against its organization's) is refused rather
 * than turned into something else. A mistake is a SeedDataError naming the record and the field:
 * `projects[0].timezone: "Mars/Olympus" is not a valid choice.`
 * This file knows no resource: the resource modules name their schema and their view.
 */
import type { ErrorObject } from "ajv";
import { createFactories } from "../factories.js";
import { schemaDocument } from "../generated/schemas.js";
import type { SchemaValidator } from "../schema-validator.js";

export class SeedDataError extends TypeError {
  override name = "SeedDataError";
}

export const seedError = (where: string, message: string) => new SeedDataError(`[hogkit fake] ${where}: ${message}`);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** A value for a message: short, and never a secret (`phx_…` keys, `phs_…` tokens). */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  const clipped = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  return clipped.replace(/\b(ph[xs])_[A-Za-z0-9]+/g, "$1_…");
}

/** One valid whole record per schema (its own generator: seeding draws nothing from the fake's seed). */
const templates = new Map<string, Json>();
function template(schema: string): Json {
  let record = templates.get(schema);
  if (!record) {
    record = createFactories({ seed: 1 }).buildSchema(schema, "read") as Json;
    templates.set(schema, record);
  }
  return record;
}

/** `/app_urls/1` → `.app_urls[1]` (JSON-pointer escapes undone). */
function fieldPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join("");
}

function valueAt(record: Json, pointer: string): unknown {
  let value: unknown = record;
  for (const part of pointer.split("/").slice(1)) {
    value = (value as Json | undefined)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return value;
}

/** ajv's error as a sentence with the value that caused it; an enum miss in PostHog's words. */
function describe(error: ErrorObject, value: unknown): string {
  if (error.keyword === "enum") return `"${typeof value === "string" ? value : shown(value)}" is not a valid choice.`;
  if (error.keyword === "type") {
    const types = String(error.params.type).split(",");
    return `must be ${types.join(" or ")}, got ${shown(value)}`;
  }
  return `${error.message ?? "is not valid"}, got ${shown(value)}`;
}

/**
 * The fields of one seeded record, checked against `schema` in the read view: each must be one of
 * its properties (or one of the resource's `options`, which the caller checks) and valid as PostHog
 * would return it. Returns the schema's fields as given.
 */
export function checkSeedFields(
  validator: SchemaValidator,
  schema: string,
  input: unknown,
  where: string,
  options: readonly string[] = [],
): Json {
  if (!isObject(input)) throw seedError(where, `must be an object of ${schema} fields, got ${shown(input)}`);
  const properties = schemaDocument.definitions.read[schema]?.properties ?? {};
  const fields: Json = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined || options.includes(name)) continue;
    if (!Object.hasOwn(properties, name)) {
      throw seedError(
        `${where}.${name}`,
        `not a field of ${schema}${options.length ? " nor an option" : ""} (misspelt?)`,
      );
    }
    fields[name] = value;
  }
  // Checked inside a whole valid record: the given fields are the only ones that can be wrong.
  const first = validator.errors(schema, "read", { ...template(schema), ...fields })?.[0];
  if (first)
    throw seedError(`${where}${fieldPath(first.instancePath)}`, describe(first, valueAt(fields, first.instancePath)));
  return fields;
}

/** Deep equality of JSON values, key order aside. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
  );
}

/**
 * Where `view` differs from what `given` says, or undefined. An object in the view may hold more
 * keys than the seed gave (a `teams` entry names some of its project's fields); all else is exact.
 */
function difference(
  given: unknown,
  view: unknown,
  path: string,
): { path: string; given: unknown; view: unknown } | undefined {
  if (Array.isArray(given) && Array.isArray(view) && given.length === view.length) {
    for (const [i, item] of given.entries()) {
      const found = difference(item, view[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(given) && isObject(view)) {
    for (const [key, value] of Object.entries(given)) {
      const found = difference(value, view[key], `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return sameJson(given, view) ? undefined : { path, given, view };
}

/** Each seeded field as the fake now returns the record: anything else means the seed contradicts itself. */
export function checkReadsBack(where: string, given: Json, view: Json): void {
  for (const [field, value] of Object.entries(given)) {
    const found = difference(value, view[field], `${where}.${field}`);
    if (!found) continue;
    throw seedError(
      found.path,
      `seeded as ${shown(found.given)}, but the rest of the seed makes it ${shown(found.view)}: make them agree, or leave it out`,
    );
  }
}
