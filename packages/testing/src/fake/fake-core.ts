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
  type MembershipLevel,
  type ProductFeature,
  type Project,
  type StoredProject,
} from "./database.js";
import { derivedBehaviour } from "./fallback.js";
import { FaultInjector } from "./faults.js";
import { lookupOrganization, membersOf, ORGANIZATIONS, organizationRecord } from "./organization-records.js";
import { beforeAuthentication, checkPermissions } from "./permissions.js";
import { newProject } from "./project-records.js";
import { djangoUuid, pythonInt, pythonRepr } from "./python.js";
import { parseJsonBody, readBodyText } from "./request-body.js";
import { compileRoutes, matchRoute } from "./routes.js";
import { validateBySchema } from "./schema-serializer.js";
import { checkSeedProject, checkSeedRecord, SeedDataError } from "./seed-data.js";
import { createWriteQueue } from "./transactions.js";

export interface FakeOrganizationInput {
  /** Default: a UUID from the seed. */
  id?: string;
  name?: string;
  /** The fake user's level here: 1 member, 8 admin, 15 owner (default), null not a member. */
  membershipLevel?: MembershipLevel;
  /** The organization's other members, by level (`member_count` counts them); one owner at most, the user included. */
  members?: Array<{ level: 1 | 8 | 15; email?: string }>;
  /**
   * The plan, as PostHog's `available_product_features`. Default: unlimited projects
   * (`[{ key: "organizations_projects", limit: null }]`); `[]` is PostHog's free plan (one project).
   */
  availableProductFeatures?: ProductFeature[];
  /** Members may create projects (PostHog also needs the `organization_invite_settings` feature). */
  membersCanCreateProjects?: boolean;
  /** Default true. False refuses members' personal API keys (with the `organization_security_settings` feature). */
  membersCanUsePersonalApiKeys?: boolean;
  /** A paid subscription: the organization's last project cannot be deleted. Default false. */
  hasActiveSubscription?: boolean;
  /** `anonymize_ips` of new projects (PostHog's EU Cloud sets it). Default false. */
  defaultAnonymizeIps?: boolean;
}

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
  /** Default: one organization where the user is owner. The first the user belongs to is `@current`. */
  organizations?: FakeOrganizationInput[];
  /**
   * Projects to start with, checked like a request (a bad value is a SeedDataError); each starts as
   * PostHog creates one, with these fields set. The first in the current organization is `@current`.
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

function checkOrganizationInput(input: FakeOrganizationInput, index: number): void {
  const where = `[hogkit fake] organizations[${index}]`;
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new SeedDataError(`${where}: each organization must be an object`);
  }
  if (input.name !== undefined && (typeof input.name !== "string" || !input.name.trim() || input.name.length > 64)) {
    throw new SeedDataError(`${where}.name: must be a non-empty string of at most 64 characters`);
  }
  if (input.membershipLevel !== undefined && ![1, 8, 15, null].includes(input.membershipLevel)) {
    throw new SeedDataError(`${where}.membershipLevel: must be 1 (member), 8 (admin), 15 (owner) or null`);
  }
  if (input.members !== undefined && !Array.isArray(input.members)) {
    throw new SeedDataError(`${where}.members: must be a list of { level, email? }`);
  }
}

/** One compiled ajv for every fake: compiling the spec's schemas is the costly part of a new fake. */
let sharedValidator: ReturnType<typeof createSchemaValidator> | undefined;
function sharedSchemaValidator() {
  sharedValidator ??= createSchemaValidator();
  return sharedValidator;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNLIMITED: ProductFeature[] = [{ key: "organizations_projects", name: "Projects", limit: null }];

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
    const { random } = runtime.factories;
    db.organizations.length = 0;
    db.keys.length = 0;
    db.sessions.length = 0;
    db.stored.clear();
    db.dashboards.clear();
    db.nextProjectId = 1;
    db.nextDashboardId = 1;
    db.nextCohortId = 1;
    db.currentProjectId = null;
    db.user = { first_name: "Hogkit", email: "hogkit@example.com", ...options.user };
    const organizations = options.organizations?.length ? options.organizations : [{}];
    organizations.forEach((input, i) => {
      checkOrganizationInput(input, i);
      const id = (input.id ?? random.uuid()).toLowerCase();
      if (!UUID.test(id)) throw new SeedDataError(`[hogkit fake] organizations[${i}].id must be a UUID, got "${id}"`);
      if (db.organization(id))
        throw new SeedDataError(`[hogkit fake] organizations[${i}].id: two organizations with id ${id}`);
      const level = input.membershipLevel === undefined ? 15 : input.membershipLevel;
      const organization = organizationRecord(runtime, {
        id,
        name: input.name ?? `Organization ${i + 1}`,
        // Seeded organizations get fixed timestamps (a day apart from 2023-12-01): same seed, same state.
        at: new Date(Date.UTC(2023, 11, 1 + i)),
        membershipLevel: level,
        availableProductFeatures: structuredClone(input.availableProductFeatures ?? UNLIMITED),
      });
      Object.assign(organization, {
        members: membersOf(input.members, level, db.user, `[hogkit fake] organizations[${i}]`),
        membersCanCreateProjects: input.membersCanCreateProjects ?? false,
        membersCanUsePersonalApiKeys: input.membersCanUsePersonalApiKeys ?? true,
        hasActiveSubscription: input.hasActiveSubscription ?? false,
        defaultAnonymizeIps: input.defaultAnonymizeIps ?? false,
      });
      db.organizations.push(organization);
    });
    db.currentOrganizationId = db.organizations.find((o) => o.membershipLevel)?.id ?? "";
    for (const [i, input] of (options.keys?.length ? options.keys : [{}]).entries()) addKey(input, `keys[${i}]`);
    (options.projects ?? []).forEach(seedProject);
    db.currentProjectId = db.projects.find((p) => p.organization === db.currentOrganizationId)?.id ?? null;
  }

  function seedProject(input: Partial<Project>, index: number): void {
    const { writable, readOnly } = checkSeedProject(input, index);
    const organizationId = String(readOnly.organization ?? db.currentOrganizationId).toLowerCase();
    const organization = db.organization(organizationId);
    if (!organization) {
      throw new SeedDataError(
        `[hogkit fake] projects[${index}].organization: no organization ${organizationId} in the fake`,
      );
    }
    // Seeded projects get fixed timestamps (a day apart from 2024-01-01): same seed, same state.
    const at = new Date(Date.UTC(2024, 0, 1 + index));
    const name = typeof writable.name === "string" ? writable.name : defaultName(organization.id);
    const stored = newProject(runtime, organization, writable, { at, name });
    const { organization: _o, id, ...rest } = readOnly;
    Object.assign(stored.data, rest);
    if (id !== undefined && id !== stored.data.id) {
      if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 1) {
        throw new SeedDataError(
          `[hogkit fake] projects[${index}].id must be a positive integer, got ${JSON.stringify(id)}`,
        );
      }
      if (db.stored.has(id)) throw new SeedDataError(`[hogkit fake] projects[${index}].id: two projects with id ${id}`);
      db.stored.delete(stored.data.id);
      for (const [dashboard, owner] of db.dashboards) if (owner === stored.data.id) db.dashboards.set(dashboard, id);
      stored.data.id = id;
      db.stored.set(id, stored);
      db.nextProjectId = Math.max(db.nextProjectId, id + 1);
    }
    checkSeedRecord(
      runtime.validator,
      { ...stored.data, effective_membership_level: organization.membershipLevel },
      index,
    );
  }

  function defaultName(organizationId: string): string {
    const taken = new Set(
      db.projects.filter((p) => p.organization === organizationId).map((p) => (p.name ?? "").trim().toLowerCase()),
    );
    let name = "Default project";
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Default project ${n}`;
    return name;
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
