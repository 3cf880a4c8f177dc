/**
 * `createFactories({ seed })`: one `build…` function per component schema of the spec (the list
 * and the types are generated), all drawing from one seeded generator, so the same seed and the
 * same sequence of calls give the same values, byte for byte.
 */
import { type FactoryName, factoryTable, type GeneratedFactories } from "./generated/factories.js";
import { schemaDocument } from "./generated/schemas.js";
import { deepMerge } from "./overrides.js";
import { Random } from "./random.js";
import type { SchemaView } from "./schema-document.js";
import { type GeneratorState, generateValue, nounOf } from "./value-generator.js";

export interface FactoryOptions {
  /** Seed of the generator; default 1. */
  seed?: number;
  /** `all` (default): every property, as PostHog's serializers send them. `some`: optional properties at random. */
  optionalFields?: "all" | "some";
  /** First value handed out for integer `id` properties; default 1. */
  firstId?: number;
}

export interface Factories extends GeneratedFactories {
  readonly seed: number;
  /**
   * Builds any component schema by its name in the spec (`"ProjectBackwardCompat"`), in the
   * server's (`read`) or the client's (`write`) view. The typed `build…` functions use this.
   */
  buildSchema(schema: string, view?: SchemaView, overrides?: unknown): unknown;
  /** The generator behind the factories, for values that are not a whole schema (tokens, ids). */
  readonly random: Random;
  /** The next unique integer id (the same counter the factories use for `id` fields). */
  nextId(): number;
}

export function createFactories(options: FactoryOptions = {}): Factories {
  const seed = options.seed ?? 1;
  const random = new Random(seed);
  let id = options.firstId ?? 1;
  const state: GeneratorState = {
    random,
    document: schemaDocument,
    optionalFields: options.optionalFields ?? "all",
    nextId: () => id++,
    uuids: new Set(),
  };
  const buildSchema = (schema: string, view: SchemaView = "read", overrides?: unknown) => {
    const definition = schemaDocument.definitions[view][schema];
    if (!definition) throw new TypeError(`[hogkit factories] the spec has no component schema "${schema}"`);
    const value = generateValue(state, definition, { path: schema, noun: nounOf(schema), depth: 0 });
    return deepMerge(value, overrides);
  };
  const factories: Record<string, unknown> = { seed, random, nextId: state.nextId, buildSchema };
  for (const [name, { schema, view }] of Object.entries(factoryTable)) {
    factories[name as FactoryName] = (overrides?: unknown) => buildSchema(schema, view, overrides);
  }
  return factories as unknown as Factories;
}
