/**
 * Builds a value that satisfies a JSON Schema from the generated document: types, formats, enums,
 * nullability, lengths, ranges, patterns and required properties. Purely schema-driven: the only
 * knowledge of PostHog here is a handful of property-name hints (tokens, names, emails) that make
 * values look real; every hint still has to satisfy the schema.
 */
import type { Random } from "./random.js";
import type { JsonSchema, JsonSchemaDocument, SchemaView } from "./schema-document.js";
import { projectApiToken, projectSecretToken } from "./tokens.js";

export interface GeneratorState {
  readonly random: Random;
  readonly document: JsonSchemaDocument;
  /** `all`: every declared property, as PostHog's serializers send them; `some`: optional ones at random. */
  readonly optionalFields: "all" | "some";
  /** Next value for integer `id` properties: unique within one factory. */
  nextId(): number;
  /** UUIDs handed out so far: a UUID is never repeated within one factory. */
  readonly uuids: Set<string>;
}

interface Place {
  /** Where we are, for error messages: `ProjectBackwardCompat.name`. */
  path: string;
  property?: string;
  /** A readable noun for the object being built (`Project`), used in names like "Project 12". */
  noun: string;
  depth: number;
}

const EPOCH = Date.UTC(2024, 0, 1);
const TWO_YEARS_S = 2 * 365 * 24 * 3600;
const WORDS = ["alpha", "bravo", "delta", "falcon", "harbor", "maple", "nova", "orbit", "pixel", "quartz", "river"];
const FIRST_NAMES = ["Ada", "Grace", "Linus", "Margaret", "Tim", "Barbara", "Ken", "Radia"];
/** Real PostHog product keys, for `product_type`. */
const PRODUCTS = ["product_analytics", "session_replay", "feature_flags", "experiments", "surveys", "error_tracking"];

export class FactoryError extends Error {
  override name = "FactoryError";
}

export function resolveRef(document: JsonSchemaDocument, ref: string): { schema: JsonSchema; name: string } {
  const match = ref.match(/^#\/definitions\/(read|write)\/([^/]+)$/);
  const schema = match ? document.definitions[match[1] as SchemaView]?.[match[2] as string] : undefined;
  if (!match || !schema) throw new FactoryError(`[hogkit factories] unresolved reference ${ref}`);
  return { schema, name: match[2] as string };
}

/** "ProjectBackwardCompatBasic" → "Project": the noun used in generated names. */
export function nounOf(schemaName: string): string {
  return schemaName.replace(/BackwardCompat|Basic|^Paginated|List$|^Patched|Request$|Enum$/g, "") || schemaName;
}

export function generateValue(state: GeneratorState, schema: JsonSchema, place: Place): unknown {
  if (place.depth > 12) throw new FactoryError(`[hogkit factories] ${place.path}: schema nests deeper than 12 levels`);
  if (schema.$ref) {
    const { schema: target, name } = resolveRef(state.document, schema.$ref);
    const noun = place.property ? nounOf(name) : place.noun;
    return generateValue(state, target, { ...place, noun, depth: place.depth + 1 });
  }
  if (schema.allOf) return generateValue(state, mergeAllOf(state.document, schema), place);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const nonNull = branches.filter((b) => b.type !== "null");
    const hasNull = nonNull.length < branches.length;
    if (hasNull && (nonNull.length === 0 || state.random.chance(0.1))) return null;
    return generateValue(state, state.random.pick(nonNull), place);
  }
  if (schema.enum) {
    const values = schema.enum.filter((v) => v !== null);
    if (values.length === 0 || (values.length < schema.enum.length && state.random.chance(0.1))) return null;
    return structuredClone(state.random.pick(values));
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const concrete = types.filter((t) => t !== "null");
  if (types.includes("null") && (concrete.length === 0 || state.random.chance(0.1))) return null;
  if (concrete.length === 0) return untyped(state, schema, place);
  const type = state.random.pick(concrete);
  switch (type) {
    case "object":
      return objectValue(state, schema, place);
    case "array":
      return arrayValue(state, schema, place);
    case "integer":
      return integerValue(state, schema, place);
    case "number":
      return Math.round(numberInRange(state, schema, 0, 1000) * 100) / 100;
    case "boolean":
      return state.random.chance(0.5);
    case "string":
      return stringValue(state, schema, place);
    default:
      throw new FactoryError(`[hogkit factories] ${place.path}: unsupported type "${type}"`);
  }
}

/** A schema with no type (`{}`) accepts any JSON; PostHog uses it for free-form config, often null. */
function untyped(state: GeneratorState, schema: JsonSchema, place: Place): unknown {
  if (schema.properties || schema.additionalProperties !== undefined) return objectValue(state, schema, place);
  return state.random.chance(0.5) ? null : {};
}

function mergeAllOf(document: JsonSchemaDocument, schema: JsonSchema): JsonSchema {
  const { allOf = [], ...rest } = schema;
  let merged: JsonSchema = { ...rest };
  for (const part of allOf) {
    const resolved = part.$ref ? resolveRef(document, part.$ref).schema : part;
    const flat = resolved.allOf ? mergeAllOf(document, resolved) : resolved;
    merged = {
      ...flat,
      ...merged,
      properties: { ...flat.properties, ...merged.properties },
      required: [...(flat.required ?? []), ...(merged.required ?? [])],
    };
    if (!flat.properties && !rest.properties) delete merged.properties;
    if (!merged.required?.length) delete merged.required;
  }
  return merged;
}

function objectValue(state: GeneratorState, schema: JsonSchema, place: Place): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (!required.has(name) && state.optionalFields === "some" && state.random.chance(0.3)) continue;
    out[name] = generateValue(state, property, {
      path: `${place.path}.${name}`,
      property: name,
      noun: place.noun,
      depth: place.depth + 1,
    });
  }
  const extra = schema.additionalProperties;
  if (!schema.properties && extra !== undefined && extra !== false) {
    const count = state.random.int(0, 2);
    for (let i = 0; i < count; i++) {
      const key = `${state.random.pick(WORDS)}_${i}`;
      out[key] =
        extra === true || Object.keys(extra).length === 0
          ? state.random.pick(WORDS)
          : generateValue(state, extra, { path: `${place.path}.${key}`, noun: place.noun, depth: place.depth + 1 });
    }
  }
  return out;
}

function arrayValue(state: GeneratorState, schema: JsonSchema, place: Place): unknown[] {
  const min = schema.minItems ?? 0;
  const max = Math.max(min, Math.min(schema.maxItems ?? Number.POSITIVE_INFINITY, min + (place.depth > 4 ? 0 : 3)));
  const count = state.random.int(min, max);
  const items = schema.items ?? {};
  return Array.from({ length: count }, (_, i) =>
    generateValue(state, items, { path: `${place.path}[${i}]`, noun: place.noun, depth: place.depth + 1 }),
  );
}

function numberInRange(state: GeneratorState, schema: JsonSchema, low: number, high: number): number {
  const min = typeof schema.minimum === "number" ? schema.minimum : Math.min(low, schema.maximum ?? low);
  const max = typeof schema.maximum === "number" ? schema.maximum : Math.max(high, min + (high - low));
  return min + state.random.next() * (max - min);
}

function integerValue(state: GeneratorState, schema: JsonSchema, place: Place): number {
  if (place.property === "id" && schema.minimum === undefined && schema.maximum === undefined) return state.nextId();
  const min = Math.ceil(typeof schema.minimum === "number" ? schema.minimum : 0);
  const fallbackMax = schema.format === "int64" || schema.format === "int32" ? 100_000 : 1000;
  const max = Math.floor(typeof schema.maximum === "number" ? schema.maximum : Math.max(min + fallbackMax, 0));
  if (max < min) throw new FactoryError(`[hogkit factories] ${place.path}: no integer between ${min} and ${max}`);
  return state.random.int(min, max);
}

function stringValue(state: GeneratorState, schema: JsonSchema, place: Place): string {
  const value = fitLength(state, schema, formatted(state, schema, place));
  if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) {
    throw new FactoryError(
      `[hogkit factories] ${place.path}: cannot generate a string matching /${schema.pattern}/ (got "${value}"); ` +
        "teach value-generator.ts this format",
    );
  }
  return value;
}

function formatted(state: GeneratorState, schema: JsonSchema, place: Place): string {
  const { random } = state;
  switch (schema.format) {
    case "uuid": {
      let uuid = random.uuid();
      while (state.uuids.has(uuid)) uuid = random.uuid();
      state.uuids.add(uuid);
      return uuid;
    }
    case "date-time":
      return new Date(EPOCH + random.int(0, TWO_YEARS_S) * 1000).toISOString();
    case "date":
      return new Date(EPOCH + random.int(0, TWO_YEARS_S) * 1000).toISOString().slice(0, 10);
    case "uri":
      return `https://example.com/${random.pick(WORDS)}/${random.int(1, 9999)}`;
    case "email":
      return `${random.pick(FIRST_NAMES).toLowerCase()}${random.int(1, 999)}@example.com`;
    case "decimal":
      // Two decimals in [0, 1]: PostHog's decimals here are rates (session_recording_sample_rate).
      return (random.int(0, 100) / 100).toFixed(2);
  }
  return hinted(state, place) ?? `${random.pick(WORDS)}-${random.int(1, 9999)}`;
}

/** Realistic values chosen by property name; they still go through the schema's constraints. */
function hinted(state: GeneratorState, place: Place): string | undefined {
  const { random } = state;
  const property = place.property ?? "";
  if (property === "api_token") return projectApiToken(random);
  if (/^secret_api_token/.test(property)) return projectSecretToken(random);
  if (property === "name") return `${place.noun} ${random.int(1, 999)}`;
  if (property === "first_name") return random.pick(FIRST_NAMES);
  if (property === "email") return `${random.pick(FIRST_NAMES).toLowerCase()}${random.int(1, 999)}@example.com`;
  if (property === "product_type") return random.pick(PRODUCTS);
  if (/_urls?$|^url$/.test(property)) return `https://${random.pick(WORDS)}.example.com`;
  return undefined;
}

function fitLength(state: GeneratorState, schema: JsonSchema, value: string): string {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
  if (max < min) throw new FactoryError(`[hogkit factories] minLength ${min} > maxLength ${max}`);
  let out = [...value].length > max ? [...value].slice(0, max).join("") : value;
  while ([...out].length < min) out += state.random.string(1, "abcdefghijklmnopqrstuvwxyz");
  return out;
}
