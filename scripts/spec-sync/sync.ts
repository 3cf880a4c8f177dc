/**
 * Rebuilds our spec from an upstream OpenAPI document (PostHog's whole published schema), keeping
 * what is ours. Pure: documents in, document out; the CLI (main.ts) does the
 * reading, checking and writing.
 *
 * The sync config lists the resources we cover, each a tag and the upstream paths it takes: every
 * path under a `pathPrefix`, or exactly the `paths` listed (the organization endpoints are two paths
 * of the many under `/api/organizations/`). `only` narrows one run to some of them: the others stay
 * exactly as they are in ours, with the components they use.
 *
 * Taken from upstream: every covered operation (matched to ours by HTTP method + path), its
 * parameters, JSON request body, responses and security, and every component they reference,
 * transitively. Kept from ours: operationIds, tags, summaries and descriptions (wherever ours has one
 * at the same place), our `components/parameters` (upstream inlines them), info, servers, top-level
 * tags, key order, and the file's header comment.
 *
 * Dropped as generator noise: parameter `explode`/`style`, `example`/`examples`, and request-body
 * media types other than JSON (PostHog also lists form and multipart encodings of the same schema).
 *
 * A new upstream operation gets an operationId by the drf rule (see `newOperationId`), unless
 * `operationIds` in the sync config names it.
 */
import type { OpenAPIDocument } from "../lib/openapi.ts";
import {
  checkDocument,
  isJsonMediaType,
  isObject,
  jsonMedia,
  listOperations,
  mapSchema,
  pointer,
  refsIn,
  resolve,
} from "../lib/spec-model/index.ts";

/** One SDK resource of the sync config: its tag and the upstream paths it covers. */
export interface SyncResource {
  /** The tag (SDK resource) and operationId prefix of its operations. */
  tag: string;
  /** Every upstream path that starts with this. */
  pathPrefix?: string;
  /** Exactly these upstream paths. */
  paths?: string[];
}

export interface SyncConfig {
  /** Where `pnpm spec:sync` reads from when no `--from` is given. */
  source: string;
  /** Spec and overlay file names, relative to the config file's directory. */
  spec: string;
  overlay: string;
  /** The resources we cover, at least one. */
  resources: SyncResource[];
  /** Fetch timeout for a URL source. */
  timeoutMs: number;
  /** Explicit operationIds for new operations, keyed by `METHOD /path`; beats the naming rule. */
  operationIds: Record<string, string>;
}

export interface SyncOptions {
  /** Sync only the resources with these tags; the others stay as they are in ours. */
  only?: string[];
}

export class SpecSyncError extends Error {
  override name = "SpecSyncError";
}

export interface SyncResult {
  document: OpenAPIDocument;
  /** Operations upstream has that ours did not, with the operationId they were given. */
  added: Array<{ key: string; operationId: string }>;
  /** Our component parameters that no upstream operation uses any more (dropped). */
  droppedParameters: string[];
  /** Components a synced operation shares with a resource left out by `only`: kept as ours. */
  keptShared: string[];
}

type Json = Record<string, unknown>;

/** Conventional order for the methods of a path that is new to our spec. */
const METHOD_ORDER = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];
const PARAMETER_KEYS = ["name", "in", "required", "description", "schema"];
const PARAMETER_NOISE = new Set(["explode", "style", "example", "examples"]);

export function syncSpec(
  upstreamInput: unknown,
  ours: OpenAPIDocument,
  config: SyncConfig,
  options: SyncOptions = {},
): SyncResult {
  const upstream = checkUpstream(upstreamInput);
  const selected = selectResources(config, options.only);
  const covered = coveredOperations(upstream, selected);
  for (const resource of selected) {
    if (!covered.some((entry) => entry.resource === resource)) {
      throw new SpecSyncError(`the upstream document has no operation under ${describeResource(resource)}`);
    }
  }
  const allMine = operationsOf(ours);
  // Ours for this run: the selected resources' operations, and without `only` every one (an operation
  // no resource covers any more is then "lost", as a removal is never silent).
  const inRun = (path: string) => {
    const resource = resourceOf(config, path);
    return resource ? selected.includes(resource) : !options.only?.length;
  };
  const mine = new Map(allMine.filter((entry) => inRun(entry.path)).map((entry) => [entry.key, entry]));
  // Operations of resources this run leaves out (`only`), and operations no resource covers: as ours.
  const kept = allMine.filter((entry) => !mine.has(entry.key));
  const upstreamKeys = new Set(covered.map((entry) => entry.key));
  const lost = [...mine.keys()].filter((key) => !upstreamKeys.has(key));
  if (lost.length) {
    throw new SpecSyncError(
      `the upstream document lost ${lost.length} operation(s) this project covers:\n${lost
        .map((key) => `  ${key} (${mine.get(key)?.operation.operationId})`)
        .join("\n")}\nRemoving an operation is a breaking change: remove it from spec/ by hand if that is intended.`,
    );
  }

  const keptPaths: Json = {};
  for (const entry of kept) {
    const item = (keptPaths[entry.path] ?? {}) as Json;
    keptPaths[entry.path] = item;
    if (entry.sharedParameters) item.parameters = entry.sharedParameters;
    item[entry.method] = entry.operation;
  }
  const keptParameters = new Set(
    refsIn(keptPaths).flatMap((ref) => ref.match(/^#\/components\/parameters\/(.+)$/)?.slice(1) ?? []),
  );
  const parameters = new ParameterComponents(ours, upstream, covered, keptParameters);
  const paths: Json = {};
  const usedIds = new Map<string, string>();
  for (const { operation } of allMine) usedIds.set(String(operation.operationId), "ours");
  const added: SyncResult["added"] = [];
  for (const entry of covered) {
    const pathItem = (paths[entry.path] ?? {}) as Json;
    paths[entry.path] = pathItem;
    if (entry.sharedParameters && !pathItem.parameters) {
      pathItem.parameters = entry.sharedParameters.map((p) => parameters.convert(p));
    }
    const own = mine.get(entry.key)?.operation;
    let operationId = own?.operationId as string | undefined;
    if (!operationId) {
      operationId =
        config.operationIds[entry.key] ??
        newOperationId(entry.method, entry.path, namingBase(entry.resource), upstream, entry.operation);
      const holder = usedIds.get(operationId);
      if (holder) {
        throw new SpecSyncError(
          `new operation ${entry.key} would get the operationId ${operationId}, which another operation has; ` +
            `name it under operationIds in the sync config`,
        );
      }
      usedIds.set(operationId, entry.key);
      added.push({ key: entry.key, operationId });
    }
    pathItem[entry.method] = buildOperation(entry, own, operationId, entry.resource.tag, parameters);
  }
  for (const [path, item] of Object.entries(keptPaths)) {
    paths[path] = { ...(paths[path] as Json | undefined), ...(item as Json) };
  }
  for (const [path, item] of Object.entries(paths)) {
    if (!(path in ours.paths)) paths[path] = sortMethods(item as Json);
  }

  const components: Json = {};
  const componentParameters = parameters.components();
  if (Object.keys(componentParameters).length) components.parameters = componentParameters;
  const syncedParameters = Object.fromEntries(
    Object.entries(componentParameters).filter(([name]) => !keptParameters.has(name)),
  );
  const synced = referencedComponents(upstream, [withoutKept(paths, keptPaths), syncedParameters]);
  const keptComponents = referencedComponents(ours, [
    keptPaths,
    Object.fromEntries([...keptParameters].map((name) => [name, componentParameters[name]])),
  ]);
  const keptShared: string[] = [];
  for (const [kind, entries] of Object.entries(keptComponents)) {
    for (const [name, value] of Object.entries(entries)) {
      const upstreamValue = (synced[kind] as Json | undefined)?.[name];
      if (upstreamValue !== undefined && canonicalJson(upstreamValue) !== canonicalJson(value))
        keptShared.push(`${kind}/${name}`);
      synced[kind] ??= {};
      (synced[kind] as Json)[name] = value;
    }
  }
  for (const [kind, entries] of Object.entries(synced)) components[kind] = entries;
  const schemes = securitySchemes(upstream, ours, paths);
  if (Object.keys(schemes).length) components.securitySchemes = schemes;

  const next: Json = { ...(ours as Json), openapi: upstream.openapi, paths, components };
  next.info ??= upstream.info;
  if (!ours.servers && upstream.servers) next.servers = upstream.servers;
  next.tags = topLevelTags(ours, selected, covered);
  if (next.tags === undefined) delete next.tags;
  return {
    document: reconcile(next, ours) as OpenAPIDocument,
    added,
    droppedParameters: parameters.dropped(),
    keptShared,
  };
}

// ---- Selecting operations -------------------------------------------------------------------------

interface CoveredOperation {
  key: string;
  path: string;
  method: string;
  operation: Json;
  sharedParameters?: Json[];
  /** The config resource that covers it (for upstream operations). */
  resource: SyncResource;
}

function checkUpstream(input: unknown): OpenAPIDocument {
  try {
    return checkDocument(input, "the upstream document");
  } catch (error) {
    throw new SpecSyncError((error as Error).message);
  }
}

function selectResources(config: SyncConfig, only: string[] | undefined): SyncResource[] {
  if (!only?.length) return config.resources;
  const unknown = only.filter((tag) => !config.resources.some((resource) => resource.tag === tag));
  if (unknown.length) {
    throw new SpecSyncError(
      `--only ${unknown.join(",")}: the sync config has no such resource (it has ${config.resources.map((r) => r.tag).join(", ")})`,
    );
  }
  return config.resources.filter((resource) => only.includes(resource.tag));
}

/** The resource covering a path: one that lists it exactly, else the one with the longest matching prefix. */
export function resourceOf(config: Pick<SyncConfig, "resources">, path: string): SyncResource | undefined {
  const exact = config.resources.find((resource) => resource.paths?.includes(path));
  if (exact) return exact;
  return config.resources
    .filter((resource) => resource.pathPrefix && path.startsWith(resource.pathPrefix))
    .sort((a, b) => (b.pathPrefix as string).length - (a.pathPrefix as string).length)[0];
}

function describeResource(resource: SyncResource): string {
  return resource.pathPrefix ?? (resource.paths ?? []).join(", ");
}

function operationsOf(document: OpenAPIDocument): Omit<CoveredOperation, "resource">[] {
  return listOperations(document).map(({ key, path, method, operation }) => ({
    key,
    path,
    method,
    operation: operation as Json,
    sharedParameters: (document.paths[path] as Json).parameters as Json[] | undefined,
  }));
}

function coveredOperations(document: OpenAPIDocument, selected: SyncResource[]): CoveredOperation[] {
  const config = { resources: selected };
  return operationsOf(document).flatMap((entry) => {
    const resource = resourceOf(config, entry.path);
    return resource ? [{ ...entry, resource }] : [];
  });
}

/** The paths without the kept operations, so that only synced operations pull upstream components. */
function withoutKept(paths: Json, keptPaths: Json): Json {
  const result: Json = {};
  for (const [path, item] of Object.entries(paths)) {
    const keptItem = keptPaths[path] as Json | undefined;
    if (!keptItem || !isObject(item)) {
      result[path] = item;
      continue;
    }
    result[path] = Object.fromEntries(Object.entries(item).filter(([method]) => !(method in keptItem)));
  }
  return result;
}

/** Ours, plus a tag entry for a synced resource whose tag ours does not list yet. */
function topLevelTags(
  ours: OpenAPIDocument,
  selected: SyncResource[],
  covered: CoveredOperation[],
): Json[] | undefined {
  const tags = [...(((ours as Json).tags as Json[] | undefined) ?? [])];
  for (const resource of selected) {
    if (!covered.some((entry) => entry.resource === resource)) continue;
    if (!tags.some((tag) => tag.name === resource.tag)) tags.push({ name: resource.tag });
  }
  return tags.length ? tags : undefined;
}

// ---- Naming new operations ------------------------------------------------------------------------

const DRF_VERBS: Record<string, string> = {
  post: "create",
  put: "update",
  patch: "partial_update",
  delete: "destroy",
};

/** What `newOperationId` names a resource's operations from: its tag, and the path up to its segments. */
export function namingBase(resource: SyncResource): { pathPrefix: string; tag: string } {
  if (resource.pathPrefix) return { pathPrefix: resource.pathPrefix, tag: resource.tag };
  const paths = resource.paths ?? [];
  let prefix = paths[0] ?? "";
  for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Up to the last literal segment every path shares, never into a `{parameter}`.
  return { pathPrefix: prefix.replace(/\{[^/]*$/, "").replace(/[^/]*$/, ""), tag: resource.tag };
}

/**
 * drf-spectacular's naming, with our tag as prefix: `<tag>_<action segments…>_<verb>`, where the
 * action segments are the path's literal segments after the covered prefix (parameters skipped) and
 * the verb is `list` (a GET answering an array or a page), `retrieve` (any other GET), `create` (POST),
 * `update` (PUT), `partial_update` (PATCH) or `destroy` (DELETE). So PUT on `{id}/` → `projects_update`,
 * POST on `{id}/foo/` → `projects_foo_create`.
 */
export function newOperationId(
  method: string,
  path: string,
  config: { pathPrefix: string; tag: string },
  document?: OpenAPIDocument,
  operation?: Json,
): string {
  const actions = path
    .slice(config.pathPrefix.length)
    .split("/")
    .filter((segment) => segment && !/^\{.*\}$/.test(segment))
    .map((segment) => segment.replace(/[^A-Za-z0-9]+/g, "_").toLowerCase());
  const verb =
    method === "get" ? (answersList(document, operation) ? "list" : "retrieve") : (DRF_VERBS[method] ?? method);
  return [config.tag, ...actions, verb].join("_");
}

function answersList(document: OpenAPIDocument | undefined, operation: Json | undefined): boolean {
  const responses = (operation?.responses ?? {}) as Record<string, Json>;
  const success = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .sort()[0];
  if (!success || !document) return false;
  const content = (resolve(document, responses[success]) as Json).content as Record<string, Json> | undefined;
  const media = jsonMedia(content);
  const schema = media?.schema ? (resolve(document, media.schema) as Json) : undefined;
  return schema?.type === "array" || Boolean((schema?.properties as Json | undefined)?.results);
}

/** The API reference's summary style: "Retrieve list", "Update (partial)", "Retrieve activity", "Reset token". */
export function newSummary(operationId: string, tag: string): string {
  const base = operationId.startsWith(`${tag}_`) ? operationId.slice(tag.length + 1) : operationId;
  const crud: Record<string, string> = {
    list: "Retrieve list",
    retrieve: "Retrieve",
    create: "Create",
    update: "Update",
    partial_update: "Update (partial)",
    destroy: "Delete",
  };
  if (crud[base]) return crud[base];
  const verb = Object.keys(crud)
    .sort((a, b) => b.length - a.length)
    .find((candidate) => base.endsWith(`_${candidate}`));
  const action = (verb ? base.slice(0, -verb.length - 1) : base).replaceAll("_", " ");
  const words = verb === "retrieve" || verb === "list" ? `retrieve ${action}` : action;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ---- Building one operation -----------------------------------------------------------------------

function buildOperation(
  entry: CoveredOperation,
  own: Json | undefined,
  operationId: string,
  tag: string,
  parameters: ParameterComponents,
): Json {
  const up = entry.operation;
  const result: Json = {
    operationId,
    summary: own ? (own.summary ?? up.summary) : (up.summary ?? newSummary(operationId, tag)),
    description: own?.description ?? up.description,
    tags: own?.tags ?? [tag],
    parameters: (up.parameters as Json[] | undefined)?.map((p) => parameters.convert(p)),
    requestBody: up.requestBody ? jsonRequestBody(up.requestBody as Json) : undefined,
    responses: up.responses ? mapValues(up.responses as Json, (r) => cleanResponse(r as Json)) : undefined,
    security: up.security,
  };
  for (const [key, value] of Object.entries(up)) if (!(key in result)) result[key] = value;
  return dropUndefined(result);
}

function sortMethods(item: Json): Json {
  const rank = (key: string) => (METHOD_ORDER.includes(key) ? METHOD_ORDER.indexOf(key) : -1);
  return Object.fromEntries(Object.entries(item).sort(([a], [b]) => rank(a) - rank(b)));
}

function jsonRequestBody(body: Json): Json {
  if (typeof body.$ref === "string") return body;
  const content = (body.content ?? {}) as Json;
  const json = Object.entries(content).filter(([type]) => isJsonMediaType(type));
  const kept = json.length ? json : Object.entries(content);
  return { ...body, content: Object.fromEntries(kept.map(([type, media]) => [type, cleanMedia(media as Json)])) };
}

function cleanResponse(response: Json): Json {
  if (typeof response.$ref === "string") return response;
  const { description, content, ...rest } = response;
  return dropUndefined({
    description,
    content: content ? mapValues(content as Json, (m) => cleanMedia(m as Json)) : undefined,
    ...rest,
  });
}

function cleanMedia(media: Json): Json {
  const { example: _example, examples: _examples, ...rest } = media;
  return rest.schema ? { ...rest, schema: cleanSchema(rest.schema) } : rest;
}

/** Drops `example(s)` from a schema and its subschemas (never a property that happens to be named so). */
export function cleanSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  return mapSchema(schema, ({ example: _example, examples: _examples, ...rest }) => rest);
}

function cleanParameter(parameter: Json): Json {
  const ordered: Json = {};
  for (const key of PARAMETER_KEYS) if (parameter[key] !== undefined) ordered[key] = parameter[key];
  for (const [key, value] of Object.entries(parameter)) {
    if (!PARAMETER_NOISE.has(key) && !(key in ordered)) ordered[key] = value;
  }
  if (ordered.schema) ordered.schema = cleanSchema(ordered.schema);
  return ordered;
}

/**
 * Our spec names the parameters every operation shares (`#/components/parameters/ProjectId`); PostHog
 * inlines them. An upstream parameter with the same name and location as one of ours becomes a
 * reference again, and the component takes the upstream definition (keeping our description), as long
 * as every operation defines it the same way; one that differs stays inline.
 */
class ParameterComponents {
  private readonly definitions = new Map<string, { name: string; upstream: Json; used: boolean }>();

  private readonly ours: OpenAPIDocument;
  private readonly upstream: OpenAPIDocument;

  private readonly kept: ReadonlySet<string>;

  /** `kept`: components operations left out of this run use; they stay ours, and only their equals refer to them. */
  constructor(
    ours: OpenAPIDocument,
    upstream: OpenAPIDocument,
    covered: CoveredOperation[],
    kept: ReadonlySet<string> = new Set(),
  ) {
    this.ours = ours;
    this.upstream = upstream;
    this.kept = kept;
    const byLocation = new Map<string, string>();
    for (const [name, parameter] of Object.entries(ours.components?.parameters ?? {})) {
      byLocation.set(`${parameter.in}:${parameter.name}`, name);
    }
    // Several resources may each have an `id` path parameter of their own kind: a component takes the
    // upstream variant that is still ours (descriptions aside), else the first one found.
    const variants = new Map<string, Json[]>();
    for (const entry of covered) {
      for (const raw of [...(entry.sharedParameters ?? []), ...((entry.operation.parameters as Json[]) ?? [])]) {
        const parameter = cleanParameter(resolve(upstream, raw) as Json);
        const name = byLocation.get(`${parameter.in}:${parameter.name}`);
        if (name) variants.set(name, [...(variants.get(name) ?? []), parameter]);
      }
    }
    for (const [name, found] of variants) {
      const own = cleanParameter(ours.components?.parameters?.[name] as unknown as Json);
      const same = found.find((candidate) => sameExceptDescription(candidate, own));
      if (kept.has(name)) {
        if (same) this.definitions.set(name, { name, upstream: own, used: false });
        continue;
      }
      this.definitions.set(name, { name, upstream: same ?? (found[0] as Json), used: false });
    }
  }

  convert(raw: Json): Json {
    const parameter = cleanParameter(resolve(this.upstream, raw) as Json);
    for (const definition of this.definitions.values()) {
      if (sameExceptDescription(definition.upstream, parameter)) {
        definition.used = true;
        return { $ref: `#/components/parameters/${definition.name}` };
      }
    }
    return parameter;
  }

  /** Our components any synced operation uses (upstream's definition), and those kept operations use (ours). */
  components(): Json {
    const result: Json = {};
    for (const [name, own] of Object.entries(this.ours.components?.parameters ?? {})) {
      if (this.kept.has(name)) result[name] = own;
      else if (this.definitions.get(name)?.used) result[name] = this.definitions.get(name)?.upstream;
    }
    return result;
  }

  dropped(): string[] {
    return Object.keys(this.ours.components?.parameters ?? {}).filter(
      (name) => !this.kept.has(name) && !this.definitions.get(name)?.used,
    );
  }
}

function sameExceptDescription(a: Json, b: Json): boolean {
  const { description: _a, ...left } = a;
  const { description: _b, ...right } = b;
  return canonicalJson(left) === canonicalJson(right);
}

/** JSON with object keys sorted (our files and PostHog's order keys differently) and bigints kept exact. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item) => {
    if (typeof item === "bigint") return `${item}n`;
    if (!isObject(item) || Array.isArray(item)) return item;
    return Object.fromEntries(
      Object.keys(item)
        .sort()
        .map((key) => [key, item[key]]),
    );
  });
}

// ---- Components ---------------------------------------------------------------------------------

/** Every `#/components/<kind>/<name>` the roots reference, transitively, copied from upstream. */
function referencedComponents(upstream: OpenAPIDocument, roots: unknown[]): Record<string, Json> {
  const found = new Map<string, { kind: string; name: string }>();
  const pending = roots.flatMap((root) => refsIn(root));
  while (pending.length) {
    const ref = pending.pop() as string;
    const match = ref.match(/^#\/components\/([^/]+)\/([^/]+)$/);
    if (!match) throw new SpecSyncError(`unsupported reference ${ref} (only #/components/<kind>/<name>)`);
    const [, kind, name] = match as unknown as [string, string, string];
    if (kind === "parameters" || found.has(ref)) continue;
    const target = pointer(upstream, ref);
    if (target === undefined) throw new SpecSyncError(`the upstream document references ${ref} but does not define it`);
    found.set(ref, { kind, name });
    pending.push(...refsIn(target));
  }
  const result: Record<string, Json> = {};
  const upstreamComponents = (upstream.components ?? {}) as Record<string, Json>;
  // Upstream order (alphabetical in drf-spectacular's output) for anything new to ours.
  for (const [kind, entries] of Object.entries(upstreamComponents)) {
    for (const [name, value] of Object.entries(entries ?? {})) {
      if (!found.has(`#/components/${kind}/${name}`)) continue;
      result[kind] ??= {};
      (result[kind] as Json)[name] =
        kind === "schemas"
          ? cleanSchema(value)
          : kind === "responses"
            ? cleanResponse(value as Json)
            : kind === "requestBodies"
              ? jsonRequestBody(value as Json)
              : value;
    }
  }
  return result;
}

function securitySchemes(upstream: OpenAPIDocument, ours: OpenAPIDocument, paths: Json): Json {
  const used = new Set<string>();
  for (const requirement of ours.security ?? []) for (const name of Object.keys(requirement)) used.add(name);
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item as Json)) {
      for (const requirement of ((operation as Json).security as Json[] | undefined) ?? []) {
        for (const name of Object.keys(requirement)) used.add(name);
      }
    }
  }
  const result: Json = {};
  for (const name of used) {
    const definition = upstream.components?.securitySchemes?.[name] ?? ours.components?.securitySchemes?.[name];
    if (!definition)
      throw new SpecSyncError(`security scheme ${name} is used but defined neither upstream nor in ours`);
    result[name] = definition;
  }
  return result;
}

// ---- Keeping what is ours -------------------------------------------------------------------------

/**
 * Walks the new document beside ours: keys ours has come in our order (a new key goes right after
 * the key it follows upstream), and wherever ours has a summary or description, ours stays.
 */
export function reconcile(next: unknown, ours: unknown): unknown {
  if (Array.isArray(next)) {
    if (!Array.isArray(ours)) return next;
    const key = arrayKey(next) && arrayKey(ours);
    if (key) {
      const mine = new Map(ours.map((item) => [key(item), item]));
      return next.map((item) => reconcile(item, mine.get(key(item))));
    }
    return next.length === ours.length ? next.map((item, index) => reconcile(item, ours[index])) : next;
  }
  if (!isObject(next) || !isObject(ours)) return next;
  const result: Json = {};
  for (const [key, value] of Object.entries(next)) result[key] = reconcile(value, ours[key]);
  for (const key of ["summary", "description"]) {
    if (typeof ours[key] === "string" && (next[key] === undefined || typeof next[key] === "string")) {
      result[key] = ours[key];
    }
  }
  return orderLike(result, Object.keys(next), Object.keys(ours));
}

function orderLike(value: Json, natural: string[], preferred: string[]): Json {
  const order = preferred.filter((key) => key in value);
  for (const key of natural) {
    if (order.includes(key)) continue;
    const before = natural
      .slice(0, natural.indexOf(key))
      .reverse()
      .find((candidate) => order.includes(candidate));
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, key);
  }
  for (const key of Object.keys(value)) if (!order.includes(key)) order.push(key);
  return Object.fromEntries(order.map((key) => [key, value[key]]));
}

/** Parameters and tags are matched by identity (`$ref`, or `in` + `name`), not by position. */
function arrayKey(items: unknown[]): ((item: unknown) => string) | null {
  const key = (item: unknown) =>
    isObject(item)
      ? typeof item.$ref === "string"
        ? `ref:${item.$ref}`
        : typeof item.name === "string"
          ? `name:${String(item.in ?? "")}:${item.name}`
          : ""
      : "";
  return items.length > 0 && items.every((item) => key(item) !== "") ? key : null;
}

// ---- Small helpers --------------------------------------------------------------------------------

function mapValues(value: Json, map: (item: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, map(item)]));
}

function dropUndefined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}
