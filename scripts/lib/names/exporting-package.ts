/**
 * Which package exports each generated name, and the names the names file records that the package's
 * hand-written code exports too. Such a clash compiles: the hand-written export silently shadows the
 * generated one re-exported by `export *`, so users would get the wrong thing. New names avoid
 * hand-written ones (assign-names.ts); a recorded one cannot move, so a test checks the names file
 * against them (tests/unit/hand-written-exports.test.ts).
 */
import type { NamesFile, OperationNames, ResourceNames, SchemaNames } from "./names-file.ts";

/** Names hand-written code exports, by package directory (`client`, `react`, `types`, `testing`). */
export type ReservedNames = Partial<Record<string, readonly string[]>>;

/** The reserved names, or how to read them: only a new name needs them, so reading can wait till then. */
export type ReservedNamesSource = ReservedNames | (() => ReservedNames);

/** The package exporting each operation name; null for what is no export (`client.projects.list`). */
export const OPERATION_NAME_PACKAGE: Record<keyof OperationNames, string | null> = {
  client: null,
  iterate: null,
  function: "client",
  iterateFunction: "client",
  queryOptions: "react",
  hook: "react",
  suspenseHook: "react",
  infiniteQueryOptions: "react",
  infiniteHook: "react",
  mutationHook: "react",
  mutationVariables: "react",
  body: "types",
};

export const RESOURCE_NAME_PACKAGE: Record<keyof ResourceNames, string> = { type: "client", keys: "react" };

/** Factories are methods of `createFactories()`'s object, not exports of @hogkit/testing. */
export const SCHEMA_NAME_PACKAGE: Record<keyof SchemaNames, string | null> = { type: "types", factory: null };

/** Every recorded name the hand-written code of its package exports too, as `package: name (owner)`. */
export function handWrittenClashes(names: NamesFile, reserved: ReservedNames): string[] {
  const clashes: string[] = [];
  const check = (pkg: string | null, name: string | undefined, owner: string) => {
    if (pkg && name && reserved[pkg]?.includes(name)) clashes.push(`${pkg}: ${name} (${owner})`);
  };
  for (const [resource, entry] of Object.entries(names.resources)) {
    for (const field of Object.keys(RESOURCE_NAME_PACKAGE) as Array<keyof ResourceNames>) {
      check(RESOURCE_NAME_PACKAGE[field], entry[field], `resource ${resource} ${field}`);
    }
  }
  for (const [key, entry] of Object.entries(names.operations)) {
    for (const field of Object.keys(OPERATION_NAME_PACKAGE) as Array<keyof OperationNames>) {
      check(OPERATION_NAME_PACKAGE[field], entry[field], `${key} ${field}`);
    }
  }
  for (const [schema, entry] of Object.entries(names.schemas)) {
    for (const field of Object.keys(SCHEMA_NAME_PACKAGE) as Array<keyof SchemaNames>) {
      check(SCHEMA_NAME_PACKAGE[field], entry[field], `schema ${schema} ${field}`);
    }
  }
  return clashes;
}
