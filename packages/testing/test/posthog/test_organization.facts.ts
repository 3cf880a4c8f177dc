/**
 * posthog/api/test/test_organization.py: TestOrganizationAPI, TestOrganizationPutPatchPermissions and
 * what TestOrganizationSerializer asserts of the serializer's output. In APIBaseTest the user is a
 * member (level 1) of the test organization; each test raises it where it needs to.
 */
import { expect } from "vitest";
import type { FakeOrganizationInput } from "../../src/index.js";
import { denied, type Fact, notFound, ORG, OTHER_ORG, type World } from "./harness.js";

const P = "posthog/api/test/test_organization.py::";
const fact = (name: string, check: Fact["check"], options?: Fact["options"]): Fact => ({
  source: `${P}${name}`,
  check,
  options: { organizations: [organization()], ...options },
});
/** APIBaseTest's organization: "Test", the user a member, no billing plan (no product features). */
function organization(extra: Partial<FakeOrganizationInput> = {}): FakeOrganizationInput {
  return { id: ORG, name: "Test", membershipLevel: 1, availableProductFeatures: [], ...extra };
}
const ORGANIZATION = `/api/organizations/${ORG}`;
const ORG_2 = "0190a6e1-0000-7000-8000-0000000000c3";
const ORG_3 = "0190a6e1-0000-7000-8000-0000000000d4";
const INSUFFICIENT = denied("Your organization access level is insufficient.");
const stored = (w: World, id = ORG) => {
  const found = w.fake.db.organization(id);
  if (!found) throw new Error(`no organization ${id}`);
  return found;
};

export const organizationFacts: Fact[] = [
  fact("test_get_current_organization", async (w) => {
    const reply = await w.request("GET", "/api/organizations/@current");
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(ORG);
    // Python's `not …`: None or an empty list.
    expect(reply.body.available_product_features ?? []).toEqual([]);
    expect(reply.body).not.toHaveProperty("personalization");
    expect(reply.body).not.toHaveProperty("setup");
  }),
  fact(
    "test_get_current_team_fields",
    async (w) => {
      w.record().is_demo = true;
      const reply = await w.request("GET", "/api/organizations/@current");
      expect(reply.body.id).toBe(ORG);
    },
    {
      projects: [
        { name: "Default project" },
        { is_demo: true, ingested_event: true },
        { completed_snippet_onboarding: true },
      ],
    },
  ),
  fact("test_cant_create_organization_with_custom_plugin_level", async (w) => {
    const reply = await w.request("POST", "/api/organizations/", { body: { name: "Test", plugins_access_level: 6 } });
    expect(reply.status).toBe(201);
    expect(w.fake.db.organizations).toHaveLength(2);
    expect(reply.body.plugins_access_level).toBe(3);
  }),
  ...(["test_update_organization_if_admin", "test_update_organization_if_owner"] as const).map((name) =>
    fact(name, async (w) => {
      w.setLevel(name.endsWith("admin") ? 8 : 15);
      stored(w).settings.is_member_join_email_enabled = true;
      const rename = await w.request("PATCH", ORGANIZATION, { body: { name: "QWERTY" } });
      const email = await w.request("PATCH", ORGANIZATION, { body: { is_member_join_email_enabled: false } });
      expect([rename.status, email.status]).toEqual([200, 200]);
      expect(stored(w).name).toBe("QWERTY");
      expect(stored(w).settings.is_member_join_email_enabled).toBe(false);
    }),
  ),
  fact("test_cannot_update_organization_if_not_owner_or_admin", async (w) => {
    w.setLevel(1);
    const rename = await w.request("PATCH", ORGANIZATION, { body: { name: "ASDFG" } });
    const email = await w.request("PATCH", ORGANIZATION, { body: { is_member_join_email_enabled: false } });
    expect([rename.status, email.status]).toEqual([403, 403]);
    expect(rename.body).toEqual(INSUFFICIENT);
    expect(stored(w).name).not.toBe("ASDFG");
    expect(stored(w).settings.is_member_join_email_enabled).toBe(true);
  }),
  fact("test_cant_update_plugins_access_level", async (w) => {
    w.setLevel(8);
    stored(w).pluginsAccessLevel = 3;
    const reply = await w.request("PATCH", ORGANIZATION, { body: { plugins_access_level: 9 } });
    expect(reply.status).toBe(200);
    expect(stored(w).pluginsAccessLevel).toBe(3);
  }),
  fact("test_enforce_2fa_for_everyone", async (w) => {
    // Only admins may enforce 2FA.
    expect((await w.request("PATCH", `${ORGANIZATION}/`, { body: { enforce_2fa: true } })).status).toBe(403);
    w.setLevel(8);
    stored(w).availableProductFeatures = [{ key: "2fa_enforcement", name: "2FA Enforcement" }];
    const reply = await w.request("PATCH", `${ORGANIZATION}/`, { body: { enforce_2fa: true } });
    expect(reply.status).toBe(200);
    expect(stored(w).settings.enforce_2fa).toBe(true);
  }),
  fact("test_ai_data_processing_consent_capture_event", async (w) => {
    w.setLevel(8);
    const reply = await w.request("PATCH", `${ORGANIZATION}/`, { body: { is_ai_data_processing_approved: true } });
    expect(reply.status).toBe(200);
    expect(stored(w).settings.is_ai_data_processing_approved).toBe(true);
  }),
  fact(
    "test_projects_outside_personal_api_key_scoped_organizations_not_listed",
    async (w) => {
      const key = w.key({ scopedOrganizations: [OTHER_ORG] });
      const reply = await w.request("GET", "/api/organizations/", { auth: { key } });
      expect(reply.status).toBe(200);
      // Only the scoped organization is listed, the other one is excluded.
      expect(new Set(reply.body.results.map((o: { id: string }) => o.id))).toEqual(new Set([OTHER_ORG]));
    },
    { organizations: [organization(), { id: OTHER_ORG, name: "Bootstrapped", membershipLevel: 15 }] },
  ),
  fact("test_projects_outside_oauth_scoped_organizations_causes_401", async (w) => {
    // The test's token is "test_oauth_token", without the pha_ prefix OAuthAccessTokenAuthentication
    // reads: PostHog tries it as a personal API key, finds none, and answers 401.
    const reply = await w.request("GET", "/api/organizations/", { auth: { key: "test_oauth_token" } });
    expect(reply.status).toBe(401);
  }),
  fact(
    "test_delete_organizations_and_verify_list",
    async (w) => {
      w.setLevel(15);
      w.fake.db.currentOrganizationId = ORG;
      const ids = async () => {
        const reply = await w.request("GET", "/api/organizations/");
        return reply.status === 200 ? new Set(reply.body.results.map((o: { id: string }) => o.id)) : reply;
      };
      expect(await ids()).toEqual(new Set([ORG, ORG_2, ORG_3]));
      expect((await w.request("DELETE", `/api/organizations/${ORG_2}`)).status).toBe(204);
      expect(await ids()).toEqual(new Set([ORG, ORG_3]));
      expect((await w.request("DELETE", `/api/organizations/${ORG_3}`)).status).toBe(204);
      expect(await ids()).toEqual(new Set([ORG]));
      // Deleting the last organization works too; then the user belongs to none.
      expect((await w.request("DELETE", ORGANIZATION)).status).toBe(204);
      const none = await w.request("GET", "/api/organizations/");
      expect(none.body).toEqual(notFound("You need to belong to an organization."));
    },
    {
      organizations: [
        organization(),
        { id: ORG_2, name: "Two", membershipLevel: 15 },
        { id: ORG_3, name: "Three", membershipLevel: 15 },
      ],
    },
  ),
  fact("test_can_delete_organization_without_active_subscription", async (w) => {
    w.setLevel(15);
    expect((await w.request("DELETE", ORGANIZATION)).status).toBe(204);
    expect(w.fake.db.organization(ORG)).toBeUndefined();
  }),
  fact("test_put_organization_as_member_forbidden", async (w) => {
    w.setLevel(1);
    const reply = await w.request("PUT", ORGANIZATION, { body: { name: "Updated Name PUT" } });
    expect(reply.status).toBe(403);
  }),
  fact("test_patch_organization_as_member_forbidden", async (w) => {
    w.setLevel(1);
    expect((await w.request("PATCH", ORGANIZATION, { body: { name: "Updated Name PATCH" } })).status).toBe(403);
  }),
  fact("test_patch_consistency_admin", async (w) => {
    w.setLevel(8);
    const reply = await w.request("PATCH", ORGANIZATION, { body: { name: "Admin Updated Name PATCH" } });
    expect(reply.status).toBe(200);
    expect(stored(w).name).toBe("Admin Updated Name PATCH");
  }),
  fact(
    "test_idor_protection_patch",
    async (w) => {
      w.setLevel(8);
      const reply = await w.request("PATCH", `/api/organizations/${OTHER_ORG}`, {
        body: { name: "Hacked Name PATCH" },
      });
      expect([403, 404]).toContain(reply.status);
      expect(stored(w, OTHER_ORG).name).not.toBe("Hacked Name PATCH");
    },
    { organizations: [organization(), { id: OTHER_ORG, name: "Other", membershipLevel: null }] },
  ),
  fact(
    "test_get_teams_with_single_org_no_teams",
    async (w) => {
      expect((await w.request("GET", ORGANIZATION)).body.teams).toEqual([]);
    },
    { projects: [] },
  ),
  fact(
    "test_get_teams_with_single_org_multiple_teams",
    async (w) => {
      const { teams } = (await w.request("GET", ORGANIZATION)).body;
      expect(teams).toHaveLength(3);
      expect(new Set(teams.map((t: { name: string }) => t.name))).toEqual(
        new Set(["Default project", "Test Team 2", "Test Team 3"]),
      );
    },
    { projects: [{ name: "Default project" }, { name: "Test Team 2" }, { name: "Test Team 3" }] },
  ),
  fact(
    "test_get_teams_with_multiple_orgs",
    async (w) => {
      const teams = async (id: string) =>
        (await w.request("GET", `/api/organizations/${id}`)).body.teams.map((t: { name: string }) => t.name);
      expect(await teams(ORG)).toEqual(["Default project"]);
      expect((await teams(OTHER_ORG)).sort()).toEqual(["Default project", "Org 2 Team"]);
    },
    {
      organizations: [organization(), { id: OTHER_ORG, name: "Two", membershipLevel: 15 }],
      projects: [
        { name: "Default project" },
        { name: "Default project", organization: OTHER_ORG },
        { name: "Org 2 Team", organization: OTHER_ORG },
      ],
    },
  ),
];
