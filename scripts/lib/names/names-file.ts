/**
 * The names file (`spec/<name>.names.yaml`): every public name hogkit generates, recorded once and
 * reviewed like code. `pnpm generate` reads it, adds names for new operations and schemas, and never
 * changes a recorded one. Operations are keyed by `METHOD /path`, never by operationId.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse, stringify } from "yaml";

/** The names of one operation's artifacts; which ones exist depends on the operation. */
export interface OperationNames {
  /** `projects.list`: `client.projects.list()`. */
  client: string;
  /** `projectsList` in `@hogkit/client/funcs`. */
  function: string;
  /** Offset-paginated operations: `projects.iterate` and its standalone `projectsIterate`. */
  iterate?: string;
  iterateFunction?: string;
  /** GET operations (@hogkit/react). */
  queryOptions?: string;
  hook?: string;
  suspenseHook?: string;
  infiniteQueryOptions?: string;
  infiniteHook?: string;
  /** Other methods (@hogkit/react). */
  mutationHook?: string;
  mutationVariables?: string;
  /** The request body type, when the body schema is one the server also sends (`ProjectCreate`). */
  body?: string;
}

export interface ResourceNames {
  /** The type of `client.projects` (`ProjectsResource`). */
  type: string;
  /** The query-key factory (`projectKeys`). */
  keys: string;
}

export interface SchemaNames {
  /** The friendly type in @hogkit/types (`Project`). */
  type: string;
  /** The factory in @hogkit/testing (`buildProject`). */
  factory: string;
}

export interface NamesFile {
  resources: Record<string, ResourceNames>;
  operations: Record<string, OperationNames>;
  schemas: Record<string, SchemaNames>;
}

export const emptyNames = (): NamesFile => ({ resources: {}, operations: {}, schemas: {} });

const HEADER = `# Every public name hogkit generates, recorded once (rules: scripts/lib/names/rules.ts).
# \`pnpm generate\` reads this file, adds the names of new operations and schemas, and never changes a
# recorded one, so a regeneration cannot rename anything users import. To choose another name for a
# new operation, edit its entry before the release that adds it. Renaming or removing a recorded
# name is a breaking change: \`pnpm spec:diff\` reports it as major.
`;

const OPERATION_KEYS: Array<keyof OperationNames> = [
  "client",
  "function",
  "iterate",
  "iterateFunction",
  "queryOptions",
  "hook",
  "suspenseHook",
  "infiniteQueryOptions",
  "infiniteHook",
  "mutationHook",
  "mutationVariables",
  "body",
];

export function readNamesFile(file: string | null | undefined): NamesFile {
  if (!file || !existsSync(file)) return emptyNames();
  let raw: Partial<NamesFile> | null;
  try {
    raw = parse(readFileSync(file, "utf8")) as Partial<NamesFile> | null;
  } catch (error) {
    throw new Error(`${file} is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const names = { ...emptyNames(), ...(raw ?? {}) };
  for (const [section, entries] of Object.entries(names)) {
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) {
      throw new Error(`${file}: "${section}" must be a map`);
    }
    for (const [key, entry] of Object.entries(entries)) {
      for (const [field, value] of Object.entries(entry ?? {})) {
        if (typeof value !== "string" || !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?$/.test(value)) {
          throw new Error(
            `${file}: ${section} › ${key} › ${field} must be an identifier, got ${JSON.stringify(value)}`,
          );
        }
      }
    }
  }
  return names as NamesFile;
}

/** Deterministic text: paths in order, then methods in HTTP order; schemas and resources by name. */
export function formatNamesFile(names: NamesFile): string {
  const methodRank = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];
  const byKey = (a: string, b: string) => {
    const [ma = "", pa = ""] = a.split(" ");
    const [mb = "", pb = ""] = b.split(" ");
    return pa === pb ? methodRank.indexOf(ma) - methodRank.indexOf(mb) : pa < pb ? -1 : 1;
  };
  const sorted = <T>(entries: Record<string, T>, compare?: (a: string, b: string) => number) =>
    Object.fromEntries(
      Object.keys(entries)
        .sort(compare)
        .map((key) => [key, entries[key] as T]),
    );
  const operations = sorted(names.operations, byKey);
  for (const [key, entry] of Object.entries(operations)) {
    operations[key] = Object.fromEntries(
      OPERATION_KEYS.filter((field) => entry[field] !== undefined).map((field) => [field, entry[field]]),
    ) as unknown as OperationNames;
  }
  const document = { resources: sorted(names.resources), operations, schemas: sorted(names.schemas) };
  return HEADER + stringify(document, { lineWidth: 0 });
}
