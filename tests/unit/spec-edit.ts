/**
 * Specs edited as data for the tests that inject operations: the document parsed, an operation set
 * at a path, and names picked so that they are in neither the spec nor the names file. A sync that
 * brings PostHog's own `archive` (or any other) action moves the pick; it never collides with it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { pascal } from "../../scripts/lib/names/rules.ts";

export interface SpecDocument {
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

interface RecordedNames {
  operations: Record<string, { client?: string; function?: string; mutationHook?: string }>;
}

export const readYaml = <T>(file: string): T => parse(readFileSync(file, "utf8")) as T;

/** Sets `method` at `path` (creating the path), leaving the rest of the document as it was. */
export function addOperation(file: string, path: string, method: string, operation: object): void {
  const document = readYaml<SpecDocument>(file);
  document.paths[path] = { ...document.paths[path], [method.toLowerCase()]: operation };
  writeFileSync(file, stringify(document));
}

const CANDIDATES = ["archive", "retire", "shelve", "hibernate", "mothball"];

/** An action word that no path of the spec has and no recorded name of `resource` uses. */
export function unusedAction(spec: SpecDocument, names: RecordedNames, resource: string): string {
  const taken = new Set(
    Object.values(names.operations).flatMap((n) => [n.client, n.function, n.mutationHook].filter(Boolean)),
  );
  const free = CANDIDATES.find(
    (word) =>
      !Object.keys(spec.paths).some((path) => path.includes(`/${word}/`)) &&
      !taken.has(`${resource}.${word}`) &&
      !taken.has(`${resource}${pascal(word)}`) &&
      !taken.has(`use${pascal(word)}`),
  );
  if (!free) throw new Error(`every candidate action (${CANDIDATES.join(", ")}) is taken: add one to CANDIDATES`);
  return free;
}

/** A GET action on the item path whose path has no operation for `method`: a newcomer there clashes by name. */
export function getActionWithout(spec: SpecDocument, itemPath: string, method: string): { path: string; word: string } {
  for (const [path, operations] of Object.entries(spec.paths)) {
    const word = path.slice(itemPath.length).replace(/\/$/, "");
    if (!path.startsWith(itemPath) || !/^[a-z_]+$/.test(word)) continue;
    if ("get" in operations && !(method.toLowerCase() in operations)) return { path, word };
  }
  throw new Error(`no GET action under ${itemPath} lacks ${method}`);
}
