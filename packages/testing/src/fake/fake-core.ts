/**
 * The fake itself: `handle(request) → response` over in-memory state. Routes come from the
 * generated operation table; each request is authenticated, scope-checked and resolved to its
 * organization and project the way PostHog's ProjectViewSet does, then answered by the named
 * behaviour for its operationId, or by a generated response when there is none.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { createFactories } from "../factories.js";
import { schemaDocument } from "../generated/schemas.js";
import { deepMerge, type Overrides } from "../overrides.js";
import type { SchemaView } from "../schema-document.js";
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
import { authenticate, authorize, type Caller } from "./auth.js";
import { behaviours } from "./behaviours/index.js";
import type { Behaviour, FakeRuntime, RequestContext } from "./context.js";
import { FakeDatabase, type FakeSession, type MembershipLevel, type Project, type StoredProject } from "./database.js";
import { derivedBehaviour } from "./fallback.js";
import { FaultInjector } from "./faults.js";
import { newProject } from "./project-records.js";
import { drfValidationError, readJsonBody } from "./request-body.js";
import { compileRoutes, matchRoute } from "./routes.js";

export interface FakeOrganizationInput {
  /** Default: a UUID from the seed. */
  id?: string;
  name?: string;
  /** The fake user's level here: 1 member, 8 admin, 15 owner (default), null not a member. */
  membershipLevel?: MembershipLevel;
}

export interface FakeApiKeyInput {
  /** Default: a `phx_…` key from the seed. */
  key?: string;
  /** Default `["*"]`: every scope. */
  scopes?: string[];
}

export interface FakePostHogOptions {
  /** Seed for every generated value (ids, UUIDs, tokens, fields); default 1. */
  seed?: number;
  /** Default: one organization where the user is owner. The first is the user's `@current`. */
  organizations?: FakeOrganizationInput[];
  /** Projects to start with; each is a full generated project with these fields merged in. Default none. */
  projects?: Array<Overrides<Project>>;
  /** Personal API keys the fake accepts. Default: one key with every scope (`fake.apiKey`). */
  keys?: FakeApiKeyInput[];
  /** Clock for created_at / updated_at / activity; default the real time. */
  now?: () => Date;
  /** Bodies larger than this are refused with 413; default 20 MB. */
  maxBodyBytes?: number;
  /** PostHog's ProductKey values, for complete_product_onboarding. */
  productKeys?: string[];
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FakeCore {
  /** Answers one request like PostHog would (fetch-style). `Response.error()` means a dropped connection. */
  handle(request: Request): Promise<Response>;
  /** The state, for assertions and set-up. Kept across `reset()` (same object, refilled). */
  readonly db: FakeDatabase;
  readonly faults: FaultInjector;
  /** The first configured personal API key (every scope by default). */
  readonly apiKey: string;
  /** The user's current organization (what `@current` means). */
  readonly organizationId: string;
  /** A logged-in browser session: send `cookie` as the Cookie header. Sessions may call every operation. */
  createSession(): FakeSession;
  /** Back to the state the fake was created with (same seed, same values); faults cleared. */
  reset(): void;
  /** The operation table the fake serves. */
  readonly operations: readonly OperationInfo[];
}

export function createFakeCore(options: FakePostHogOptions = {}): FakeCore {
  const db = new FakeDatabase();
  const faults = new FaultInjector();
  const operations = options.operations ?? operationTable;
  const routes = compileRoutes(operations);
  const runtime: {
    -readonly [K in keyof FakeRuntime]: FakeRuntime[K];
  } = {
    db,
    factories: createFactories({ seed: options.seed ?? 1 }),
    validator: createSchemaValidator(),
    now: options.now ?? (() => new Date()),
    productKeys: options.productKeys ?? DEFAULT_PRODUCT_KEYS,
  };
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;

  function seedState(): void {
    runtime.factories = createFactories({ seed: options.seed ?? 1 });
    const { random } = runtime.factories;
    db.organizations.length = 0;
    db.keys.length = 0;
    db.sessions.length = 0;
    db.stored.clear();
    db.nextProjectId = 1;
    db.currentProjectId = null;
    const organizations = options.organizations?.length ? options.organizations : [{}];
    organizations.forEach((input, i) => {
      const id = (input.id ?? random.uuid()).toLowerCase();
      if (!UUID.test(id)) throw new TypeError(`[hogkit fake] organization id must be a UUID, got "${id}"`);
      const membershipLevel = input.membershipLevel === undefined ? 15 : input.membershipLevel;
      db.organizations.push({ id, name: input.name ?? `Organization ${i + 1}`, membershipLevel });
    });
    db.currentOrganizationId = (db.organizations.find((o) => o.membershipLevel) ?? db.organizations[0])?.id ?? "";
    for (const input of options.keys?.length ? options.keys : [{}]) {
      db.keys.push({ key: input.key ?? personalApiKey(random), scopes: [...(input.scopes ?? ["*"])] });
    }
    (options.projects ?? []).forEach(seedProject);
  }

  function seedProject(overrides: Overrides<Project>, index: number): void {
    const organizationId = (overrides.organization as string | undefined) ?? db.currentOrganizationId;
    const organization = db.organization(organizationId);
    if (!organization) throw new TypeError(`[hogkit fake] project names unknown organization ${organizationId}`);
    // Seeded projects get fixed timestamps (a day apart from 2024-01-01): same seed, same state.
    const stored = newProject(runtime, organization, {}, new Date(Date.UTC(2024, 0, 1 + index)).toISOString());
    const data = deepMerge(stored.data, overrides);
    if (data.id !== stored.data.id) {
      if (db.stored.has(data.id)) throw new TypeError(`[hogkit fake] two projects with id ${data.id}`);
      db.stored.delete(stored.data.id);
      db.stored.set(data.id, stored);
      db.nextProjectId = Math.max(db.nextProjectId, data.id + 1);
    }
    stored.data = data;
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
    const siteUrl = url.origin;
    if ("allowed" in match) {
      authenticate(db, request, url, siteUrl);
      throw new ApiError(405, "invalid_request", "method_not_allowed", `Method "${method}" not allowed.`, null, {
        allow: match.allowed.join(", "),
      });
    }
    const { row, params } = match;
    const fault = await faults.apply(row.operationId, request.signal);
    if (fault) return fault;
    const caller = authenticate(db, request, url, siteUrl);
    authorize(caller, row);
    const context = requestContext(request, url, row, params, caller);
    const behaviour = (behaviours as Partial<Record<string, Behaviour>>)[row.operationId] ?? derivedBehaviour;
    return behaviour(context);
  }

  function requestContext(
    request: Request,
    url: URL,
    row: OperationInfo,
    params: Record<string, string>,
    caller: Caller,
  ): RequestContext {
    let organizationId = "";
    if (params.organization_id !== undefined) {
      const raw = params.organization_id;
      organizationId = raw === "@current" ? db.currentOrganizationId : raw.toLowerCase();
      if (!UUID.test(organizationId)) throw organizationNotFound();
    }
    const found = db.organization(organizationId);
    const organization = found?.membershipLevel ? found : undefined;
    // Key requests check the organization first (_check_organization_personal_api_key_restrictions).
    if (params.organization_id !== undefined && !organization && caller.kind === "key") throw organizationNotFound();

    let parsed: Promise<unknown> | undefined;
    const rawBody = () => {
      parsed ??= readJsonBody(request, maxBodyBytes);
      return parsed;
    };
    return {
      runtime,
      request,
      url,
      row,
      params,
      caller,
      organization,
      organizationId,
      project: () => lookupProject(params.id, organization?.id),
      rawBody,
      body: async () => validatedBody(row, await rawBody()),
    };
  }

  function lookupProject(raw: string | undefined, organizationId: string | undefined): StoredProject {
    if (raw === undefined) throw new Error(`operation has no {id} path parameter`);
    let id: number;
    if (raw === "@current") {
      if (db.currentProjectId === null) throw notFound();
      id = db.currentProjectId;
    } else {
      if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw validationError(`Field 'id' expected a number but got '${raw}'.`);
      id = Number.parseInt(raw, 10);
    }
    const stored = db.stored.get(id);
    if (!stored || !organizationId || stored.data.organization !== organizationId) throw notFound();
    return stored;
  }

  function validatedBody(row: OperationInfo, raw: unknown): Record<string, unknown> {
    const schema = row.body?.schema;
    if (!schema) return {};
    const view: SchemaView = "write";
    const properties = schemaDocument.definitions[view][schema]?.properties ?? {};
    const body = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? trimStrings(raw, properties) : raw;
    const errors = runtime.validator.errors(schema, view, body);
    if (errors?.[0]) throw drfValidationError(errors[0], body);
    // Read-only and unknown fields are ignored, as DRF serializers do.
    const known: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      if (name in properties) known[name] = value;
    }
    return known;
  }

  return {
    handle,
    db,
    faults,
    operations,
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
    reset() {
      faults.clear();
      seedState();
    },
  };
}

/** DRF CharFields trim surrounding whitespace before validating (so "  " is blank). */
function trimStrings(body: object, properties: Record<string, { type?: unknown; format?: string; enum?: unknown }>) {
  const out: Record<string, unknown> = { ...body };
  for (const [name, value] of Object.entries(out)) {
    const schema = properties[name];
    const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
    if (typeof value === "string" && types.includes("string") && !schema?.format && !schema?.enum) {
      out[name] = value.trim();
    }
  }
  return out;
}
