/**
 * Rebuilds our Projects spec from an upstream OpenAPI document (PostHog's whole published schema),
 * keeping what is ours. Pure: documents in, document out; the CLI (scripts/spec-sync/main.ts) does
 * the reading, checking and writing.
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
import type { OpenAPIDocument } from "./openapi.ts";
import { checkDocument, isObject, listOperations, mapSchema, pointer, refsIn, resolve } from "./spec-model/index.ts";

export interface SyncConfig {
  /** Where `pnpm spec:sync` reads from when no `--from` is given. */
  source: string;
  /** Spec and overlay file names, relative to the config file's directory. */
  spec: string;
  overlay: string;
  /** Upstream operations whose path starts with this are the ones we cover. */
  pathPrefix: string;
  /** The tag (SDK resource) and operationId prefix every covered operation gets. */
  tag: string;
  /** Fetch timeout for a URL source. */
  timeoutMs: number;
  /** Explicit operationIds for new operations, keyed by `METHOD /path`; beats the naming rule. */
  operationIds: Record<string, string>;
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
}

type Json = Record<string, unknown>;

const JSON_MEDIA = /^application\/(.+\+)?json/;
/** Conventional order for the methods of a path that is new to our spec. */
const METHOD_ORDER = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];
const PARAMETER_KEYS = ["name", "in", "required", "description", "schema"];
const PARAMETER_NOISE = new Set(["explode", "style", "example", "examples"]);

export function syncSpec(upstreamInput: unknown, ours: OpenAPIDocument, config: SyncConfig): SyncResult {
  const upstream = checkUpstream(upstreamInput);
  const covered = coveredOperations(upstream, config);
  if (covered.length === 0) {
    throw new SpecSyncError(`the upstream document has no operation under ${config.pathPrefix}`);
  }
  const mine = new Map(operationsOf(ours).map((entry) => [entry.key, entry]));
  const upstreamKeys = new Set(covered.map((entry) => entry.key));
  const lost = [...mine.keys()].filter((key) => !upstreamKeys.has(key));
  if (lost.length) {
    throw new SpecSyncError(
      `the upstream document lost ${lost.length} operation(s) this project covers:\n${lost
        .map((key) => `  ${key} (${mine.get(key)?.operation.operationId})`)
        .join("\n")}\nRemoving an operation is a breaking change: remove it from spec/ by hand if that is intended.`,
    );
  }

  const parameters = new ParameterComponents(ours, upstream, covered);
  const paths: Json = {};
  const usedIds = new Map<string, string>();
  for (const { operation } of mine.values()) usedIds.set(String(operation.operationId), "ours");
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
        config.operationIds[entry.key] ?? newOperationId(entry.method, entry.path, config, upstream, entry.operation);
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
    pathItem[entry.method] = buildOperation(entry, own, operationId, config, parameters);
  }
  for (const [path, item] of Object.entries(paths)) {
    if (!(path in ours.paths)) paths[path] = sortMethods(item as Json);
  }

  const components: Json = {};
  const componentParameters = parameters.components();
  if (Object.keys(componentParameters).length) components.parameters = componentParameters;
  for (const [kind, entries] of Object.entries(referencedComponents(upstream, [paths, componentParameters]))) {
    components[kind] = entries;
  }
  const schemes = securitySchemes(upstream, ours, paths);
  if (Object.keys(schemes).length) components.securitySchemes = schemes;

  const next: Json = { ...(ours as Json), openapi: upstream.openapi, paths, components };
  next.info ??= upstream.info;
  if (!ours.servers && upstream.servers) next.servers = upstream.servers;
  return {
    document: reconcile(next, ours) as OpenAPIDocument,
    added,
    droppedParameters: parameters.dropped(),
  };
}

// ---- Selecting operations -------------------------------------------------------------------------

interface CoveredOperation {
  key: string;
  path: string;
  method: string;
  operation: Json;
  sharedParameters?: Json[];
}

function checkUpstream(input: unknown): OpenAPIDocument {
  try {
    return checkDocument(input, "the upstream document");
  } catch (error) {
    throw new SpecSyncError((error as Error).message);
  }
}

function operationsOf(document: OpenAPIDocument): CoveredOperation[] {
  return listOperations(document).map(({ key, path, method, operation }) => ({
    key,
    path,
    method,
    operation: operation as Json,
    sharedParameters: (document.paths[path] as Json).parameters as Json[] | undefined,
  }));
}

function coveredOperations(document: OpenAPIDocument, config: SyncConfig): CoveredOperation[] {
  return operationsOf(document).filter((entry) => entry.path.startsWith(config.pathPrefix));
}

// ---- Naming new operations ------------------------------------------------------------------------

const DRF_VERBS: Record<string, string> = {
  post: "create",
  put: "update",
  patch: "partial_update",
  delete: "destroy",
};

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
  config: Pick<SyncConfig, "pathPrefix" | "tag">,
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
  const media = Object.entries(content ?? {}).find(([type]) => JSON_MEDIA.test(type))?.[1];
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
  config: SyncConfig,
  parameters: ParameterComponents,
): Json {
  const up = entry.operation;
  const result: Json = {
    operationId,
    summary: own ? (own.summary ?? up.summary) : (up.summary ?? newSummary(operationId, config.tag)),
    description: own?.description ?? up.description,
    tags: own?.tags ?? [config.tag],
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
  const json = Object.entries(content).filter(([type]) => JSON_MEDIA.test(type));
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

  constructor(ours: OpenAPIDocument, upstream: OpenAPIDocument, covered: CoveredOperation[]) {
    this.ours = ours;
    this.upstream = upstream;
    const byLocation = new Map<string, string>();
    for (const [name, parameter] of Object.entries(ours.components?.parameters ?? {})) {
      byLocation.set(`${parameter.in}:${parameter.name}`, name);
    }
    for (const entry of covered) {
      for (const raw of [...(entry.sharedParameters ?? []), ...((entry.operation.parameters as Json[]) ?? [])]) {
        const parameter = cleanParameter(resolve(upstream, raw) as Json);
        const name = byLocation.get(`${parameter.in}:${parameter.name}`);
        if (name && !this.definitions.has(name)) this.definitions.set(name, { name, upstream: parameter, used: false });
      }
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

  components(): Json {
    const result: Json = {};
    for (const [name] of Object.entries(this.ours.components?.parameters ?? {})) {
      const definition = this.definitions.get(name);
      if (definition?.used) result[name] = definition.upstream;
    }
    return result;
  }

  dropped(): string[] {
    return Object.keys(this.ours.components?.parameters ?? {}).filter((name) => !this.definitions.get(name)?.used);
  }
}

function sameExceptDescription(a: Json, b: Json): boolean {
  const { description: _a, ...left } = a;
  const { description: _b, ...right } = b;
  return JSON.stringify(left, bigintSafe) === JSON.stringify(right, bigintSafe);
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

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? `${value}n` : value;
}
