/**
 * ee/api/test/test_team.py's team_enterprise_api_test_factory, as ee/api/test/test_project.py runs
 * it against /api/projects/ (EnvironmentToProjectRewriteClient: `/api/projects/@current/environments/`
 * and `/api/environments/` both become `/api/projects/`), and test_project.py's own tests.
 */
import { expect } from "vitest";
import { denied, entry, type Fact, notFound, ORG, OTHER_ORG, validation, type World } from "./harness.js";

const factoryFact = (name: string, check: Fact["check"], options?: Fact["options"]): Fact => ({
  source: `ee/api/test/test_team.py::${name}`,
  check,
  options,
});
const projectFact = (name: string, check: Fact["check"], options?: Fact["options"]): Fact => ({
  source: `ee/api/test/test_project.py::${name}`,
  check,
  options,
});
const PROJECTS = "/api/organizations/@current/projects/";
const PLAN_LIMIT =
  "You have reached the maximum limit of allowed projects for your current plan. Upgrade your plan to be able to create and manage more projects.";
const limitTen = { availableProductFeatures: [{ key: "organizations_projects", name: "Projects", limit: 10 }] };
const current = (w: World) => w.request("GET", w.projectPath("", "@current"));

export const eeFacts: Fact[] = [
  factoryFact("test_cannot_create_team_with_primary_dashboard_id", async (w) => {
    const dashboard = w.fake.db.addDashboard(w.id);
    const reply = await w.request("POST", PROJECTS, { body: { name: "Test", primary_dashboard: dashboard } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(validation("Primary dashboard cannot be set on project creation.", "primary_dashboard"));
  }),
  factoryFact("test_create_demo_team", async (w) => {
    const reply = await w.request("POST", PROJECTS, { body: { name: "Hedgebox", is_demo: true } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toMatchObject({ name: "Hedgebox", access_control: false, effective_membership_level: 8 });
    expect(w.fake.db.projects.filter((p) => p.organization === ORG)).toHaveLength(2);
  }),
  factoryFact("test_create_two_demo_teams", async (w) => {
    const first = await w.request("POST", PROJECTS, { body: { name: "Hedgebox", is_demo: true } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: "Hedgebox", access_control: false, effective_membership_level: 8 });
    const second = await w.request("POST", PROJECTS, { body: { name: "Hedgebox", is_demo: true } });
    expect(second.body.detail).toBe(PLAN_LIMIT);
    expect(second.body.type).toBe("authentication_error");
    expect(second.body.code).toBe("permission_denied");
    expect(w.fake.db.projects.filter((p) => p.organization === ORG)).toHaveLength(2);
  }),
  factoryFact("test_delete_team_as_org_admin_allowed", async (w) => {
    expect((await w.request("DELETE", w.projectPath().replace(/\/$/, ""))).status).toBe(204);
  }),
  factoryFact("test_delete_team_as_org_member_forbidden", async (w) => {
    w.setLevel(1);
    expect((await w.request("DELETE", w.projectPath().replace(/\/$/, ""))).status).toBe(403);
    expect(w.record().is_pending_deletion).toBe(false);
  }),
  factoryFact(
    "test_delete_second_team_as_org_admin_allowed",
    async (w) => {
      expect((await w.request("DELETE", w.projectPath("", 2).replace(/\/$/, ""))).status).toBe(204);
    },
    { projects: [{ name: "Default project" }, {}] },
  ),
  factoryFact(
    "test_no_delete_team_not_administrating_organization",
    async (w) => {
      w.setLevel(1);
      expect((await w.request("DELETE", w.projectPath("", 2).replace(/\/$/, ""))).status).toBe(403);
      expect(w.record(2).is_pending_deletion).toBe(false);
    },
    { projects: [{ name: "Default project" }, {}] },
  ),
  factoryFact(
    "test_no_delete_team_not_belonging_to_organization",
    async (w) => {
      for (const id of [2, 3]) {
        expect((await w.request("DELETE", w.projectPath("", id).replace(/\/$/, ""))).status).toBe(404);
        expect(w.record(id).is_pending_deletion).toBe(false);
      }
    },
    {
      organizations: [
        { id: ORG, name: "Test", membershipLevel: 8 },
        { id: OTHER_ORG, name: "Bootstrapped without the user", membershipLevel: null },
        { id: "0190a6e1-0000-7000-8000-0000000000c3", name: "X", membershipLevel: null },
      ],
      projects: [
        { name: "Default project" },
        { name: "Default project", organization: OTHER_ORG },
        { name: "Default project", organization: "0190a6e1-0000-7000-8000-0000000000c3" },
      ],
    },
  ),
  factoryFact("test_can_update_and_retrieve_person_property_names_excluded_from_correlation", async (w) => {
    const config = { excluded_person_property_names: ["$os"] };
    expect(
      (await w.request("PATCH", w.projectPath("", "@current"), { body: { correlation_config: config } })).status,
    ).toBe(200);
    const reply = await current(w);
    expect(reply.status).toBe(200);
    expect(reply.body.correlation_config).toEqual(config);
  }),
  ...(
    [
      ["test_fetch_team_as_org_admin_works", 8],
      ["test_fetch_team_as_org_member_works", 1],
    ] as const
  ).map(([name, level]) =>
    factoryFact(name, async (w) => {
      w.setLevel(level);
      const reply = await current(w);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        name: "Default project",
        access_control: false,
        effective_membership_level: level,
      });
    }),
  ),
  factoryFact("test_fetch_team_as_org_outsider", async (w) => {
    w.setLevel(null);
    const reply = await w.request("GET", `/api/organizations/${ORG}/projects/@current/`);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(notFound());
  }),
  factoryFact("test_fetch_nonexistent_team", async (w) => {
    const reply = await w.request("GET", w.projectPath("", 234444));
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(notFound());
  }),
  factoryFact("test_team_creation_is_in_activity_log", async (w) => {
    w.freeze("2022-02-08T00:00:00Z");
    const name = "6b0c1b8e-1f9e-4b63-9b7c-3a8f1a2e4d5c";
    const reply = await w.request("POST", PROJECTS, { body: { name, is_demo: false } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(await w.activity(reply.body.id)).toEqual([
      entry("created", reply.body.id, name, null, "2022-02-08T00:00:00Z"),
    ]);
  }),
  projectFact(
    "test_create_team",
    async (w) => {
      const reply = await w.request("POST", PROJECTS, { body: { name: "Test" } });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ name: "Test", access_control: false, effective_membership_level: 8 });
      expect(w.fake.db.projects.filter((p) => p.organization === ORG)).toHaveLength(2);
    },
    { organizations: [{ id: ORG, name: "Test", membershipLevel: 8, ...limitTen }] },
  ),
  projectFact(
    "test_user_create_project_for_org_via_url",
    async (w) => {
      expect(w.fake.organizationId).toBe(OTHER_ORG);
      const here = await w.request("POST", `/api/organizations/${OTHER_ORG}/projects/`, {
        body: { name: "Via current org" },
      });
      expect(here.status).toBe(201);
      expect(here.body.organization).toBe(OTHER_ORG);
      const there = await w.request("POST", `/api/organizations/${ORG}/projects/`, { body: { name: "Via path org" } });
      expect(there.status, JSON.stringify(there.body)).toBe(201);
      expect(there.body.organization).toBe(ORG);
      expect(w.fake.db.projects).toHaveLength(4);
    },
    {
      // Organization.objects.bootstrap(user) made "other_org" the user's current organization.
      organizations: [
        { id: OTHER_ORG, name: "other_org", membershipLevel: 15, ...limitTen },
        { id: ORG, name: "Test", membershipLevel: 8, ...limitTen },
      ],
      projects: [
        { name: "Default project", organization: ORG },
        { name: "Default project", organization: OTHER_ORG },
      ],
    },
  ),
  projectFact(
    "test_list_projects_restricted_ones_hidden (the visible project's list fields; AccessControl rows not modelled)",
    async (w) => {
      w.setLevel(1);
      const reply = await w.request("GET", PROJECTS);
      expect(reply.status).toBe(200);
      const project = w.record();
      expect(reply.body.results).toEqual([
        {
          id: project.id,
          uuid: project.uuid,
          organization: ORG,
          api_token: project.api_token,
          name: "Default project",
          completed_snippet_onboarding: false,
          has_completed_onboarding_for: { product_analytics: true },
          ingested_event: false,
          is_demo: false,
          timezone: "UTC",
          access_control: false,
        },
      ]);
    },
    { projects: [{ name: "Default project", has_completed_onboarding_for: { product_analytics: true } }] },
  ),
  projectFact(
    "test_cannot_create_project_in_org_without_access",
    async (w) => {
      w.setLevel(null);
      const reply = await w.request("POST", `/api/organizations/${ORG}/projects/`, { body: { name: "Test" } });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual(notFound("Organization not found."));
    },
    { organizations: [{ id: ORG, name: "Test", membershipLevel: 8, ...limitTen }] },
  ),
];

export { denied };
