/**
 * The fake itself: `handle(request) → response` over in-memory state. Routes come from the
 * generated operation table; each request is authenticated, checked by ProjectViewSet's permission
 * chain (permissions.ts) and resolved to its organization and project the way PostHog does, then
 * answered by the named behaviour for its operationId, or by a generated response when there is none.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { createFactories } from "../factories.js";
import { createSchemaValidator } from "../schema-validator.js";
import { personalApiKey, sessionId } from "../tokens.js";
import {
  ApiError,
  fakeBugResponse,
  notFound,
  organizationNotFound,
  RawResponseError,
  validationError,
} from "./api-error.js";
import { authenticate, type Caller, challenge } from "./auth.js";
import { behaviours } from "./behaviours/index.js";
import type { Behaviour, FakeRuntime, RequestContext } from "./context.js";
import {
  type ApiKeyKind,
  type FakeApiKey,
  FakeDatabase,
  type FakeOrganization,
  type FakeSession,
  type FakeUser,
  type Project,
  type StoredProject,
} from "./database.js";
import { derivedBehaviour } from "./fallback.js";
import { FaultInjector } from "./faults.js";
import { lookupOrganization, ORGANIZATIONS } from "./organization-records.js";
import type { FakeOrganizationInput } from "./organization-seeds.js";
import { beforeAuthentication, checkPermissions } from "./permissions.js";
import { djangoUuid, pythonInt, pythonRepr } from "./python.js";
import { parseJsonBody, readBodyText } from "./request-body.js";
import { compileRoutes, matchRoute } from "./routes.js";
import { validateBySchema } from "./schema-serializer.js";
import { SeedDataError } from "./seed-data.js";
import { checkProjectSeeds, checkSeedsReadBack, seedOrganizations, seedProjects } from "./seed-state.js";
import { createWriteQueue } from "./transactions.js";

export type { FakeOrganizationInput } from "./organization-seeds.js";

export interface FakeApiKeyInput {
  /** Default: a `phx_…` key (or `pha_…` token) from the seed. */
  key?: string;
  /** `personal` (default, `phx_`) or `oauth` (an OAuth access token, `pha_`). */
  kind?: ApiKeyKind;
  /** Default `["*"]`: every scope. */
  scopes?: string[];
  /** Limit the key to these organizations (PostHog's `scoped_organizations`). */
  scopedOrganizations?: string[];
  /** Limit the key to these projects (`scoped_teams`): PostHog then refuses it on list and create. */
  scopedTeams?: number[];
}

export interface FakePostHogOptions {
  /** Seed for every generated value (ids, UUIDs, tokens, fields); default 1. */
  seed?: number;
  /**
   * The fake's options for each, and/or PostHog's organization record as it returns it. Default: the
   * organizations the projects name, else one where the user is owner. The first the user belongs to
   * is `@current`.
   */
  organizations?: FakeOrganizationInput[];
  /**
   * Projects that already exist: any fields of PostHog's project record, exactly as PostHog returns
   * them (a GET response, or a list item), stored as given and checked by type and enum (a bad value
   * is a SeedDataError naming the project and field). What is not given is as PostHog creates it.
   * The organizations and primary dashboards they name exist. The first in the current organization
   * is `@current`.
   */
  projects?: Array<Partial<Project>>;
  /** Personal API keys and OAuth tokens the fake accepts. Default: one personal key with every scope. */
  keys?: FakeApiKeyInput[];
  /** The user every credential belongs to, as the activity log shows them. */
  user?: Partial<FakeUser>;
  /** Clock for created_at / updated_at / activity; default the real time. */
  now?: () => Date;
  /** Bodies larger than this are refused with 413; default 20 MB. */
  maxBodyBytes?: number;
  /** PostHog's ProductKey values, for add_product_intent and complete_product_onboarding. */
  productKeys?: string[];
  /** PostHog's ProductIntentContext values for `intent_context`; default: any string. */
  intentContexts?: string[] | null;
  /** PostHog feature flags on for the user, e.g. `project-secret-api-keys` (no first legacy secret token). */
  featureFlags?: string[];
  /** The operation table to serve; default `operationTable` of `@hogkit/types`. */
  operations?: readonly OperationInfo[];
}

/** ProductKey values from PostHog's frontend schema (a subset; pass `productKeys` to change it). */
export const DEFAULT_PRODUCT_KEYS = [
  "product_analytics",
  "web_analytics",
  "session_replay",
  "feature_flags",
  "experiments",
  "surveys",
  "data_warehouse",
  "error_tracking",
  "llm_analytics",
  "revenue_analytics",
  "marketing_analytics",
  "workflows",
  "logs",
] as const;

const isList = (value: unknown, item: (entry: unknown) => boolean): boolean =>
  Array.isArray(value) && value.every(item);

/** A key as the seed data gives it (`keys`, `createKey`, `hogkit-mock --data`): the types PostHog stores. */
function checkKeyInput(input: FakeApiKeyInput, where: string): void {
  const fail = (field: string, message: string) => {
    throw new SeedDataError(`[hogkit fake] ${where}.${field}: ${message}`);
  };
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new SeedDataError(`[hogkit fake] ${where}: each key must be an object`);
  }
  const known = ["key", "kind", "scopes", "scopedOrganizations", "scopedTeams"];
  for (const field of Object.keys(input)) if (!known.includes(field)) fail(field, "not a key option (misspelt?)");
  if (input.key !== undefined && (typeof input.key !== "string" || !input.key))
    fail("key", "must be a non-empty string");
  const scope = (entry: unknown) => typeof entry === "string" && /^(\*|[a-z_]+:(read|write))$/.test(entry);
  if (input.scopes !== undefined && !isList(input.scopes, scope)) {
    fail("scopes", 'must be a list of PostHog scopes ("*", "project:read", "project:write", …)');
  }
  if (
    input.scopedOrganizations !== undefined &&
    !isList(input.scopedOrganizations, (id) => typeof id === "string" && UUID.test(id))
  ) {
    fail("scopedOrganizations", "must be a list of organization UUIDs");
  }
  if (
    input.scopedTeams !== undefined &&
    !isList(input.scopedTeams, (id) => typeof id === "number" && Number.isSafeInteger(id) && id > 0)
  ) {
    fail("scopedTeams", "must be a list of project ids");
  }
}

/** One compiled ajv for every fake: compiling the spec's schemas is the costly part of a new fake. */
let sharedValidator: ReturnType<typeof createSchemaValidator> | undefined;
function sharedSchemaValidator() {
  sharedValidator ??= createSchemaValidator();
  return sharedValidator;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FakeCore {
  /** Answers one request like PostHog would (fetch-style). `Response.error()` means a dropped connection. */
  handle(request: Request): Promise<Response>;
  /** The state, for assertions and set-up. Kept across `reset()` (same object, refilled). */
  readonly db: FakeDatabase;
  readonly faults: FaultInjector;
  /** The first configured key (a personal API key with every scope by default). */
  readonly apiKey: string;
  /** The user's current organization (what `@current` means). */
  readonly organizationId: string;
  /** A logged-in browser session: send `cookie` as the Cookie header. Sessions may call every operation. */
  createSession(): FakeSession;
  /** Mints a personal API key or OAuth access token (scopes, organization and project limits); returns it. */
  createKey(input?: FakeApiKeyInput): string;
  /** Back to the state the fake was created with (same seed, same values); faults cleared. */
  reset(): void;
  /** The operation table the fake serves. */
  readonly operations: readonly OperationInfo[];
  /** Request bodies larger than this are refused with 413 (`maxBodyBytes`). */
  readonly maxBodyBytes: number;
}

/** Methods that may change state: run one at a time, all or nothing. */
const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createFakeCore(options: FakePostHogOptions = {}): FakeCore {
  const db = new FakeDatabase();
  const faults = new FaultInjector();
  const operations = options.operations ?? operationTable;
  const routes = compileRoutes(operations);
  const runtime: { -readonly [K in keyof FakeRuntime]: FakeRuntime[K] } = {
    db,
    factories: createFactories({ seed: options.seed ?? 1 }),
    validator: sharedSchemaValidator(),
    now: options.now ?? (() => new Date()),
    productKeys: options.productKeys ?? DEFAULT_PRODUCT_KEYS,
    intentContexts: options.intentContexts ?? null,
    featureFlags: new Set(options.featureFlags ?? []),
  };
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const atomically = createWriteQueue(db);

  function addKey(input: FakeApiKeyInput, where: string): FakeApiKey {
    checkKeyInput(input, where);
    const kind = input.kind ?? "personal";
    if (kind !== "personal" && kind !== "oauth")
      throw new SeedDataError(`[hogkit fake] ${where}.kind must be "personal" or "oauth"`);
    const generated = personalApiKey(runtime.factories.random);
    const key = input.key ?? (kind === "oauth" ? `pha_${generated.slice(4)}` : generated);
    if (kind === "oauth" && !key.startsWith("pha_")) {
      throw new SeedDataError(
        `[hogkit fake] ${where}.key: PostHog recognises OAuth access tokens by their pha_ prefix`,
      );
    }
    if (kind === "personal" && key.startsWith("pha_")) {
      throw new SeedDataError(`[hogkit fake] ${where}.key: a pha_ token is an OAuth access token (kind: "oauth")`);
    }
    const record: FakeApiKey = {
      key,
      kind,
      scopes: [...(input.scopes ?? ["*"])],
      scopedOrganizations: (input.scopedOrganizations ?? []).map((id) => id.toLowerCase()),
      scopedTeams: [...(input.scopedTeams ?? [])],
    };
    db.keys.push(record);
    return record;
  }

  function seedState(): void {
    runtime.factories = createFactories({ seed: options.seed ?? 1 });
    db.organizations.length = 0;
    db.keys.length = 0;
    db.sessions.length = 0;
    db.stored.clear();
    db.dashboards.clear();
    db.uploadedMedia.clear();
    db.nextProjectId = 1;
    db.nextDashboardId = 1;
    db.nextCohortId = 1;
    db.currentProjectId = null;
    db.user = { first_name: "Hogkit", email: "hogkit@example.com", ...options.user };
    const projects = checkProjectSeeds(runtime, options.projects);
    const organizations = seedOrganizations(runtime, options.organizations, projects);
    db.currentOrganizationId = db.organizations.find((o) => o.membershipLevel)?.id ?? "";
    for (const [i, input] of (options.keys?.length ? options.keys : [{}]).entries()) addKey(input, `keys[${i}]`);
    const stored = seedProjects(runtime, projects, organizations);
    db.currentProjectId = db.projects.find((p) => p.organization === db.currentOrganizationId)?.id ?? null;
    checkSeedsReadBack(runtime, projects, stored, organizations);
  }

  seedState();

  async function handle(request: Request): Promise<Response> {
    try {
      return await answer(request);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      if (error instanceof RawResponseError) return error.response;
      // The caller gave up while a latency fault was waiting: nobody reads this answer.
      if (request.signal?.aborted && error === request.signal.reason) return Response.error();
      return fakeBugResponse(error);
    }
  }

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const match = matchRoute(routes, method, url.pathname);
    if (!match) throw notFound();
    if ("allowed" in match) {
      // A method the operation table does not have (PostHog may have it, as PUT): authenticated, then 405.
      const caller = authenticate(db, request, url);
      if (caller.kind === "anonymous") {
        throw new ApiError(
          401,
          "authentication_error",
          "not_authenticated",
          "Authentication credentials were not provided.",
          null,
          challenge(url.origin),
        );
      }
      throw new ApiError(405, "invalid_request", "method_not_allowed", `Method "${method}" not allowed.`, null, {
        allow: match.allowed.join(", "),
      });
    }
    const { row, params } = match;
    const fault = await faults.apply(row.operationId, request.signal);
    if (fault) return fault;
    if (!WRITES.has(method)) return dispatch(request, url, row, params, "");
    // The bytes first, outside the queue (a slow upload holds up no other write); then the write, atomically.
    const text = await readBodyText(request, maxBodyBytes);
    return atomically(() => dispatch(request, url, row, params, text));
  }

  async function dispatch(
    request: Request,
    url: URL,
    row: OperationInfo,
    params: Record<string, string>,
    text: string,
  ): Promise<Response> {
    try {
      const caller = authenticate(db, request, url);
      const context = requestContext(request, url, row, params, caller, text);
      await beforeAuthentication(context);
      await checkPermissions(context);
      const behaviour = (behaviours as Partial<Record<string, Behaviour>>)[row.operationId] ?? derivedBehaviour;
      return await behaviour(context);
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      if (error instanceof RawResponseError) return error.response;
      throw error;
    }
  }

  function requestContext(
    request: Request,
    url: URL,
    row: OperationInfo,
    params: Record<string, string>,
    caller: Caller,
    text: string,
  ): RequestContext {
    const raw = params.organization_id;
    // parents_query_dict: `@current` is the user's organization, anything else must parse as a UUID.
    const organizationId =
      raw === undefined ? "" : raw === "@current" ? db.currentOrganizationId : ((djangoUuid(raw) as string) ?? "");
    const validOrganizationId = raw === undefined || (organizationId !== "" && organizationId !== "invalid");
    const membership = (id: string) => db.organization(id)?.membershipLevel ?? null;
    const organizationRecord = () => {
      const found = validOrganizationId ? db.organization(organizationId) : undefined;
      if (!found) throw organizationNotFound();
      return found;
    };
    let parsed: Promise<unknown> | undefined;
    const rawBody = () => {
      parsed ??= Promise.resolve().then(() => parseJsonBody(text, request.headers.get("content-type")));
      return parsed;
    };
    let project: StoredProject | undefined;
    // The organization resource's own routes name their organization by `{id}` (OrganizationViewSet).
    const organizationRoute = row.resource === ORGANIZATIONS;
    let viewOrganization: FakeOrganization | null | undefined;
    const context: RequestContext = {
      runtime,
      request,
      url,
      row,
      params,
      caller,
      get organization() {
        const found = validOrganizationId ? db.organization(organizationId) : undefined;
        return found?.membershipLevel ? found : undefined;
      },
      organizationId: validOrganizationId ? organizationId : "",
      organizationRecord,
      organizationRoute,
      viewOrganization: () => {
        if (viewOrganization !== undefined) return viewOrganization;
        if (!organizationRoute) viewOrganization = organizationRecord();
        else if (params.id === undefined) viewOrganization = null;
        else {
          const scoped = caller.kind === "key" ? caller.key.scopedOrganizations : [];
          viewOrganization = lookupOrganization(runtime, params.id, scoped);
        }
        return viewOrganization;
      },
      membership,
      project: () => {
        project ??= lookupProject(params.id, caller, () => {
          if (!validOrganizationId) throw organizationNotFound();
          return organizationId;
        });
        return project;
      },
      rawBody,
      body: async () => {
        const schema = row.body?.schema;
        if (!schema) return {};
        return validateBySchema(schema, await rawBody(), { partial: request.method.toUpperCase() === "PATCH" });
      },
    };
    return context;
  }

  /** ProjectViewSet.safely_get_object over the visible, organization-filtered queryset. */
  function lookupProject(raw: string | undefined, caller: Caller, urlOrganization: () => string): StoredProject {
    if (raw === undefined) throw new Error("operation has no {id} path parameter");
    const scoped = caller.kind === "key" ? caller.key.scopedOrganizations : [];
    if (raw === "@current") {
      // The user's current project, answered from the user's own state (not filtered by the URL).
      const current = db.currentProjectId === null ? undefined : db.stored.get(db.currentProjectId);
      if (!current || !db.organization(current.data.organization)?.membershipLevel) throw notFound();
      if (scoped.length && !scoped.includes(current.data.organization)) throw notFound();
      return current;
    }
    const organizationId = urlOrganization();
    const id = pythonInt(raw);
    if (id === undefined) throw validationError(`Field 'id' expected a number but got ${pythonRepr(raw)}.`);
    const stored = id <= BigInt(Number.MAX_SAFE_INTEGER) && id >= 0n ? db.stored.get(Number(id)) : undefined;
    const visible =
      stored &&
      stored.data.organization === organizationId &&
      db.organization(organizationId)?.membershipLevel &&
      (!scoped.length || scoped.includes(organizationId));
    if (!visible) throw notFound();
    return stored;
  }

  return {
    handle,
    db,
    faults,
    operations,
    maxBodyBytes,
    get apiKey() {
      return db.keys[0]?.key ?? "";
    },
    get organizationId() {
      return db.currentOrganizationId;
    },
    createSession() {
      const id = sessionId(runtime.factories.random);
      const session = { id, cookie: `sessionid=${id}` };
      db.sessions.push(session);
      return session;
    },
    createKey(input = {}) {
      return addKey(input, "createKey()").key;
    },
    reset() {
      faults.clear();
      seedState();
    },
  };
}
