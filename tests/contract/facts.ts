/**
 * The facts of ../../../shared/docs/posthog-server.md that the fake models, each checked against
 * PostHog's source (paths in `source`), written as what a user of @hogkit/client observes.
 */
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  type PostHogApiError,
  RateLimitError,
} from "@hogkit/client";
import { expect } from "vitest";
import { type Harness, ORG_A, ORG_B, ORG_C, ORG_MEMBER } from "./harness.js";

export interface Fact {
  name: string;
  source: string;
  check(h: Harness): Promise<void>;
}

async function failure<E extends PostHogApiError>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok)
    throw new Error(`expected ${type.name}, got a result: ${JSON.stringify(outcome.value).slice(0, 200)}`);
  expect(outcome.error).toBeInstanceOf(type);
  return outcome.error as E;
}

const idOf = (h: Harness, name: string): number => {
  const project = h.fake.db.projects.find((p) => p.name === name);
  if (!project) throw new Error(`no project named ${name} in the fake`);
  return project.id;
};

const SESSION_ONLY = [
  ["activity", (h: Harness, id: number) => h.client().projects.activity(id)],
  [
    "changeOrganization",
    (h: Harness, id: number) => h.client().projects.changeOrganization(id, { organization_id: ORG_B }),
  ],
  ["deleteSecretTokenBackup", (h: Harness, id: number) => h.client().projects.deleteSecretTokenBackup(id)],
  ["isGeneratingDemoData", (h: Harness, id: number) => h.client().projects.isGeneratingDemoData(id)],
  ["resetToken", (h: Harness, id: number) => h.client().projects.resetToken(id)],
  ["rotateSecretToken", (h: Harness, id: number) => h.client().projects.rotateSecretToken(id)],
] as const;

export const facts: Fact[] = [
  // ---- Authentication and scopes ----
  {
    name: "list and retrieve need project:read",
    source: "posthog/permissions.py (APIScopePermission read_actions)",
    async check(h) {
      const error = await failure(h.client({ key: "unrelated" }).projects.list(), PermissionDeniedError);
      expect(error.status).toBe(403);
      expect(error.detail).toBe("API key missing required scope 'project:read'");
      expect(error.missingScope).toBe("project:read");
      await failure(h.client({ key: "unrelated" }).projects.retrieve(idOf(h, "Web")), PermissionDeniedError);
      expect((await h.client({ key: "read" }).projects.retrieve(idOf(h, "Web"))).name).toBe("Web");
    },
  },
  {
    name: "create and delete need project:write",
    source: "posthog/permissions.py (APIScopePermission write_actions)",
    async check(h) {
      const create = await failure(h.client({ key: "read" }).projects.create({ name: "Nope" }), PermissionDeniedError);
      expect(create.body).toEqual({
        type: "authentication_error",
        code: "permission_denied",
        detail: "API key missing required scope 'project:write'",
        attr: null,
      });
      await failure(h.client({ key: "read" }).projects.delete(idOf(h, "Web")), PermissionDeniedError);
      expect(h.fake.db.projects.some((p) => p.name === "Nope")).toBe(false);
    },
  },
  {
    name: "PATCH needs project:write, not the project:read PostHog publishes",
    source: "posthog/permissions.py (partial_update is a write action), posthog/api/project.py",
    async check(h) {
      const error = await failure(
        h.client({ key: "read" }).projects.update(idOf(h, "Web"), { name: "x" }),
        PermissionDeniedError,
      );
      expect(error.missingScope).toBe("project:write");
      expect(h.fake.db.project(idOf(h, "Web"))?.name).toBe("Web");
    },
  },
  {
    name: "a :write scope implies :read",
    source: "posthog/permissions.py (APIScopePermission: read accepts write)",
    async check(h) {
      const page = await h.client({ key: "write" }).projects.list();
      expect(page.count).toBe(3);
    },
  },
  {
    name: "add_product_intent and complete_product_onboarding take a project:read key",
    source: "posthog/api/project.py (required_scopes=['project:read'])",
    async check(h) {
      const client = h.client({ key: "read" });
      const team = await client.projects.addProductIntent(idOf(h, "Web"), { product_type: "surveys" });
      expect(team.id).toBe(idOf(h, "Web"));
      await client.projects.completeProductOnboarding(idOf(h, "Web"), { product_type: "surveys" });
    },
  },
  ...SESSION_ONLY.map(
    ([method, call]): Fact => ({
      name: `${method} refuses personal API keys, even one with every scope`,
      source: "posthog/api/project.py (no required_scopes), posthog/permissions.py",
      async check(h) {
        const before = structuredClone(h.fake.db.projects);
        const error = await failure(call(h, idOf(h, "Web")), PermissionDeniedError);
        expect(error.detail).toBe("This action does not support personal API key access");
        expect(error.sessionOnly).toBe(true);
        expect(error.message).toMatch(/does not accept personal API keys/i);
        expect(h.fake.db.projects).toEqual(before);
      },
    }),
  ),
  {
    name: "a logged-in session may call the session-only actions",
    source: "posthog/permissions.py (scope checks skip session authentication)",
    async check(h) {
      const session = h.sessionClient();
      expect(await session.projects.isGeneratingDemoData(idOf(h, "Web"))).toEqual({ is_generating_demo_data: false });
      const rotated = await session.projects.rotateSecretToken(idOf(h, "Web"));
      expect(rotated.secret_api_token).toMatch(/^phs_/);
    },
  },
  {
    name: "no credentials: 401 not_authenticated with a WWW-Authenticate challenge",
    source: "posthog/exceptions.py (exception_handler), rest_framework NotAuthenticated",
    async check(h) {
      const error = await failure(h.client({ key: null }).projects.list(), AuthenticationError);
      expect(error.status).toBe(401);
      expect(error.code).toBe("not_authenticated");
      expect(error.detail).toBe("Authentication credentials were not provided.");
      const raw = await fetch(new URL("/api/organizations/@current/projects/", h.baseUrl));
      expect(raw.headers.get("www-authenticate")).toMatch(
        /^Bearer resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource"$/,
      );
    },
  },
  {
    name: "an unknown personal API key: 401 authentication_failed",
    source: "posthog/auth.py (PersonalAPIKeyAuthentication)",
    async check(h) {
      const response = await fetch(new URL("/api/organizations/@current/projects/", h.baseUrl), {
        headers: { authorization: "Bearer phx_notAKeyThisFakeKnows000000000000000000" },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        type: "authentication_error",
        code: "authentication_failed",
        detail: "Personal API key found in request Authorization header is invalid.",
        attr: null,
      });
    },
  },

  // ---- Errors ----
  {
    name: "validation errors report the first error with its field: an unknown time zone",
    source: "drf-exceptions-hog (handler), posthog/api/project.py (timezone ChoiceField)",
    async check(h) {
      const error = await failure(
        h.client().projects.update(idOf(h, "Web"), { timezone: "America/I_Dont_Exist" as never }),
        BadRequestError,
      );
      expect(error.body).toEqual({
        type: "validation_error",
        code: "invalid_choice",
        detail: '"America/I_Dont_Exist" is not a valid choice.',
        attr: "timezone",
      });
    },
  },
  {
    name: "an unknown project is 404 Not found.",
    source: "drf-exceptions-hog (NotFound), posthog/api/project.py (safely_get_queryset)",
    async check(h) {
      const error = await failure(h.client().projects.retrieve(987654), NotFoundError);
      expect(error.body).toEqual({ type: "invalid_request", code: "not_found", detail: "Not found.", attr: null });
    },
  },
  {
    name: "a project of another organization is 404, like an unknown one",
    source: "posthog/api/project.py (queryset filtered by the URL's organization)",
    async check(h) {
      await failure(h.client().projects.retrieve(idOf(h, "Labs project")), NotFoundError);
      const inB = await h.client({ organizationId: ORG_B }).projects.retrieve(idOf(h, "Labs project"));
      expect(inB.name).toBe("Labs project");
    },
  },
  {
    name: "a non-integer project id is 400 (the client refuses it before sending)",
    source: "posthog/api/project.py (safely_get_object: ValueError → ValidationError)",
    async check(h) {
      await expect(h.client().projects.retrieve("abc" as never)).rejects.toThrow(/positive integer/);
      const response = await h.raw("/api/organizations/@current/projects/abc/");
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        type: "validation_error",
        code: "invalid_input",
        detail: "Field 'id' expected a number but got 'abc'.",
        attr: null,
      });
    },
  },
  {
    name: "a duplicate name in the organization, compared case-insensitively, is 409",
    source: "posthog/api/project.py (validate_name → Conflict), posthog/exceptions.py",
    async check(h) {
      const error = await failure(h.client().projects.create({ name: "  web " }), ConflictError);
      expect(error.body).toEqual({
        type: "server_error",
        code: "conflict",
        detail: 'There is already a project called "web" in this organization. Choose a different name.',
        attr: null,
      });
      // Another organization may reuse the name.
      const other = await h.client({ organizationId: ORG_B }).projects.create({ name: "Web" });
      expect(other.name).toBe("Web");
    },
  },
  {
    name: "429 throttled_error without Retry-After: the client backs off and retries, then reports it",
    source: "posthog/rate_limit.py, drf-exceptions-hog (no headers on the response)",
    async check(h) {
      h.fake.faults.rateLimit({ after: 0, times: 1 });
      expect((await h.client().projects.list()).count).toBe(3);
      h.fake.faults.rateLimit({ after: 0 });
      const error = await failure(h.client({ maxRetries: 1 }).projects.list(), RateLimitError);
      expect(error.code).toBe("throttled");
      expect(error.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds?\.$/);
    },
  },

  // ---- Operations ----
  {
    name: "list pages with limit/offset, 100 by default, with absolute next/previous URLs",
    source: "posthog/settings/web.py (LimitOffsetPagination, PAGE_SIZE 100)",
    async check(h) {
      const client = h.client();
      for (let i = 0; i < 110; i++) await client.projects.create({ name: `Bulk ${i}` });
      const first = await client.projects.list();
      expect(first.count).toBe(113);
      expect(first.results).toHaveLength(100);
      expect(first.previous).toBeNull();
      expect(new URL(first.next ?? "").searchParams.get("offset")).toBe("100");
      expect(new URL(first.next ?? "").origin).toBe(new URL(h.baseUrl).origin);
      const second = await client.projects.list({ limit: 100, offset: 100 });
      expect(second.results).toHaveLength(13);
      expect(second.next).toBeNull();
      let seen = 0;
      for await (const _ of client.projects.iterate({ limit: 40 })) seen++;
      expect(seen).toBe(113);
    },
  },
  {
    name: "list filters by name with ?search= (case-insensitive substring)",
    source: "posthog/api/project.py (PhraseSearchFilter, search_fields = ['name'])",
    async check(h) {
      const page = await h.client().projects.list({ search: "CHECK" });
      expect(page.results.map((p) => p.name)).toEqual(["Checkout"]);
    },
  },
  {
    name: "list answers the basic serializer: no secret tokens",
    source: "posthog/api/shared.py (ProjectBackwardCompatBasicSerializer)",
    async check(h) {
      const [first] = (await h.client().projects.list()).results;
      expect(Object.keys(first ?? {}).sort()).toEqual(
        [
          "access_control",
          "api_token",
          "completed_snippet_onboarding",
          "has_completed_onboarding_for",
          "id",
          "ingested_event",
          "is_demo",
          "name",
          "organization",
          "timezone",
          "uuid",
        ].sort(),
      );
    },
  },
  {
    name: "create answers 201 with the full project; an omitted name becomes Default project, then Default project 2",
    source: "posthog/api/project.py (create), posthog/models/project.py (get_unique_default_name)",
    async check(h) {
      const client = h.client();
      const first = await client.projects.create();
      const second = await client.projects.create({});
      expect([first.name, second.name]).toEqual(["Default project", "Default project 2"]);
      expect(first.api_token).toMatch(/^phc_/);
      expect(first.organization).toBe(ORG_A);
    },
  },
  {
    name: "names are stripped and must be 1–200 characters",
    source: "posthog/api/project.py (name CharField, validate_name)",
    async check(h) {
      const client = h.client();
      expect((await client.projects.update(idOf(h, "Mobile"), { name: "  Mobile app  " })).name).toBe("Mobile app");
      const blank = await failure(client.projects.update(idOf(h, "Mobile app"), { name: "   " }), BadRequestError);
      expect([blank.code, blank.attr]).toEqual(["blank", "name"]);
      const long = await failure(
        client.projects.update(idOf(h, "Mobile app"), { name: "x".repeat(201) }),
        BadRequestError,
      );
      expect([long.code, long.detail]).toEqual(["max_length", "Ensure this field has no more than 200 characters."]);
    },
  },
  {
    name: "PATCH ignores read-only fields",
    source: "posthog/api/project.py (ProjectBackwardCompatSerializer read_only_fields)",
    async check(h) {
      const before = structuredClone(h.fake.db.project(idOf(h, "Web")));
      const raw = await h.raw(`/api/organizations/@current/projects/${before?.id}/`, {
        method: "PATCH",
        body: JSON.stringify({ api_token: "phc_forged", id: 999, name: "Web 2" }),
      });
      expect(raw.status).toBe(200);
      const after = h.fake.db.project(before?.id ?? 0);
      expect(after).toMatchObject({ id: before?.id, api_token: before?.api_token, name: "Web 2" });
    },
  },
  {
    name: "DELETE answers 204, marks the project pending deletion, and a second DELETE is 400",
    source: "posthog/api/project.py (perform_destroy)",
    async check(h) {
      const client = h.client();
      const id = idOf(h, "Mobile");
      expect(await client.projects.delete(id)).toBeUndefined();
      // Still listed and retrievable until PostHog's deletion job runs.
      expect((await client.projects.retrieve(id)).is_pending_deletion).toBe(true);
      expect((await client.projects.list()).results.map((p) => p.id)).toContain(id);
      const again = await failure(client.projects.delete(id), BadRequestError);
      expect(again.detail).toBe("This project is already being deleted.");
    },
  },
  {
    name: "activity is a page of Team activity-log entries, paged with limit (10) and page",
    source: "posthog/api/project.py (activity), posthog/models/activity_logging/activity_page.py",
    async check(h) {
      const session = h.sessionClient();
      const id = idOf(h, "Web");
      for (let i = 0; i < 12; i++) await session.projects.update(id, { name: `Web v${i}` });
      const page = await session.projects.activity(id);
      expect(page.results).toHaveLength(10);
      expect(page.total_count).toBeGreaterThanOrEqual(12);
      expect(page.previous).toBeNull();
      expect(new URL(page.next ?? "").searchParams.get("page")).toBe("2");
      expect(page.results.every((entry) => entry.scope === "Team")).toBe(true);
      expect(page.results[0]?.detail.changes?.[0]).toMatchObject({ action: "changed", field: "name" });
      const second = await session.projects.activity(id, { limit: 10, page: 2 });
      expect(second.results.length).toBeGreaterThan(0);
    },
  },
  {
    name: "add_product_intent answers 201 with the environment (Team) and records the intent",
    source: "posthog/api/project.py (add_product_intent), posthog/api/team.py (TeamSerializer)",
    async check(h) {
      const id = idOf(h, "Web");
      const team = await h
        .client()
        .projects.addProductIntent(id, { product_type: "session_replay", intent_context: "docs" });
      expect(team).toMatchObject({ id, project_id: id });
      expect(team.product_intents.map((i) => i.product_type)).toEqual(["session_replay"]);
      const project = await h.client().projects.retrieve(id);
      expect(project.product_intents?.[0]).toMatchObject({
        product_type: "session_replay",
        onboarding_completed_at: null,
      });
      const missing = await failure(h.client().projects.addProductIntent(id, {} as never), BadRequestError);
      expect([missing.code, missing.attr]).toEqual(["required", "product_type"]);
    },
  },
  {
    name: "complete_product_onboarding marks the intent complete; a missing or unknown product is a non-standard 400",
    source: "posthog/api/project.py (complete_product_onboarding)",
    async check(h) {
      const id = idOf(h, "Web");
      const team = await h.client().projects.completeProductOnboarding(id, { product_type: "feature_flags" });
      expect(team.product_intents.find((i) => i.product_type === "feature_flags")?.onboarding_completed_at).toEqual(
        expect.any(String),
      );
      const unknown = await failure(
        h.client().projects.completeProductOnboarding(id, { product_type: "nope" }),
        BadRequestError,
      );
      expect(unknown.body).toEqual({ error: expect.stringMatching(/^invalid product_type, expected one of /) });
      const raw = await h.raw(`/api/organizations/@current/projects/${id}/complete_product_onboarding/`, {
        method: "PATCH",
        body: "{}",
      });
      expect([raw.status, await raw.json()]).toEqual([400, { error: "product_type is required" }]);
    },
  },
  {
    name: "change_organization moves the project for an admin of both organizations",
    source: "posthog/api/project.py (change_organization)",
    async check(h) {
      const session = h.sessionClient();
      const id = idOf(h, "Checkout");
      const moved = await session.projects.changeOrganization(id, { organization_id: ORG_B });
      expect(moved.organization).toBe(ORG_B);
      await failure(h.client().projects.retrieve(id), NotFoundError);
      const notMember = await failure(
        session.projects.changeOrganization(idOf(h, "Web"), { organization_id: ORG_C }),
        BadRequestError,
      );
      expect(notMember.detail).toBe("You must be a member of the target organization to move a project.");
      const notAdmin = await failure(
        session.projects.changeOrganization(idOf(h, "Web"), { organization_id: ORG_MEMBER }),
        BadRequestError,
      );
      expect(notAdmin.detail).toBe(
        "You must be an admin of both the source and target organizations to move a project.",
      );
    },
  },
  {
    name: "rotate_secret_token issues a new phs_ token and keeps the previous one as the only backup",
    source: "posthog/api/project.py (rotate_secret_token), posthog/models/team/team.py",
    async check(h) {
      const session = h.sessionClient();
      const id = idOf(h, "Web");
      const original = h.fake.db.project(id)?.secret_api_token;
      const first = await session.projects.rotateSecretToken(id);
      expect(first.secret_api_token).toMatch(/^phs_[A-Za-z0-9]+$/);
      expect(first.secret_api_token_backup).toBe(original);
      const second = await session.projects.rotateSecretToken(id);
      expect(second.secret_api_token_backup).toBe(first.secret_api_token);
    },
  },
  {
    name: "delete_secret_token_backup clears the backup and answers the project",
    source: "posthog/api/project.py (delete_secret_token_backup)",
    async check(h) {
      const session = h.sessionClient();
      const id = idOf(h, "Web");
      await session.projects.rotateSecretToken(id);
      const cleared = await session.projects.deleteSecretTokenBackup(id);
      expect(cleared.secret_api_token_backup).toBeNull();
      expect(cleared.secret_api_token).toMatch(/^phs_/);
    },
  },
  {
    name: "reset_token issues a new phc_ project token and changes nothing else",
    source: "posthog/api/project.py (reset_token), posthog/models/utils.py",
    async check(h) {
      const id = idOf(h, "Web");
      const before = structuredClone(h.fake.db.project(id));
      const after = await h.sessionClient().projects.resetToken(id);
      expect(after.api_token).toMatch(/^phc_/);
      expect(after.api_token).not.toBe(before?.api_token);
      const { api_token: _a, updated_at: _u, ...rest } = after;
      const { api_token: _b, updated_at: _v, ...restBefore } = before ?? ({} as NonNullable<typeof before>);
      expect(rest).toEqual(restBefore);
    },
  },
  {
    name: "is_generating_demo_data answers { is_generating_demo_data: boolean }",
    source: "posthog/api/project.py (is_generating_demo_data)",
    async check(h) {
      const id = idOf(h, "Web");
      h.fake.db.setGeneratingDemoData(id, true);
      expect(await h.sessionClient().projects.isGeneratingDemoData(id)).toEqual({ is_generating_demo_data: true });
    },
  },

  // ---- Identity ----
  {
    name: "@current is the caller's current organization; its UUID works the same",
    source: "posthog/api/routing.py (parents_query_dict)",
    async check(h) {
      const current = await h.client().projects.list();
      const explicit = await h.client({ organizationId: ORG_A }).projects.list();
      expect(explicit).toEqual(current);
      expect(current.results.every((p) => p.organization === ORG_A)).toBe(true);
    },
  },
  {
    name: "an unknown organization is 404 Organization not found.",
    source: "posthog/api/routing.py (parents_query_dict, view.organization)",
    async check(h) {
      const error = await failure(
        h.client({ organizationId: "0190a6e1-0000-7000-8000-0000000000ff" }).projects.list(),
        NotFoundError,
      );
      expect(error.detail).toBe("Organization not found.");
      const raw = await h.raw("/api/organizations/not-a-uuid/projects/");
      expect([raw.status, (await raw.json()).detail]).toEqual([404, "Organization not found."]);
    },
  },

  // ---- Organizations ----
  {
    name: "organizations.list() is the caller's organizations at every level, none they are not in",
    source:
      "posthog/api/organization.py (OrganizationViewSet.safely_get_queryset, OrganizationSerializer.get_membership_level)",
    async check(h) {
      const page = await h.client().organizations.list();
      expect(page.results.map((o) => [o.id, o.membership_level])).toEqual([
        [ORG_A, 15],
        [ORG_B, 8],
        [ORG_MEMBER, 1],
      ]);
      expect(page.count).toBe(3);
      const acme = page.results[0];
      expect(acme?.projects.map((p) => p.name)).toEqual(["Web", "Mobile", "Checkout"]);
      expect(acme?.member_count).toBe(1);
    },
  },
  {
    name: "organizations.retrieve('@current') is the current organization, and follows a project moved by change_organization",
    source:
      "posthog/api/organization.py (OrganizationViewSet.organization), posthog/api/project.py (change_organization)",
    async check(h) {
      expect((await h.client().organizations.retrieve("@current")).id).toBe(ORG_A);
      expect((await h.client().organizations.retrieve(ORG_B)).name).toBe("Acme Labs");
      await h.sessionClient().projects.changeOrganization(idOf(h, "Web"), { organization_id: ORG_B });
      expect((await h.client().organizations.retrieve("@current")).id).toBe(ORG_B);
      const error = await failure(h.client().organizations.retrieve(ORG_C), NotFoundError);
      expect(error.detail).toBe("Not found.");
    },
  },
  {
    name: "organizations.create() makes the caller owner of the new organization, with a Default project, both now current",
    source: "posthog/models/organization.py (OrganizationManager.bootstrap)",
    async check(h) {
      const created = await h.client().organizations.create({ name: "  Hedgehogs  " });
      expect(created).toMatchObject({ name: "Hedgehogs", slug: "hedgehogs", membership_level: 15, member_count: 1 });
      expect(created.projects.map((p) => p.name)).toEqual(["Default project"]);
      expect((await h.client().organizations.retrieve("@current")).id).toBe(created.id);
      expect((await h.client().projects.list()).results.map((p) => p.name)).toEqual(["Default project"]);
      const blank = await failure(h.client().organizations.create({ name: " " }), BadRequestError);
      expect([blank.attr, blank.detail]).toEqual(["name", "This field may not be blank."]);
    },
  },
  {
    name: "updates need an admin: a member gets 403 Your organization access level is insufficient.",
    source:
      "posthog/api/organization.py (dangerously_get_permissions), posthog/permissions.py (OrganizationAdminWritePermissions)",
    async check(h) {
      const error = await failure(
        h.client().organizations.update(ORG_MEMBER, { name: "Taken over" }),
        PermissionDeniedError,
      );
      expect(error.detail).toBe("Your organization access level is insufficient.");
      const renamed = await h.client().organizations.update(ORG_B, { name: "Labs", plugins_access_level: 9 } as never);
      expect([renamed.name, renamed.plugins_access_level]).toEqual(["Labs", 3]);
      const replaced = await h.client().organizations.replace(ORG_B, { name: "Labs again" });
      expect(replaced.name).toBe("Labs again");
    },
  },
  {
    name: "only the owner deletes an organization; @current then moves to another of the caller's",
    source:
      "posthog/api/organization.py (OrganizationPermissionsWithDelete), posthog/models/user.py (User.organization)",
    async check(h) {
      const error = await failure(h.client().organizations.delete(ORG_B), PermissionDeniedError);
      expect(error.detail).toBe("Your organization access level is insufficient.");
      await h.client().organizations.delete(ORG_A);
      expect((await h.client().organizations.list()).results.map((o) => o.id)).toEqual([ORG_B, ORG_MEMBER]);
      expect((await h.client().organizations.retrieve("@current")).id).toBe(ORG_B);
      expect(h.fake.db.projects.some((p) => p.organization === ORG_A)).toBe(false);
    },
  },
  {
    name: "organization routes need organization:read and organization:write",
    source: 'posthog/api/organization.py (scope_object = "organization"), posthog/permissions.py (APIScopePermission)',
    async check(h) {
      const read = await failure(h.client({ key: "read" }).organizations.list(), PermissionDeniedError);
      expect(read.detail).toBe("API key missing required scope 'organization:read'");
      expect((await h.client({ key: "unrelated" }).organizations.retrieve("@current")).id).toBe(ORG_A);
      const write = await failure(
        h.client({ key: "unrelated" }).organizations.update(ORG_A, { name: "x" }),
        PermissionDeniedError,
      );
      expect(write.detail).toBe("API key missing required scope 'organization:write'");
    },
  },
  {
    name: "a key limited to projects gets 403 on every organization route",
    source: "posthog/permissions.py (APIScopePermission.check_team_and_org_permissions: view.team)",
    async check(h) {
      const client = h.keyClient(h.fake.createKey({ scopedTeams: [idOf(h, "Web")] }));
      // Its own project it may read (project-based), the organization it may not.
      expect((await client.projects.retrieve(idOf(h, "Web"))).name).toBe("Web");
      for (const call of [() => client.organizations.list(), () => client.organizations.retrieve("@current")]) {
        const error = await failure(call(), PermissionDeniedError);
        expect(error.detail).toBe("API keys with scoped projects are only supported on project-based endpoints.");
      }
    },
  },
  {
    name: "an organization id that is neither @current nor a UUID is a 500 (Django's uncaught ValidationError)",
    source: "posthog/api/organization.py (OrganizationViewSet.organization: get_object_or_404 on a UUIDField)",
    async check(h) {
      const raw = await h.raw("/api/organizations/acme/");
      expect(raw.status).toBe(500);
      expect(await raw.json()).toEqual({
        type: "server_error",
        code: "error",
        detail: "A server error occurred.",
        attr: null,
      });
    },
  },
];
