/**
 * A seeded fuzz of every operation of the table: valid bodies (the spec's factories), mutated ones
 * (wrong types, unknown enum values, huge and unicode strings, keys named like JavaScript built-ins),
 * arbitrary JSON and non-JSON bodies, odd organization and project ids, every kind of credential and
 * none, odd query strings. For each answer it checks what PostHog's server guarantees: a status the
 * spec declares for the operation; a 5xx only where the spec says PostHog itself fails (and never the
 * fake's own bug marker); an error body in PostHog's shape; a success body that validates; no hang;
 * and a state that is still consistent — untouched by any request that failed.
 */

import { resolve } from "node:path";
import {
  createFactories,
  createFakePostHog,
  createSchemaValidator,
  type FakePostHog,
  schemaDocument,
} from "@hogkit/testing";
import { type OperationInfo, operationTable } from "@hogkit/types";
import fc from "fast-check";
import { loadSpec } from "../../scripts/lib/spec-model/index.ts";

export const ORG_A = "0190a6e1-0000-7000-8000-00000000f00a"; // owner, @current
export const ORG_B = "0190a6e1-0000-7000-8000-00000000f00b"; // admin
export const ORG_C = "0190a6e1-0000-7000-8000-00000000f00c"; // not a member
export const ORG_M = "0190a6e1-0000-7000-8000-00000000f00d"; // member

const KEYS = {
  all: "phx_fuzzAll000000000000000000000000000000000",
  read: "phx_fuzzRead00000000000000000000000000000000",
  write: "phx_fuzzWrite0000000000000000000000000000000",
  unrelated: "phx_fuzzUnrelated000000000000000000000000000",
  teamScoped: "phx_fuzzTeamScoped00000000000000000000000000",
  orgScoped: "phx_fuzzOrgScoped000000000000000000000000000",
  oauth: "pha_fuzzOAuth0000000000000000000000000000000",
  oauthNoScopes: "pha_fuzzOAuthNone00000000000000000000000000",
};

export function fuzzFake(): FakePostHog {
  return createFakePostHog({
    seed: 31337,
    organizations: [
      { id: ORG_A, name: "A", membershipLevel: 15 },
      { id: ORG_B, name: "B", membershipLevel: 8 },
      { id: ORG_C, name: "C", membershipLevel: null },
      { id: ORG_M, name: "M", membershipLevel: 1 },
    ],
    keys: [
      { key: KEYS.all, scopes: ["*"] },
      { key: KEYS.read, scopes: ["project:read"] },
      { key: KEYS.write, scopes: ["project:write"] },
      { key: KEYS.unrelated, scopes: ["organization:read"] },
      { key: KEYS.teamScoped, scopes: ["*"], scopedTeams: [1] },
      { key: KEYS.orgScoped, scopes: ["*"], scopedOrganizations: [ORG_B] },
      { key: KEYS.oauth, kind: "oauth", scopes: ["*"] },
      { key: KEYS.oauthNoScopes, kind: "oauth", scopes: [] },
    ],
    projects: [
      { name: "Web", secret_api_token: "phs_fuzzSecret000000000000000000000000000" },
      { name: "Mobile" },
      { name: "Demo", is_demo: true },
      { name: "Labs", organization: ORG_B },
      { name: "Theirs", organization: ORG_C },
      { name: "Partner", organization: ORG_M },
    ],
  });
}

export interface FuzzRequest {
  operationId: string;
  method: string;
  path: string;
  auth: keyof typeof KEYS | "session" | "none" | "unknownKey" | "unknownToken";
  contentType: string | null;
  body: string | undefined;
}

const BUILT_INS = ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf", "isPrototypeOf"];
const hugeString = fc.integer({ min: 201, max: 200_000 }).map((n) => "x".repeat(n));
const unicodeString = fc.string({ unit: "grapheme", maxLength: 40 });
const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  hugeString,
  unicodeString,
  fc.constantFrom(
    "true",
    "false",
    "yes",
    "maybe",
    "",
    "   ",
    "\u0000",
    "\ud800",
    "Mars/Olympus",
    "0.534",
    "-1",
    "1e9",
    "[]",
  ),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, Number.MAX_SAFE_INTEGER),
);
const orgSegment = fc.oneof(
  { weight: 14, arbitrary: fc.constantFrom("@current", ORG_A, ORG_B) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ORG_C,
      ORG_M,
      "0190a6e1-0000-7000-8000-00000000ffff",
      ORG_A.toUpperCase(),
      ORG_A.replaceAll("-", ""),
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("acme", "", "%2e", "@", "null"), unicodeString) },
);
const idSegment = fc.oneof(
  { weight: 14, arbitrary: fc.constantFrom("1", "2", "3", "4", "5", "6") },
  {
    weight: 2,
    arbitrary: fc.constantFrom("999", "0", "-1", "@current", " 2 ", "1_0", "99999999999999999999999", "1.0"),
  },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom("abc", "..", "%2F", "é", "1;2"), unicodeString) },
);
const auth = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<FuzzRequest["auth"]>("session", "session", "all") },
  { weight: 3, arbitrary: fc.constantFrom<FuzzRequest["auth"]>("read", "write", "oauth", "teamScoped", "orgScoped") },
  {
    weight: 1,
    arbitrary: fc.constantFrom<FuzzRequest["auth"]>("unrelated", "oauthNoScopes", "none", "unknownKey", "unknownToken"),
  },
);

/** Values PostHog accepts for the project's settings (a PATCH made of these succeeds for an admin). */
const projectSettings = {
  name: fc.string({ minLength: 1, maxLength: 30 }).map((name) => `P ${name}`),
  product_description: fc.option(unicodeString),
  timezone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo"),
  week_start_day: fc.constantFrom(0, 1, null),
  anonymize_ips: fc.boolean(),
  completed_snippet_onboarding: fc.boolean(),
  session_recording_opt_in: fc.boolean(),
  surveys_opt_in: fc.option(fc.boolean()),
  heatmaps_opt_in: fc.option(fc.boolean()),
  app_urls: fc.array(fc.constantFrom("https://a.example.com", "https://*.example.com", null), { maxLength: 3 }),
  recording_domains: fc.option(fc.array(fc.constantFrom("https://b.example.com", null), { maxLength: 2 })),
  session_recording_sample_rate: fc.constantFrom("0.25", "1.00", 0.5, null),
  session_recording_minimum_duration_milliseconds: fc.option(fc.integer({ min: 0, max: 30000 })),
  session_recording_linked_flag: fc.constantFrom(
    null,
    { id: 7, key: "flag" },
    { id: "8", key: "beta", variant: "test" },
  ),
  session_replay_config: fc.constantFrom(null, { record_canvas: true }, { ai_config: { opt_in: false } }),
  survey_config: fc.constantFrom(null, { appearance: { backgroundColor: "#fff" } }),
  modifiers: fc.constantFrom(null, { personsOnEventsMode: "disabled" }, { bounceRateDurationSeconds: 30 }),
  correlation_config: fc.constantFrom(null, { excluded_person_property_names: ["$os"] }),
  has_completed_onboarding_for: fc.constantFrom(null, { product_analytics: true }),
  autocapture_exceptions_errors_to_ignore: fc.constantFrom(["TypeError"], []),
  data_attributes: fc.constantFrom(["data-attr"], []),
  extra_settings: fc.constantFrom(null, { recorder_script: "posthog-recorder" }),
};
const validProject = fc.record(projectSettings, { requiredKeys: [] });
const validIntent = fc.record(
  {
    product_type: fc.constantFrom("product_analytics", "session_replay", "surveys", "feature_flags"),
    intent_context: fc.constantFrom("onboarding product selected - primary", "docs"),
    metadata: fc.constantFrom({}, { from: "fuzz" }),
  },
  { requiredKeys: ["product_type"] },
);
const validMove = fc.record({ organization_id: fc.constantFrom(ORG_A, ORG_B, ORG_C, ORG_M) });

function validBody(row: OperationInfo): fc.Arbitrary<Record<string, unknown>> {
  const schema = row.body?.schema;
  if (!schema) return fc.constant({});
  if (schema.includes("ProjectBackwardCompat")) return validProject;
  if (schema === "ProductIntentRequest") return validIntent;
  if (schema === "ChangeOrganizationRequest") return validMove;
  return fc
    .integer({ min: 1, max: 1_000_000 })
    .map(
      (seed) =>
        createFactories({ seed, optionalFields: "some" }).buildSchema(schema, "write") as Record<string, unknown>,
    );
}

function bodyFor(row: OperationInfo): fc.Arbitrary<unknown> {
  const schema = row.body?.schema;
  const valid = validBody(row);
  const properties = Object.keys((schema && schemaDocument.definitions.write[schema]?.properties) ?? {});
  const mutated = fc
    .tuple(valid, fc.constantFrom(...(properties.length ? properties : ["name"]), ...BUILT_INS), oddValue)
    .map(([body, field, value]) => ({ ...body, [field]: value }));
  const builtIns = fc
    .tuple(valid, fc.subarray(BUILT_INS, { minLength: 1 }), oddValue)
    .map(([body, keys, value]) =>
      Object.assign(JSON.parse(JSON.stringify(body)), Object.fromEntries(keys.map((k) => [k, value]))),
    );
  return fc.oneof(
    { weight: 5, arbitrary: valid },
    { weight: 4, arbitrary: mutated },
    { weight: 2, arbitrary: builtIns },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

const bodyText = (row: OperationInfo) =>
  fc.oneof(
    { weight: 9, arbitrary: bodyFor(row).map((body) => JSON.stringify(body)) },
    { weight: 1, arbitrary: fc.constantFrom("{", '{"name": ', "", "null", "[]", '"text"', "5", "\ud800") },
  );

function query(row: OperationInfo): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.constantFrom("1", "2", "10", "0", "-5", "abc", "1_0", " 3 ", "", "1e3", "99999"),
    unicodeString,
  );
  if (row.operationId === "projects_list") {
    return fc
      .record(
        { limit: fc.option(value), offset: fc.option(value), search: fc.option(unicodeString) },
        { requiredKeys: [] },
      )
      .map(toQuery);
  }
  if (row.operationId === "projects_activity_retrieve") {
    return fc.record({ limit: fc.option(value), page: fc.option(value) }, { requiredKeys: [] }).map(toQuery);
  }
  return fc.constant("");
}

function toQuery(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...operationTable).chain((row) =>
  fc
    .record({
      target: fc.oneof(
        // A project in its own organization, most of the time; any pair otherwise.
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            ["@current", "1"],
            [ORG_A, "2"],
            [ORG_A, "3"],
            [ORG_B, "4"],
            [ORG_M, "6"],
            [ORG_C, "5"],
          ),
        },
        { weight: 2, arbitrary: fc.tuple(orgSegment, idSegment) },
      ),
      auth,
      contentType: fc.oneof(
        { weight: 12, arbitrary: fc.constant<string | null>("application/json") },
        { weight: 1, arbitrary: fc.constantFrom<string | null>(null, "text/plain", "application/json; charset=utf-8") },
      ),
      body: row.body || row.httpMethod !== "GET" ? fc.option(bodyText(row), { freq: 8 }) : fc.constant(null),
      query: query(row),
    })
    .map(({ target, auth, contentType, body, query }) => {
      const [org, project] = target as [string, string];
      // The organization resource's own `{id}` is an organization (a string id); a project's is an integer.
      const id = row.pathParams.find((p) => p.name === "id")?.type === "string" ? org : project;
      return {
        operationId: row.operationId,
        method: row.httpMethod,
        path:
          row.path.replace("{organization_id}", encodeURIComponent(org)).replace("{id}", encodeURIComponent(id)) +
          query,
        auth,
        contentType: body === null ? null : contentType,
        body: body ?? undefined,
      };
    }),
);

export function toRequest(fuzz: FuzzRequest, base: string, session: string): Request {
  const headers = new Headers();
  if (fuzz.auth === "session") headers.set("cookie", session);
  else if (fuzz.auth === "unknownKey") headers.set("authorization", "Bearer phx_notAKnownKey00000000000000000000000");
  else if (fuzz.auth === "unknownToken") headers.set("authorization", "Bearer pha_notAKnownToken0000000000000000000");
  else if (fuzz.auth !== "none") headers.set("authorization", `Bearer ${KEYS[fuzz.auth]}`);
  if (fuzz.contentType) headers.set("content-type", fuzz.contentType);
  return new Request(new URL(fuzz.path, base), { method: fuzz.method, headers, body: fuzz.body });
}

const routes = operationTable.map((row) => ({
  row,
  pattern: new RegExp(`^${row.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  literals: row.path.split("/").filter((segment) => segment && !segment.startsWith("{")).length,
}));

/**
 * The operation a request reaches: an odd segment (`..`) can make the URL, once normalized as
 * fetch does, the path of another operation (`/api/organizations/@current/projects/../` is the
 * organization itself), and then that operation's promises hold. The most literal path wins, as
 * the router tries `@action` routes before `{id}`.
 */
export function reachedOperation(fuzz: FuzzRequest): OperationInfo {
  const pathname = new URL(fuzz.path, "https://fuzz.invalid").pathname;
  const reached = routes
    .filter(({ row, pattern }) => row.httpMethod === fuzz.method && pattern.test(pathname))
    .sort((a, b) => b.literals - a.literals)[0]?.row;
  return reached ?? (operationTable.find((r) => r.operationId === fuzz.operationId) as OperationInfo);
}

/** Statuses each operation may answer, from the spec as generated (the overlay applied). */
const spec = loadSpec(resolve(import.meta.dirname, "../../spec/projects.openapi.yaml")).effective as {
  paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
};
export function declaredStatuses(row: OperationInfo): Set<number> {
  const responses = spec.paths[row.path]?.[row.httpMethod.toLowerCase()]?.responses ?? {};
  return new Set(Object.keys(responses).map(Number));
}

const validator = createSchemaValidator();
const ERROR_KEYS = ["attr", "code", "detail", "type"];

/** What must hold of one answer; a list of what did not. */
export async function checkAnswer(fuzz: FuzzRequest, response: Response): Promise<string[]> {
  const row = reachedOperation(fuzz);
  const problems: string[] = [];
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  const { status } = response;
  if (response.headers.get("x-hogkit-fake-bug")) problems.push(`a bug in the fake: ${text.slice(0, 300)}`);
  if (!declaredStatuses(row).has(status)) {
    problems.push(`status ${status} is not declared for ${row.operationId}`);
  }
  if (status >= 500) {
    const generic = { type: "server_error", code: "error", detail: "A server error occurred.", attr: null };
    if (JSON.stringify(body) !== JSON.stringify(generic))
      problems.push(`a 5xx that is not PostHog's generic body: ${text.slice(0, 200)}`);
  } else if (status >= 400) {
    const onboarding = row.operationId === "projects_complete_product_onboarding_partial_update" && status === 400;
    const keys = body && typeof body === "object" ? Object.keys(body).sort() : [];
    const standard = JSON.stringify(keys) === JSON.stringify(ERROR_KEYS);
    if (!standard && !(onboarding && JSON.stringify(keys) === '["error"]')) {
      problems.push(`a ${status} without PostHog's error body: ${text.slice(0, 200)}`);
    }
  } else if (status === 204) {
    if (text !== "") problems.push("a 204 with a body");
  } else if (row.responseSchema) {
    const errors = validator.errors(row.responseSchema, "read", body);
    if (errors) problems.push(`a ${status} body that is not a ${row.responseSchema}: ${JSON.stringify(errors[0])}`);
    const extra = unknownKeys(row.responseSchema, body);
    if (extra.length)
      problems.push(`a ${status} body with fields ${row.responseSchema} does not have: ${extra.join(", ")}`);
  }
  return problems;
}

/** Keys of an object response the schema does not declare (a schema with its own additionalProperties allows any). */
function unknownKeys(schema: string, body: unknown): string[] {
  const definition = schemaDocument.definitions.read[schema];
  if (!definition?.properties || definition.additionalProperties || !body || typeof body !== "object") return [];
  return Object.keys(body).filter((key) => !Object.hasOwn(definition.properties ?? {}, key));
}

/** The state a request may not leave broken; any request that failed must leave it as it was. */
export function stateOf(fake: FakePostHog): string {
  const { db } = fake;
  return JSON.stringify({
    projects: [...db.stored.entries()],
    dashboards: [...db.dashboards.entries()],
    organizations: db.organizations,
    current: [db.currentOrganizationId, db.currentProjectId],
  });
}

export function checkState(fake: FakePostHog): string[] {
  const { db } = fake;
  const problems: string[] = [];
  for (const [id, stored] of db.stored) {
    if (stored.data.id !== id) problems.push(`project stored under ${id} says it is ${stored.data.id}`);
    const errors = validator.errors("ProjectBackwardCompat", "read", stored.data);
    if (errors) problems.push(`project ${id} no longer fits the schema: ${JSON.stringify(errors[0])}`);
    if (!db.organization(stored.data.organization)) problems.push(`project ${id} is in an unknown organization`);
    const extra = unknownKeys("ProjectBackwardCompat", stored.data);
    if (extra.length) problems.push(`project ${id} stores fields the schema does not have: ${extra.join(", ")}`);
    const types = stored.data.product_intents.map((i) => i.product_type);
    if (new Set(types).size !== types.length) problems.push(`project ${id} has two intents for one product`);
    for (const entry of stored.activity) {
      const invalid = validator.errors("ActivityLogEntry", "read", entry);
      if (invalid)
        problems.push(
          `project ${id} has an activity entry that is not an ActivityLogEntry: ${JSON.stringify(invalid[0])}`,
        );
    }
  }
  const live = db.projects.filter((p) => !p.is_pending_deletion);
  const names = live.map((p) => `${p.organization}/${(p.name ?? "").trim().toUpperCase()}`);
  if (new Set(names).size !== names.length) problems.push("two live projects of one organization share a name");
  if (db.currentProjectId !== null && !db.stored.has(db.currentProjectId))
    problems.push("the current project does not exist");
  if (db.currentOrganizationId && !db.organization(db.currentOrganizationId))
    problems.push("the current organization does not exist");
  return problems;
}

export const fuzzKeys = KEYS;
