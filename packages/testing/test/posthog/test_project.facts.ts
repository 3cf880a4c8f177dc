/**
 * posthog/api/test/test_project.py: TestProjectAPI's own tests (it also inherits every test of
 * team_api_test_factory, which are the facts of test_team.facts.ts run against /api/projects/).
 */
import { expect } from "vitest";
import type { FakeOrganizationInput } from "../../src/index.js";
import { type Fact, ORG, OTHER_ORG } from "./harness.js";

const P = "posthog/api/test/test_project.py::";
const fact = (name: string, check: Fact["check"], options?: Fact["options"]): Fact => ({
  source: `${P}${name}`,
  check,
  options,
});
const PROJECTS = "/api/organizations/@current/projects/";
const PLAN_LIMIT =
  "You have reached the maximum limit of allowed projects for your current plan. Upgrade your plan to be able to create and manage more projects.";
const org = (extra: Partial<FakeOrganizationInput> = {}): Fact["options"] => ({
  organizations: [{ id: ORG, name: "Test", membershipLevel: 8, ...extra }],
});
const unlimited = (withMemberCreate = true) => [
  { key: "organizations_projects", name: "Projects", limit: null },
  ...(withMemberCreate ? [{ key: "organization_invite_settings", name: "Org invite settings" }] : []),
];

export const projectFacts: Fact[] = [
  fact(
    "test_projects_outside_personal_api_key_scoped_organizations_not_listed",
    async (w) => {
      const key = w.key({ scopes: ["*"], scopedOrganizations: [OTHER_ORG] });
      const reply = await w.request("GET", `/api/organizations/${OTHER_ORG}/projects/`, { auth: { key } });
      expect(reply.status).toBe(200);
      expect(new Set(reply.body.results.map((p: { id: number }) => p.id))).toEqual(new Set([2]));
    },
    {
      organizations: [
        { id: ORG, name: "Test", membershipLevel: 8 },
        { id: OTHER_ORG, name: "Bootstrapped", membershipLevel: 15 },
      ],
      projects: [{ name: "Default project" }, { name: "Default project", organization: OTHER_ORG }],
    },
  ),
  fact(
    "test_cannot_create_second_demo_project",
    async (w) => {
      const reply = await w.request("POST", PROJECTS, { body: { name: "Second Demo", is_demo: true } });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toBe(PLAN_LIMIT);
    },
    { projects: [{ name: "Default project" }, { name: "First Demo", is_demo: true }] },
  ),
  fact(
    "test_project_creation_without_feature",
    async (w) => {
      const reply = await w.request("POST", PROJECTS, { body: { name: "New Project" } });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toBe(PLAN_LIMIT);
    },
    org({ availableProductFeatures: [] }),
  ),
  fact(
    "test_project_creation_with_limited_feature",
    async (w) => {
      expect((await w.request("POST", PROJECTS, { body: { name: "Second Project" } })).status).toBe(201);
      const third = await w.request("POST", PROJECTS, { body: { name: "Third Project" } });
      expect(third.status).toBe(403);
      expect(third.body.detail).toBe(PLAN_LIMIT);
    },
    org({ availableProductFeatures: [{ key: "organizations_projects", name: "Projects", limit: 2 }] }),
  ),
  fact(
    "test_project_creation_with_unlimited_feature",
    async (w) => {
      for (let i = 0; i < 5; i++)
        expect((await w.request("POST", PROJECTS, { body: { name: `Project ${i}` } })).status).toBe(201);
    },
    org({ availableProductFeatures: unlimited(false) }),
  ),
  fact(
    "test_member_cannot_create_project_by_default",
    async (w) => {
      w.setLevel(1);
      const reply = await w.request("POST", PROJECTS, { body: { name: "Member Project" } });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toBe("You need to be an organization admin or above to create new projects.");
    },
    org({ availableProductFeatures: unlimited() }),
  ),
  fact(
    "test_member_cannot_create_project_without_entitlement_even_when_toggle_on",
    async (w) => {
      w.setLevel(1);
      const reply = await w.request("POST", PROJECTS, { body: { name: "Member Project" } });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toBe("You need to be an organization admin or above to create new projects.");
    },
    org({ availableProductFeatures: unlimited(false), membersCanCreateProjects: true }),
  ),
  fact(
    "test_member_can_create_project_when_org_allows",
    async (w) => {
      w.setLevel(1);
      expect((await w.request("POST", PROJECTS, { body: { name: "Member Project" } })).status).toBe(201);
    },
    org({ availableProductFeatures: unlimited(), membersCanCreateProjects: true }),
  ),
  ...(
    [
      ["admin", 8],
      ["owner", 15],
    ] as const
  ).map(([param, level]) =>
    fact(
      `test_admins_and_owners_can_always_create_project_when_members_blocked (${param})`,
      async (w) => {
        w.setLevel(level);
        expect((await w.request("POST", PROJECTS, { body: { name: `${param} Project` } })).status).toBe(201);
      },
      org({ availableProductFeatures: unlimited(), membersCanCreateProjects: false }),
    ),
  ),
  fact(
    "test_hard_limit_projects (MAX_ALLOWED_PROJECTS_PER_ORG of posthog/api/project.py, 2000; the test mocks the count)",
    async (w) => {
      // 2000 non-demo projects in the organization, without going through 2000 creates.
      const template = w.fake.db.stored.get(w.id);
      if (!template) throw new Error("no project");
      for (let id = 2; id <= 2000; id++) {
        w.fake.db.stored.set(id, { ...template, data: { ...template.data, id, name: `P${id}` } });
      }
      w.fake.db.nextProjectId = 2001;
      const reply = await w.request("POST", PROJECTS, { body: { name: "Project 1001" } });
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toBe(
        "You have reached the maximum limit of 2000 projects per organization. Contact support if you'd like access to more projects.",
      );
    },
    org({ availableProductFeatures: unlimited(false) }),
  ),
  fact(
    "test_demo_projects_not_counted_toward_limit",
    async (w) => {
      expect((await w.request("POST", PROJECTS, { body: { name: "Regular Project 1" } })).status).toBe(201);
      expect((await w.request("POST", PROJECTS, { body: { name: "Regular Project 2" } })).status).toBe(403);
    },
    {
      ...org({ availableProductFeatures: [{ key: "organizations_projects", name: "Projects", limit: 2 }] }),
      projects: [{ name: "Default project" }, { name: "Demo Project", is_demo: true }],
    },
  ),
  fact(
    "test_update_project_allowed_regardless_of_limits",
    async (w) => {
      const reply = await w.patch({ name: "Updated Name" });
      expect(reply.status).toBe(200);
      expect(reply.body.name).toBe("Updated Name");
    },
    org({ availableProductFeatures: [{ key: "organizations_projects", name: "Projects", limit: 1 }] }),
  ),
  ...(
    [
      ["cloud_last_project_active_sub", true, 1, 400],
      ["cloud_last_project_no_sub", false, 1, 204],
      ["cloud_non_last_project_active_sub", true, 2, 204],
    ] as const
  ).map(([param, subscription, count, status]) =>
    fact(
      `test_delete_last_project_subscription_guard (${param})`,
      async (w) => {
        const reply = await w.request("DELETE", w.projectPath().replace(/\/$/, ""));
        expect(reply.status).toBe(status);
        if (status === 400) {
          expect(reply.body.detail).toContain("active subscription");
          expect(w.fake.db.project(w.id)).toBeDefined();
        }
      },
      {
        ...org({ hasActiveSubscription: subscription }),
        projects:
          count === 1 ? [{ name: "Default project" }] : [{ name: "Default project" }, { name: "Second project" }],
      },
    ),
  ),
  fact("test_project_deletion_sets_pending_deletion_flag", async (w) => {
    expect((await w.request("DELETE", w.projectPath().replace(/\/$/, ""))).status).toBe(204);
    expect(w.record().is_pending_deletion).toBe(true);
  }),
  fact("test_project_deletion_returns_pending_deletion_in_api", async (w) => {
    await w.request("DELETE", w.projectPath().replace(/\/$/, ""));
    const reply = await w.request("GET", w.projectPath().replace(/\/$/, ""));
    expect(reply.status).toBe(200);
    expect(reply.body.is_pending_deletion).toBe(true);
  }),
  fact("test_delete_project_already_pending_deletion_returns_400", async (w) => {
    w.record().is_pending_deletion = true;
    const reply = await w.request("DELETE", w.projectPath().replace(/\/$/, ""));
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toContain("already being deleted");
  }),
  fact("test_complete_product_onboarding_requires_product_type", async (w) => {
    const reply = await w.request("PATCH", w.projectPath("complete_product_onboarding"), {
      body: { intent_context: "onboarding product selected - primary", metadata: {} },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe("product_type is required");
  }),
  fact("test_complete_product_onboarding_rejects_invalid_product_type", async (w) => {
    const reply = await w.request("PATCH", w.projectPath("complete_product_onboarding"), {
      body: { product_type: "invalid_product", intent_context: "onboarding product selected - primary", metadata: {} },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toContain("invalid product_type");
    expect(reply.body.error).toContain("expected one of");
    expect(reply.body.error).toContain("product_analytics");
  }),
  fact(
    "test_project_name_search_filter",
    async (w) => {
      const names = async (query: string) => {
        const reply = await w.request("GET", `${PROJECTS}?search=${query}`);
        expect(reply.status).toBe(200);
        return reply.body.results.map((p: { name: string }) => p.name);
      };
      expect(new Set(await names("Analytics"))).toEqual(new Set(["Analytics Dashboard", "User Analytics"]));
      expect(await names("Revenue")).toEqual(["Revenue Tracker"]);
      expect(await names("nonexistent")).toEqual([]);
    },
    {
      ...org({ availableProductFeatures: unlimited(false) }),
      projects: [
        { name: "Default project" },
        { name: "Analytics Dashboard" },
        { name: "Revenue Tracker" },
        { name: "User Analytics" },
      ],
    },
  ),
  fact("test_read_only_api_key_cannot_update_project_config_fields", async (w) => {
    const reply = await w.request("PATCH", w.projectPath(), {
      body: { timezone: "Europe/Lisbon" },
      auth: { key: w.key({ scopes: ["project:read"] }) },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toContain("project:write");
    expect(w.record().timezone).toBe("UTC");
  }),
  fact("test_write_api_key_can_update_project_config_fields", async (w) => {
    const reply = await w.request("PATCH", w.projectPath(), {
      body: { timezone: "Europe/Lisbon", session_recording_opt_in: true },
      auth: { key: w.key({ scopes: ["project:write"] }) },
    });
    expect(reply.status).toBe(200);
    expect(w.record()).toMatchObject({ timezone: "Europe/Lisbon", session_recording_opt_in: true });
  }),
  fact("test_read_only_api_key_cannot_update_project_non_config_fields", async (w) => {
    const reply = await w.request("PATCH", w.projectPath(), {
      body: { name: "New Project Name" },
      auth: { key: w.key({ scopes: ["project:read"] }) },
    });
    expect(reply.status).toBe(403);
    expect(w.record().name).not.toBe("New Project Name");
  }),
  fact("test_write_api_key_can_update_project_non_config_fields", async (w) => {
    const reply = await w.request("PATCH", w.projectPath(), {
      body: { name: "New Project Name" },
      auth: { key: w.key({ scopes: ["project:write"] }) },
    });
    expect(reply.status).toBe(200);
    expect(w.record().name).toBe("New Project Name");
  }),
];
