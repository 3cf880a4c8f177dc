/**
 * PermissionDeniedError says which of PostHog's refusals it is, from PostHog's own message (the
 * fake answers PostHog's words), and what to do: one test per kind — the class, `reason`, and the
 * whole message — over MSW and over HTTP. And the 401 of a key PostHog Cloud does not know names
 * the other region.
 */
import { AuthenticationError, createClient, PermissionDeniedError, type PostHogApiError } from "@hogkit/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, ORG_A, ORG_B, ORG_MEMBER, overHttp, overMsw } from "./harness.js";

async function refused<E extends PostHogApiError>(
  call: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await call.then(
    (value) => {
      throw new Error(`expected ${type.name}, got ${JSON.stringify(value).slice(0, 120)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

describe.each([
  ["over MSW", overMsw],
  ["over HTTP on loopback", overHttp],
])("refusals %s", (_, start) => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterEach(() => h.fake.reset());
  afterAll(() => h.close());
  const at = (method: string, path: string) => `(${method} ${h.baseUrl}${path})`;
  const web = () => h.fake.db.projects.find((p) => p.name === "Web")?.id ?? 0;

  it("missing_scope: names the scope to add", async () => {
    const error = await refused(h.client({ key: "read" }).projects.create({ name: "Nope" }), PermissionDeniedError);
    expect([error.reason, error.missingScope, error.sessionOnly]).toEqual(["missing_scope", "project:write", false]);
    expect(error.message).toBe(
      "projects.create: PostHog answered 403 permission_denied: API key missing required scope 'project:write'. " +
        "Give the personal API key the 'project:write' scope " +
        at("POST", "/api/organizations/@current/projects/"),
    );
  });

  it("session_only: says only a logged-in session may call it", async () => {
    const error = await refused(h.client().projects.resetToken(web()), PermissionDeniedError);
    expect([error.reason, error.sessionOnly, error.missingScope]).toEqual(["session_only", true, undefined]);
    expect(error.message).toBe(
      "projects.resetToken: PostHog does not accept personal API keys for this action. Only a logged-in PostHog " +
        "session (the browser's session cookie, e.g. forwarded by a same-origin proxy) may call it. PostHog answered " +
        "403 permission_denied: This action does not support personal API key access " +
        at("PATCH", `/api/organizations/@current/projects/${web()}/reset_token/`),
    );
  });

  it("project_scoped_key: a key limited to projects on an organization route — use one with organization access, or /api/projects/", async () => {
    const client = h.keyClient(h.fake.createKey({ scopedTeams: [web()] }));
    const error = await refused(client.organizations.retrieve("@current"), PermissionDeniedError);
    expect(error.reason).toBe("project_scoped_key");
    expect(error.message).toBe(
      "organizations.retrieve: PostHog answered 403 permission_denied: API keys with scoped projects are only " +
        "supported on project-based endpoints. A project-scoped key works only on /api/projects/<id>/: use one with " +
        "organization access " +
        at("GET", "/api/organizations/@current/"),
    );
  });

  it("key_not_allowed: a key limited to other organizations or projects, or an organization that refuses members' keys", async () => {
    const orgKey = h.keyClient(h.fake.createKey({ scopedOrganizations: [ORG_B] }));
    const organization = await refused(orgKey.projects.list(), PermissionDeniedError);
    expect(organization.reason).toBe("key_not_allowed");
    expect(organization.message).toBe(
      `projects.list: PostHog answered 403 permission_denied: API key does not have access to the requested organization: ID ${ORG_A}. ` +
        `Use a key that includes organization ${ORG_A} ` +
        at("GET", "/api/organizations/@current/projects/"),
    );
    const other = h.fake.db.projects.find((p) => p.name === "Mobile")?.id ?? 0;
    const projectKey = h.keyClient(h.fake.createKey({ scopedTeams: [other] }));
    const project = await refused(projectKey.projects.retrieve(web()), PermissionDeniedError);
    expect(project.reason).toBe("key_not_allowed");
    expect(project.message).toContain(`the requested project: ID ${web()}. Use a key that includes project ${web()} (`);
    const partner = h.fake.db.organization(ORG_MEMBER);
    partner?.availableProductFeatures?.push({ key: "organization_security_settings", name: "Security settings" });
    if (partner) partner.membersCanUsePersonalApiKeys = false;
    const policy = await refused(h.client({ organizationId: ORG_MEMBER }).projects.list(), PermissionDeniedError);
    expect(policy.reason).toBe("key_not_allowed");
    expect(policy.message).toBe(
      "projects.list: PostHog answered 403 permission_denied: Organization 'Partner' does not allow using personal API keys. " +
        "Contact an admin to enable personal API keys for this organization. An admin can allow members' keys in the " +
        "organization's security settings " +
        at("GET", `/api/organizations/${ORG_MEMBER}/projects/`),
    );
  });

  it("role_required: the user's role is too low — an admin (or the owner) can do it", async () => {
    const error = await refused(
      h.client().organizations.update(ORG_MEMBER, { name: "Ours now" }),
      PermissionDeniedError,
    );
    expect(error.reason).toBe("role_required");
    expect(error.message).toBe(
      "organizations.update: PostHog answered 403 permission_denied: Your organization access level is insufficient. " +
        "An organization admin (or the owner) can do it " +
        at("PATCH", `/api/organizations/${ORG_MEMBER}/`),
    );
    const create = await refused(
      h.client({ organizationId: ORG_MEMBER }).projects.create({ name: "Member's" }),
      PermissionDeniedError,
    );
    expect([create.reason, create.detail]).toEqual([
      "role_required",
      "You need to be an organization admin or above to create new projects.",
    ]);
  });

  it("another 403 (a plan limit) names no kind and adds nothing to PostHog's words", async () => {
    const free = h.fake.db.organization(ORG_A);
    if (free) free.availableProductFeatures = [];
    const error = await refused(h.client().projects.create({ name: "Fourth" }), PermissionDeniedError);
    expect(error.reason).toBeUndefined();
    expect(error.message).toBe(
      `projects.create: PostHog answered 403 permission_denied: ${error.detail} ${at("POST", "/api/organizations/@current/projects/")}`,
    );
  });

  it("a key PostHog Cloud does not know: AuthenticationError, suggesting the other region on Cloud only", async () => {
    const client = createClient({
      apiKey: "phx_notAKnownKeyAnywhere000000000000000000",
      host: h.baseUrl,
      maxRetries: 0,
    });
    const error = await refused(client.projects.list(), AuthenticationError);
    expect(error.code).toBe("authentication_failed");
    const cloud = h.baseUrl === "https://us.posthog.com";
    expect(error.message).toBe(
      "projects.list: PostHog answered 401 authentication_failed: Personal API key found in request Authorization header is invalid." +
        (cloud ? ' Keys work only in the Cloud region they were made in: for EU Cloud, pass host: "eu"' : "") +
        ` ${at("GET", "/api/organizations/@current/projects/")}`,
    );
    expect(error.message).not.toContain("phx_notAKnownKey");
  });
});
