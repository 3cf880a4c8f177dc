/**
 * Everything the emitters read, computed once per run: the operation table, the public names, the
 * resources (each operation grouped under one), which schemas each side of the wire reaches and so
 * which view each schema is read in, and the names hand-written code keeps for itself. Emitters
 * take all of this from here and derive none of it again, so no two of them can disagree.
 */
import type { NamesFile, ReservedNames, ReservedNamesSource, ResourceNames } from "../lib/names/index.ts";
import type { OpenAPIDocument } from "../lib/openapi.ts";
import { buildTables, type OperationRow, type ReachableSchemas } from "../lib/operation-table.ts";
import { type SchemaView, schemaViews } from "./schema-views.ts";

/** One resource of the API, `client.<name>`: the operations of one tag. */
export interface Resource {
  /** `projects`, as in `client.projects`. */
  name: string;
  /** Its type (`ProjectsResource`) and its React query-key factory (`projectKeys`), as recorded. */
  names: ResourceNames;
  /** Its operations, in table order (by operationId). */
  operations: OperationRow[];
}

export interface GeneratorModel {
  /** The overlay-corrected document code is generated from. */
  document: OpenAPIDocument;
  /** The spec's path relative to the repository, named in headers. */
  specLabel: string;
  /** Every operation, sorted by operationId. */
  operations: OperationRow[];
  /** Every resource once, in table order: where its first operation is. */
  resources: Resource[];
  /** The same resources by name: the order of the client and its README. */
  resourcesByName: Resource[];
  /** Every public name (the names file, recorded names kept). Emitters take names from here only. */
  names: NamesFile;
  /**
   * What each package's hand-written code exports, which no new generated name of that package
   * takes. Read once, and only if a name is new: a run whose names are all recorded never needs it.
   */
  reserved: () => ReservedNames;
  /** Which component schemas responses and request bodies reach. */
  reachable: ReachableSchemas;
  /** The view each component schema is read in: as the server sends it, or as a request body. */
  schemaViews: ReadonlyMap<string, SchemaView>;
}

export interface ModelInput {
  document: OpenAPIDocument;
  /** The names file as read (recorded names win). */
  recorded: NamesFile;
  reserved: ReservedNamesSource;
  specLabel: string;
}

export function buildModel({ document, recorded, reserved, specLabel }: ModelInput): GeneratorModel {
  const reservedNames = once(typeof reserved === "function" ? reserved : () => reserved);
  const { operations, names, reachable } = buildTables(document, recorded, reservedNames);
  const resources = groupByResource(operations, names);
  return {
    document,
    specLabel,
    operations,
    resources,
    resourcesByName: [...resources].sort((a, b) => a.name.localeCompare(b.name)),
    names,
    reserved: reservedNames,
    reachable,
    schemaViews: schemaViews(document, reachable),
  };
}

function groupByResource(operations: OperationRow[], names: NamesFile): Resource[] {
  const byName = new Map<string, Resource>();
  for (const row of operations) {
    let resource = byName.get(row.resource);
    if (!resource) {
      const recorded = names.resources[row.resource];
      if (!recorded?.type || !recorded.keys)
        throw new Error(`resource ${row.resource}: the names file records no type or keys`);
      resource = { name: row.resource, names: recorded, operations: [] };
      byName.set(row.resource, resource);
    }
    resource.operations.push(row);
  }
  return [...byName.values()];
}

/** `read`, called the first time its result is wanted and never again. */
function once<T>(read: () => T): () => T {
  let result: { value: T } | undefined;
  return () => {
    result ??= { value: read() };
    return result.value;
  };
}
