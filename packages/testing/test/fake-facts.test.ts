/**
 * The fake against PostHog's source (each describe names the file: posthog/permissions.py,
 * posthog/auth.py, posthog/api/team.py, posthog/api/project.py, …), one named test per fact it
 * models, over `fake.handle` directly — the facts PostHog's own tests do not assert (those are in
 * posthog-facts.test.ts). The same facts over MSW and HTTP are in the transport tests.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { createFakePostHog, createSchemaValidator, type FakePostHog, schemaDocument } from "../src/index.js";
import { call, error, PROJECTS, SESSION_ONLY } from "./helpers.js";

const validator = createSchemaValidator();
const OTHER_ORG = "0b0b0b0b-0000-4000-8000-000000000002";
let fake: FakePostHog;
let readKey: string;
let writeKey: string;
let session: { cookie: string };

beforeEach(() => {
  fake = createFakePostHog({
    seed: 9,
    organizations: [{ name: "Main" }, { id: OTHER_ORG, name: "Other", membershipLevel: 8 }],
    keys: [
      { scopes: ["*"] },
      { key: "phx_read", scopes: ["project:read"] },
      { key: "phx_write", scopes: ["project:write"] },
    ],
    projects: [{ name: "Web" }, { name: "Mobile" }, { name: "Elsewhere", organization: OTHER_ORG }],
  });
  readKey = "phx_read";
  writeKey = "phx_write";
  session = fake.createSession();
});

const detail = (id: number | string, action = "") => `${PROJECTS}${id}/${action ? action.replace(/\/?$/, "/") : ""}`;

describe("scopes (posthog/permissions.py)", () => {
  it("list and retrieve need project:read; create, PATCH and DELETE need project:write", async () => {
    expect((await call(fake, "GET", PROJECTS, { auth: { key: readKey } })).status).toBe(200);
    expect((await call(fake, "GET", detail(1), { auth: { key: readKey } })).status).toBe(200);
    const missing = error(
      "authentication_error",
      "permission_denied",
      "API key missing required scope 'project:write'",
    );
    for (const [method, path] of [
      ["POST", PROJECTS],
      ["PATCH", detail(1)],
      ["DELETE", detail(1)],
    ] as const) {
      const res = await call(fake, method, path, {
        auth: { key: readKey },
        body: method === "DELETE" ? undefined : {},
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body).toEqual(missing);
    }
    expect(fake.db.projects).toHaveLength(3);
  });

  it(":write implies :read", async () => {
    expect((await call(fake, "GET", PROJECTS, { auth: { key: writeKey } })).status).toBe(200);
    expect((await call(fake, "GET", detail(1), { auth: { key: writeKey } })).status).toBe(200);
  });

  it("a key with no project scope gets the missing-scope 403 naming project:read", async () => {
    const fake2 = createFakePostHog({ keys: [{ key: "phx_none", scopes: ["dashboard:read"] }] });
    const res = await call(fake2, "GET", PROJECTS, { auth: { key: "phx_none" } });
    expect(res.body).toEqual(
      error("authentication_error", "permission_denied", "API key missing required scope 'project:read'"),
    );
  });

  it("* allows every scoped operation", async () => {
    expect((await call(fake, "POST", PROJECTS, { body: { name: "Star" } })).status).toBe(201);
    expect((await call(fake, "PATCH", detail(1), { body: { name: "Web 2" } })).status).toBe(200);
  });

  it("the unscoped (session-only) actions refuse every personal API key, even *, with 403 'This action does not support personal API key access'", async () => {
    const refused = error(
      "authentication_error",
      "permission_denied",
      "This action does not support personal API key access",
    );
    expect(SESSION_ONLY.length).toBeGreaterThan(0);
    for (const { operationId, httpMethod, path } of SESSION_ONLY) {
      for (const key of [fake.apiKey, readKey, writeKey]) {
        const res = await call(fake, httpMethod, path(1), { auth: { key }, body: {} });
        expect(res.status, operationId).toBe(403);
        expect(res.body).toEqual(refused);
      }
    }
    expect(fake.db.project(1)?.secret_api_token).toBeNull();
  });

  it("the scope check comes before the 404 of an unknown project", async () => {
    const res = await call(fake, "PATCH", detail(999, "reset_token"));
    expect(res.status).toBe(403);
  });

  it("a session may call every operation, session-only ones included", async () => {
    for (const { operationId, method, httpMethod, path } of SESSION_ONLY) {
      const body = method === "changeOrganization" ? { organization_id: fake.organizationId } : undefined;
      const res = await call(fake, httpMethod, path(1), { auth: session, body });
      expect(res.status, operationId).toBe(200);
    }
    expect((await call(fake, "GET", PROJECTS, { auth: session })).status).toBe(200);
    expect((await call(fake, "POST", PROJECTS, { auth: session, body: { name: "From a session" } })).status).toBe(201);
  });

  it("add_product_intent and complete_product_onboarding need only project:read", async () => {
    const add = await call(fake, "PATCH", detail(1, "add_product_intent"), {
      auth: { key: readKey },
      body: { product_type: "surveys" },
    });
    expect(add.status).toBe(201);
    const complete = await call(fake, "PATCH", detail(1, "complete_product_onboarding"), {
      auth: { key: readKey },
      body: { product_type: "surveys" },
    });
    expect(complete.status).toBe(200);
  });
});

describe("authentication (posthog/auth.py, posthog/exceptions.py)", () => {
  it("no credentials: 401 not_authenticated with WWW-Authenticate resource_metadata", async () => {
    const res = await call(fake, "GET", PROJECTS, { auth: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(
      error("authentication_error", "not_authenticated", "Authentication credentials were not provided."),
    );
    expect(res.headers.get("www-authenticate")).toBe(
      'Bearer resource_metadata="https://fake.posthog.test/.well-known/oauth-protected-resource"',
    );
  });

  it("an unknown key: 401 authentication_failed naming where the key was found, never the key", async () => {
    const res = await call(fake, "GET", PROJECTS, { auth: { key: "phx_not_a_real_key" } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(
      error(
        "authentication_error",
        "authentication_failed",
        "Personal API key found in request Authorization header is invalid.",
      ),
    );
    expect(JSON.stringify(res.body)).not.toContain("phx_not_a_real_key");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer resource_metadata="/);
    const query = await call(fake, "GET", `${PROJECTS}?personal_api_key=phx_nope`, { auth: null });
    expect(query.body.detail).toBe("Personal API key found in request query string is invalid.");
  });

  it("an invalid Bearer key fails even next to a valid session (keys are tried first)", async () => {
    const res = await call(fake, "GET", PROJECTS, {
      auth: { key: "phx_nope" },
      headers: { cookie: session.cookie },
    });
    expect(res.status).toBe(401);
  });

  it("an unknown session cookie is not authenticated", async () => {
    const res = await call(fake, "GET", PROJECTS, { auth: { cookie: "sessionid=forged" } });
    expect(res.body.code).toBe("not_authenticated");
  });
});

describe("keys as PostHog scopes them (posthog/permissions.py APIScopePermission, posthog/auth.py)", () => {
  const denied = (detail: string) => error("authentication_error", "permission_denied", detail);
  const mainOrg = () => fake.organizationId;

  it("an OAuth access token (pha_) is scoped like a personal key, and refused the session-only actions", async () => {
    const token = fake.createKey({ kind: "oauth", scopes: ["project:read"] });
    expect(token).toMatch(/^pha_/);
    expect((await call(fake, "GET", PROJECTS, { auth: { key: token } })).status).toBe(200);
    const write = await call(fake, "PATCH", detail(1), { auth: { key: token }, body: { name: "x" } });
    expect(write.status).toBe(403);
    expect(write.body).toEqual(denied("API key missing required scope 'project:write'"));
    for (const { operationId, httpMethod, path } of SESSION_ONLY) {
      const res = await call(fake, httpMethod, path(1), { auth: { key: token }, body: {} });
      expect(res.body, operationId).toEqual(denied("This action does not support personal API key access"));
    }
  });

  it("an OAuth access token with no scopes is refused everything", async () => {
    const token = fake.createKey({ kind: "oauth", scopes: [] });
    const res = await call(fake, "GET", PROJECTS, { auth: { key: token } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual(denied("OAuth token has no scopes and cannot access this resource"));
  });

  it("scoped_organizations: another organization is 403 naming it, for personal keys and OAuth tokens", async () => {
    for (const kind of ["personal", "oauth"] as const) {
      const key = fake.createKey({ kind, scopes: ["*"], scopedOrganizations: [OTHER_ORG] });
      for (const [method, path] of [
        ["GET", PROJECTS],
        ["GET", detail(1)],
        ["POST", PROJECTS],
      ] as const) {
        const res = await call(fake, method, path, {
          auth: { key },
          body: method === "POST" ? { name: "N" } : undefined,
        });
        expect(res.status, `${kind} ${method} ${path}`).toBe(403);
        expect(res.body).toEqual(
          denied(`API key does not have access to the requested organization: ID ${mainOrg()}.`),
        );
      }
      expect((await call(fake, "GET", `/api/organizations/${OTHER_ORG}/projects/`, { auth: { key } })).status).toBe(
        200,
      );
    }
    expect(fake.db.projects).toHaveLength(3);
  });

  it("scoped_teams: no list or create, only its own projects", async () => {
    const key = fake.createKey({ scopes: ["*"], scopedTeams: [1] });
    const onlyProjects = denied("API keys with scoped projects are only supported on project-based endpoints.");
    expect((await call(fake, "GET", PROJECTS, { auth: { key } })).body).toEqual(onlyProjects);
    expect((await call(fake, "POST", PROJECTS, { auth: { key }, body: { name: "N" } })).body).toEqual(onlyProjects);
    expect((await call(fake, "GET", detail(1), { auth: { key } })).status).toBe(200);
    expect((await call(fake, "PATCH", detail(1), { auth: { key }, body: { name: "Renamed" } })).status).toBe(200);
    const other = await call(fake, "GET", detail(2), { auth: { key } });
    expect(other.status).toBe(403);
    expect(other.body).toEqual(denied("API key does not have access to the requested project: ID 2."));
    expect(fake.db.project(2)?.name).toBe("Mobile");
  });

  it("an organization may refuse its members' personal API keys (organization_security_settings); admins, OAuth tokens and sessions pass", async () => {
    const f = createFakePostHog({
      organizations: [
        {
          name: "Strict",
          membershipLevel: 1,
          membersCanUsePersonalApiKeys: false,
          availableProductFeatures: [
            { key: "organizations_projects", name: "Projects", limit: null },
            { key: "organization_security_settings", name: "Security settings" },
          ],
        },
      ],
      projects: [{ name: "P" }],
    });
    const refused = await call(f, "GET", PROJECTS, { auth: { key: f.apiKey } });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(
      denied(
        "Organization 'Strict' does not allow using personal API keys. Contact an admin to enable personal API keys for this organization.",
      ),
    );
    const oauth = f.createKey({ kind: "oauth", scopes: ["*"] });
    expect((await call(f, "GET", PROJECTS, { auth: { key: oauth } })).status).toBe(200);
    expect((await call(f, "GET", PROJECTS, { auth: f.createSession() })).status).toBe(200);
    const organization = f.db.organization(f.organizationId);
    if (organization) organization.membershipLevel = 8;
    expect((await call(f, "GET", PROJECTS, { auth: { key: f.apiKey } })).status).toBe(200);
  });

  it("members of each level: effective_membership_level is the caller's level in the project's organization", async () => {
    for (const level of [1, 8, 15] as const) {
      const organization = fake.db.organization(fake.organizationId);
      if (organization) organization.membershipLevel = level;
      const res = await call(fake, "GET", detail(1));
      expect(res.body.effective_membership_level).toBe(level);
    }
  });
});

describe("errors (drf-exceptions-hog, posthog/api/project.py)", () => {
  it("unknown id: 404 {type invalid_request, code not_found, detail 'Not found.'}", async () => {
    const res = await call(fake, "GET", detail(404));
    expect(res.status).toBe(404);
    expect(res.body).toEqual(error("invalid_request", "not_found", "Not found."));
  });

  it("a project of another organization is 404 under this organization's URL", async () => {
    expect((await call(fake, "GET", detail(3))).status).toBe(404);
    const own = await call(fake, "GET", `/api/organizations/${OTHER_ORG}/projects/3/`);
    expect(own.status).toBe(200);
    expect(own.body.name).toBe("Elsewhere");
  });

  it("@current resolves to the user's current organization", async () => {
    const current = await call(fake, "GET", PROJECTS);
    const explicit = await call(fake, "GET", `/api/organizations/${fake.organizationId}/projects/`);
    expect(current.body.results.map((p: any) => p.id)).toEqual([1, 2]);
    expect(explicit.body.results).toEqual(current.body.results);
    expect(current.body.results.every((p: any) => p.organization === fake.organizationId)).toBe(true);
  });

  it("a non-UUID organization is 404 'Organization not found.'; so is an unknown UUID for a key", async () => {
    const notUuid = await call(fake, "GET", "/api/organizations/acme/projects/");
    expect(notUuid.status).toBe(404);
    expect(notUuid.body).toEqual(error("invalid_request", "not_found", "Organization not found."));
    const unknown = await call(fake, "GET", "/api/organizations/11111111-1111-4111-8111-111111111111/projects/1/");
    expect(unknown.body).toEqual(error("invalid_request", "not_found", "Organization not found."));
  });

  it("a session listing an unknown organization gets an empty page (the queryset is just filtered)", async () => {
    const res = await call(fake, "GET", "/api/organizations/11111111-1111-4111-8111-111111111111/projects/", {
      auth: session,
    });
    expect(res.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it("a non-integer id is 400 \"Field 'id' expected a number but got 'abc'.\"", async () => {
    const res = await call(fake, "GET", detail("abc"));
    expect(res.status).toBe(400);
    expect(res.body).toEqual(error("validation_error", "invalid_input", "Field 'id' expected a number but got 'abc'."));
  });

  it("a duplicate name in the organization is 409 server_error/conflict, case-insensitive and trimmed", async () => {
    const res = await call(fake, "POST", PROJECTS, { body: { name: "  wEB " } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(
      error(
        "server_error",
        "conflict",
        'There is already a project called "wEB" in this organization. Choose a different name.',
      ),
    );
    const rename = await call(fake, "PATCH", detail(2), { body: { name: "web" } });
    expect(rename.status).toBe(409);
    expect(fake.db.project(2)?.name).toBe("Mobile");
  });

  it("the duplicate-name check ignores the project itself, other organizations and projects pending deletion", async () => {
    expect((await call(fake, "PATCH", detail(1), { body: { name: "Web" } })).status).toBe(200);
    expect((await call(fake, "POST", PROJECTS, { body: { name: "Elsewhere" } })).status).toBe(201);
    await call(fake, "DELETE", detail(2));
    expect((await call(fake, "POST", PROJECTS, { body: { name: "Mobile" } })).status).toBe(201);
  });

  it("validation errors: first error only, field in attr, DRF's codes and messages", async () => {
    const tz = await call(fake, "PATCH", detail(1), { body: { timezone: "America/I_Dont_Exist" } });
    expect(tz.status).toBe(400);
    expect(tz.body).toEqual(
      error("validation_error", "invalid_choice", '"America/I_Dont_Exist" is not a valid choice.', "timezone"),
    );
    const blank = await call(fake, "PATCH", detail(1), { body: { name: "   " } });
    expect(blank.body).toEqual(error("validation_error", "blank", "This field may not be blank.", "name"));
    const long = await call(fake, "PATCH", detail(1), { body: { name: "x".repeat(201) } });
    expect(long.body).toEqual(
      error("validation_error", "max_length", "Ensure this field has no more than 200 characters.", "name"),
    );
    const nul = await call(fake, "PATCH", detail(1), { body: { name: null } });
    expect(nul.body).toEqual(error("validation_error", "null", "This field may not be null.", "name"));
    const nested = await call(fake, "PATCH", detail(1), { body: { app_urls: ["ok", {}] } });
    expect(nested.body.attr).toBe("app_urls__1");
    expect(fake.db.project(1)?.name).toBe("Web");
  });

  it("a member (not admin) cannot delete, rename or create: PostHog's 403 messages", async () => {
    const member = createFakePostHog({ organizations: [{ membershipLevel: 1 }], projects: [{ name: "P" }] });
    const del = await call(member, "DELETE", detail(1));
    expect(del.body).toEqual(
      error("authentication_error", "permission_denied", "You don't have sufficient permissions in the project."),
    );
    const rename = await call(member, "PATCH", detail(1), { body: { name: "Q", timezone: "UTC" } });
    expect(rename.body.detail).toBe("Only project admins can modify these settings: name, timezone");
    expect((await call(member, "PATCH", detail(1), { body: { surveys_opt_in: true } })).status).toBe(200);
    const create = await call(member, "POST", PROJECTS, { body: {} });
    expect(create.body.detail).toBe("You need to be an organization admin or above to create new projects.");
  });
});

describe("list (LimitOffsetPagination, PhraseSearchFilter)", () => {
  it("default page size 100, count, absolute next/previous", async () => {
    const many = createFakePostHog({ projects: Array.from({ length: 250 }, (_, i) => ({ name: `P${i}` })) });
    const first = await call(many, "GET", PROJECTS);
    expect(first.body.count).toBe(250);
    expect(first.body.results).toHaveLength(100);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toBe("https://fake.posthog.test/api/organizations/@current/projects/?limit=100&offset=100");
    const last = await call(many, "GET", `${PROJECTS}?limit=100&offset=200`);
    expect(last.body.results).toHaveLength(50);
    expect(last.body.next).toBeNull();
    expect(last.body.previous).toBe(
      "https://fake.posthog.test/api/organizations/@current/projects/?limit=100&offset=100",
    );
    const second = await call(many, "GET", `${PROJECTS}?limit=100&offset=100`);
    expect(second.body.previous).toBe("https://fake.posthog.test/api/organizations/@current/projects/?limit=100");
  });

  it("there is no maximum limit, and a bad limit falls back to the default", async () => {
    const many = createFakePostHog({ projects: Array.from({ length: 150 }, (_, i) => ({ name: `P${i}` })) });
    expect((await call(many, "GET", `${PROJECTS}?limit=1000`)).body.results).toHaveLength(150);
    expect((await call(many, "GET", `${PROJECTS}?limit=abc`)).body.results).toHaveLength(100);
  });

  it("?search= is one case-insensitive substring of the name", async () => {
    await call(fake, "POST", PROJECTS, { body: { name: "Web shop" } });
    const res = await call(fake, "GET", `${PROJECTS}?search=WEB`);
    expect(res.body.results.map((p: any) => p.name)).toEqual(["Web", "Web shop"]);
    expect((await call(fake, "GET", `${PROJECTS}?search=web%20shop`)).body.count).toBe(1);
  });

  it("items use the basic serializer", async () => {
    const res = await call(fake, "GET", PROJECTS);
    const basic = schemaDocument.definitions.read.ProjectBackwardCompatBasic?.properties ?? {};
    expect(Object.keys(res.body.results[0]).sort()).toEqual(Object.keys(basic).sort());
    expect(res.body.results[0]).not.toHaveProperty("is_pending_deletion");
    expect(validator.errors("PaginatedProjectBackwardCompatBasicList", "read", res.body)).toBeNull();
  });
});

describe("create, retrieve, update, destroy", () => {
  it("create is 201 with the full project; without a name it is 'Default project', then 'Default project 2'", async () => {
    const first = await call(fake, "POST", PROJECTS, { body: {} });
    expect(first.status).toBe(201);
    expect(first.body.name).toBe("Default project");
    expect(validator.errors("ProjectBackwardCompat", "read", first.body)).toBeNull();
    expect((await call(fake, "POST", PROJECTS, { body: {} })).body.name).toBe("Default project 2");
    expect(first.body.api_token).toMatch(/^phc_/);
    expect(first.body.organization).toBe(fake.organizationId);
  });

  it("create strips the name and then lists the project", async () => {
    const created = await call(fake, "POST", PROJECTS, { body: { name: "  Checkout  " } });
    expect(created.body.name).toBe("Checkout");
    const list = await call(fake, "GET", PROJECTS);
    expect(list.body.results.map((p: any) => p.name)).toContain("Checkout");
  });

  it("id = project id: the retrieve path id and the project's id agree", async () => {
    const res = await call(fake, "GET", detail(2));
    expect(res.body.id).toBe(2);
  });

  it("PATCH ignores read-only and unknown fields", async () => {
    const before = structuredClone(fake.db.project(1)!);
    const res = await call(fake, "PATCH", detail(1), {
      body: { id: 77, api_token: "phc_mine", organization: OTHER_ORG, not_a_field: 1, anonymize_ips: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 1, api_token: before.api_token, organization: before.organization });
    expect(res.body.anonymize_ips).toBe(true);
    expect(res.body).not.toHaveProperty("not_a_field");
  });

  it("DELETE is 204 and marks the project pending deletion; it stays listed and retrievable", async () => {
    const del = await call(fake, "DELETE", detail(1));
    expect(del.status).toBe(204);
    expect(del.body).toBeNull();
    const got = await call(fake, "GET", detail(1));
    expect(got.status).toBe(200);
    expect(got.body.is_pending_deletion).toBe(true);
    expect((await call(fake, "GET", PROJECTS)).body.results.map((p: any) => p.id)).toContain(1);
  });

  it("a second DELETE is 400 'This project is already being deleted.'", async () => {
    await call(fake, "DELETE", detail(1));
    const again = await call(fake, "DELETE", detail(1));
    expect(again.status).toBe(400);
    expect(again.body).toEqual(error("validation_error", "invalid_input", "This project is already being deleted."));
  });
});

describe("actions", () => {
  it("reset_token issues a new phc_ api_token and changes nothing else but updated_at", async () => {
    const before = structuredClone(fake.db.project(1)!);
    const res = await call(fake, "PATCH", detail(1, "reset_token"), { auth: session });
    expect(res.body.api_token).toMatch(/^phc_[2-9A-HJ-NP-Za-km-z]{44}$/);
    expect(res.body.api_token).not.toBe(before.api_token);
    const { api_token: _a, updated_at: _u, ...rest } = res.body;
    const { api_token: _b, updated_at: _v, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it("rotate_secret_token issues a new phs_ secret and keeps the old one as the backup", async () => {
    const first = await call(fake, "PATCH", detail(1, "rotate_secret_token"), { auth: session });
    expect(first.body.secret_api_token).toMatch(/^phs_[a-zA-Z0-9]+$/);
    expect(first.body.secret_api_token_backup).toBeNull();
    const second = await call(fake, "PATCH", detail(1, "rotate_secret_token"), { auth: session });
    expect(second.body.secret_api_token_backup).toBe(first.body.secret_api_token);
    expect(second.body.secret_api_token).not.toBe(first.body.secret_api_token);
  });

  it("delete_secret_token_backup clears the backup and returns the full project", async () => {
    await call(fake, "PATCH", detail(1, "rotate_secret_token"), { auth: session });
    await call(fake, "PATCH", detail(1, "rotate_secret_token"), { auth: session });
    const res = await call(fake, "PATCH", detail(1, "delete_secret_token_backup"), { auth: session });
    expect(res.status).toBe(200);
    expect(res.body.secret_api_token_backup).toBeNull();
    expect(res.body.secret_api_token).toMatch(/^phs_/);
    expect(validator.errors("ProjectBackwardCompat", "read", res.body)).toBeNull();
  });

  it("is_generating_demo_data returns {is_generating_demo_data: bool}", async () => {
    expect((await call(fake, "GET", detail(1, "is_generating_demo_data"), { auth: session })).body).toEqual({
      is_generating_demo_data: false,
    });
    fake.db.setGeneratingDemoData(1, true);
    expect((await call(fake, "GET", detail(1, "is_generating_demo_data"), { auth: session })).body).toEqual({
      is_generating_demo_data: true,
    });
  });

  it("add_product_intent is 201 with the Team shape and records the product (onboarding not completed)", async () => {
    const res = await call(fake, "PATCH", detail(1, "add_product_intent"), {
      body: { product_type: "session_replay", intent_context: "onboarding product selected" },
    });
    expect(res.status).toBe(201);
    expect(validator.errors("Team", "read", res.body)).toBeNull();
    expect(res.body.project_id).toBe(1);
    expect(res.body).not.toHaveProperty("is_pending_deletion");
    expect(res.body.product_intents).toEqual([
      expect.objectContaining({ product_type: "session_replay", onboarding_completed_at: null }),
    ]);
    expect(fake.db.project(1)?.product_intents).toHaveLength(1);
    await call(fake, "PATCH", detail(1, "add_product_intent"), { body: { product_type: "session_replay" } });
    expect(fake.db.project(1)?.product_intents).toHaveLength(1);
  });

  it("add_product_intent without product_type is the standard 400 required", async () => {
    const res = await call(fake, "PATCH", detail(1, "add_product_intent"), { body: {} });
    expect(res.body).toEqual(error("validation_error", "required", "This field is required.", "product_type"));
  });

  it("complete_product_onboarding is 200 with the Team shape and sets onboarding_completed_at", async () => {
    const res = await call(fake, "PATCH", detail(1, "complete_product_onboarding"), {
      body: { product_type: "feature_flags" },
    });
    expect(res.status).toBe(200);
    expect(validator.errors("Team", "read", res.body)).toBeNull();
    expect(res.body.product_intents[0].product_type).toBe("feature_flags");
    expect(Date.parse(res.body.product_intents[0].onboarding_completed_at)).not.toBeNaN();
  });

  it('complete_product_onboarding answers its own {"error": …} 400s', async () => {
    const missing = await call(fake, "PATCH", detail(1, "complete_product_onboarding"), { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: "product_type is required" });
    const invalid = await call(fake, "PATCH", detail(1, "complete_product_onboarding"), {
      body: { product_type: "nope" },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatch(
      /^invalid product_type, expected one of \[<ProductKey\.PRODUCT_ANALYTICS: 'product_analytics'>, /,
    );
    expect(fake.db.project(1)?.product_intents).toEqual([]);
  });

  it("change_organization moves the project (200, full project) to an org where the user is admin", async () => {
    const res = await call(fake, "POST", detail(1, "change_organization"), {
      auth: session,
      body: { organization_id: OTHER_ORG },
    });
    expect(res.status).toBe(200);
    expect(res.body.organization).toBe(OTHER_ORG);
    // Project 1 was the user's current project: the current organization (@current) follows it.
    expect(fake.organizationId).toBe(OTHER_ORG);
    expect((await call(fake, "GET", `/api/organizations/${fake.db.organizations[0]?.id}/projects/1/`)).status).toBe(
      404,
    );
    expect((await call(fake, "GET", `/api/organizations/${OTHER_ORG}/projects/1/`)).status).toBe(200);
  });

  it("change_organization: 400s for a non-member / missing target and for a non-admin", async () => {
    const memberOnly = "0c0c0c0c-0000-4000-8000-000000000003";
    const strangers = "0d0d0d0d-0000-4000-8000-000000000004";
    const f = createFakePostHog({
      organizations: [{}, { id: memberOnly, membershipLevel: 1 }, { id: strangers, membershipLevel: null }],
      projects: [{ name: "P" }],
    });
    const s = f.createSession();
    const notMember = error(
      "validation_error",
      "invalid_input",
      "You must be a member of the target organization to move a project.",
    );
    for (const body of [
      { organization_id: strangers },
      {},
      { organization_id: "99999999-9999-4999-8999-999999999999" },
    ]) {
      const res = await call(f, "POST", detail(1, "change_organization"), { auth: s, body });
      expect(res.status).toBe(400);
      expect(res.body).toEqual(notMember);
    }
    const notAdmin = await call(f, "POST", detail(1, "change_organization"), {
      auth: s,
      body: { organization_id: memberOnly },
    });
    expect(notAdmin.body.detail).toBe(
      "You must be an admin of both the source and target organizations to move a project.",
    );
    expect(f.db.project(1)?.organization).toBe(f.organizationId);
  });

  it("activity: {results, next, previous, total_count}, limit 10 / page 1, Team entries only, newest first", async () => {
    for (let i = 0; i < 12; i++) await call(fake, "PATCH", detail(1), { body: { name: `Web ${i}` } });
    await call(fake, "POST", detail(1, "change_organization"), { auth: session, body: { organization_id: OTHER_ORG } });
    const page = await call(fake, "GET", `/api/organizations/${OTHER_ORG}/projects/1/activity/`, { auth: session });
    expect(page.status).toBe(200);
    expect(validator.errors("ActivityLogPage", "read", page.body)).toBeNull();
    expect(page.body.total_count).toBe(12);
    expect(page.body.results).toHaveLength(10);
    expect(page.body.results.every((e: any) => e.scope === "Team")).toBe(true);
    expect(page.body.results[0].detail.changes[0]).toEqual({
      type: "Team",
      action: "changed",
      field: "name",
      before: "Web 10",
      after: "Web 11",
    });
    expect(page.body.previous).toBeNull();
    expect(page.body.next).toBe(
      `https://fake.posthog.test/api/organizations/${OTHER_ORG}/projects/1/activity/?limit=10&page=2`,
    );
    const second = await call(fake, "GET", new URL(page.body.next).pathname + new URL(page.body.next).search, {
      auth: session,
    });
    expect(second.body.results).toHaveLength(2);
    expect(second.body.next).toBeNull();
    expect(second.body.previous).toContain("page=1");
  });

  it("activity records token changes: reset with full values, rotate masked", async () => {
    const before = fake.db.project(1)!.api_token;
    await call(fake, "PATCH", detail(1, "reset_token"), { auth: session });
    await call(fake, "PATCH", detail(1, "rotate_secret_token"), { auth: session });
    const page = await call(fake, "GET", detail(1, "activity"), { auth: session });
    const [rotate, reset] = page.body.results;
    expect(reset.detail.changes[0]).toMatchObject({ field: "api_token", before, after: fake.db.project(1)!.api_token });
    expect(rotate.detail.changes[0]).toMatchObject({
      field: "secret_api_token",
      action: "created",
      before: { secret_api_token: null },
    });
    expect(rotate.detail.changes[0].after.secret_api_token).toMatch(/^phs_\.\.\.[a-zA-Z0-9]{4}$/);
  });

  it("activity: a non-integer limit is an uncaught ValueError upstream, a 500", async () => {
    const res = await call(fake, "GET", `${detail(1, "activity")}?limit=abc`, { auth: session });
    expect(res.status).toBe(500);
    expect(res.body.type).toBe("server_error");
  });
});

describe("rate limit (posthog/rate_limit.py)", () => {
  it("429 throttled_error body, and no Retry-After header (PostHog sends none)", async () => {
    fake.faults.rateLimit({ after: 2, waitSeconds: 3 });
    expect((await call(fake, "GET", PROJECTS)).status).toBe(200);
    expect((await call(fake, "GET", PROJECTS)).status).toBe(200);
    const res = await call(fake, "GET", PROJECTS);
    expect(res.status).toBe(429);
    expect(res.body).toEqual(
      error("throttled_error", "throttled", "Request was throttled. Expected available in 3 seconds."),
    );
    expect(res.headers.get("retry-after")).toBeNull();
  });
});
