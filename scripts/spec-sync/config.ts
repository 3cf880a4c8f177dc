/**
 * spec/sync.config.yaml, read and checked: what `pnpm spec:sync` covers (resources, each a tag and
 * a `pathPrefix` or exact `paths`), where it reads from, and the operationIds it was told to use.
 * The contract test reads it too, so "what we cover" is written down once.
 */
import { readDocument } from "../lib/spec-model/index.ts";
import { SpecSyncError, type SyncConfig, type SyncResource } from "./sync.ts";

export function readSyncConfig(file: string): SyncConfig {
  let raw: Partial<SyncConfig> & Partial<SyncResource>;
  try {
    raw = readDocument<Partial<SyncConfig> & Partial<SyncResource>>(file);
  } catch (error) {
    throw new SpecSyncError(`cannot read the sync config ${file}: ${(error as Error).message}`);
  }
  if (typeof raw?.spec !== "string" || !raw.spec) throw new SpecSyncError(`${file}: "spec" must be a non-empty string`);
  // One resource may also be given at the top level (`pathPrefix` + `tag`), as configs before `resources` did.
  const listed = raw.resources ?? (raw.tag || raw.pathPrefix ? [{ tag: raw.tag, pathPrefix: raw.pathPrefix }] : []);
  if (!Array.isArray(listed) || listed.length === 0) {
    throw new SpecSyncError(`${file}: "resources" must list at least one { tag, pathPrefix | paths }`);
  }
  const resources = listed.map((resource, i) =>
    checkResource(resource as Partial<SyncResource>, `${file}: resources[${i}]`),
  );
  const tags = resources.map((resource) => resource.tag);
  const twice = tags.find((tag, i) => tags.indexOf(tag) !== i);
  if (twice) throw new SpecSyncError(`${file}: the tag "${twice}" is listed twice in "resources"`);
  return {
    source: raw.source ?? "",
    spec: raw.spec,
    overlay: raw.overlay ?? "",
    resources,
    timeoutMs: typeof raw.timeoutMs === "number" ? raw.timeoutMs : 30_000,
    operationIds: raw.operationIds ?? {},
  };
}

function checkResource(resource: Partial<SyncResource>, where: string): SyncResource {
  if (typeof resource?.tag !== "string" || !resource.tag)
    throw new SpecSyncError(`${where}: "tag" must be a non-empty string`);
  const { pathPrefix, paths } = resource;
  if (pathPrefix !== undefined && (typeof pathPrefix !== "string" || !pathPrefix.startsWith("/"))) {
    throw new SpecSyncError(`${where}: "pathPrefix" must be a path starting with /`);
  }
  if (
    paths !== undefined &&
    (!Array.isArray(paths) || !paths.every((p) => typeof p === "string" && p.startsWith("/")))
  ) {
    throw new SpecSyncError(`${where}: "paths" must be a list of paths starting with /`);
  }
  if (!pathPrefix && !paths?.length) throw new SpecSyncError(`${where}: give a "pathPrefix" or a list of "paths"`);
  return { tag: resource.tag, ...(pathPrefix ? { pathPrefix } : {}), ...(paths?.length ? { paths } : {}) };
}
