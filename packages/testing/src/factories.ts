/**
 * `createFactories({ seed })`: one `build…` function per component schema of the spec (the list
 * and the types are generated), all drawing from one seeded generator, so the same seed and the
 * same sequence of calls give the same values, byte for byte.
 */
import { operationTable } from "@hogkit/types";
import { consistentPage, offsetListsBySchema, type PageOptions } from "./factory-pages.js";
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

/** The schemas that offset-paginated list operations answer (`PaginatedProjectBackwardCompatBasicList`, …). */
type OffsetPageSchema = Extract<(typeof operationTable)[number], { pagination: { style: "offset" } }>["responseSchema"];

/** The factories of those schemas: `buildProjectsPage`, `buildOrganizationsPage`. */
type PageFactoryName = {
  [K in FactoryName]: (typeof factoryTable)[K] extends { schema: OffsetPageSchema; view: "read" } ? K : never;
}[FactoryName];

type PageFactories = {
  /**
   * A schema-valid page of the list whose `count`, `next` and `previous` agree with its results, as
   * PostHog's pagination answers them: `overrides` are deep-merged (arrays replaced) and win;
   * `page.records` (every record of the list) and `page.url` (the URL the page answers) build one
   * page of a longer list, with `next`/`previous` links that `iterate()` follows.
   */
  [K in PageFactoryName]: (
    overrides?: Parameters<GeneratedFactories[K]>[0],
    page?: PageOptions<ReturnType<GeneratedFactories[K]>["results"][number]>,
  ) => ReturnType<GeneratedFactories[K]>;
};

export interface Factories extends Omit<GeneratedFactories, PageFactoryName>, PageFactories {
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
  const lists = offsetListsBySchema(operationTable);
  for (const [name, { schema, view }] of Object.entries(factoryTable)) {
    const list = view === "read" ? lists.get(schema) : undefined;
    factories[name as FactoryName] = list
      ? (overrides?: Record<string, unknown>, page?: PageOptions<unknown>) =>
          consistentPage(name, list, buildSchema(schema, view) as Record<string, unknown>, overrides, page)
      : (overrides?: unknown) => buildSchema(schema, view, overrides);
  }
  return factories as unknown as Factories;
}
