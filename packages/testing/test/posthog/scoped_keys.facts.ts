/**
 * Keys and tokens limited to some organizations or projects, on this API's routes:
 * posthog/api/test/test_personal_api_keys.py (PersonalAPIKeysBaseTest: the user also owns a
 * bootstrapped second organization; the key has every scope) and posthog/test/test_permissions.py
 * (OAuth access tokens, scoped the same way). Assertions about `/api/projects/…` routes, which this
 * API does not have, are left out.
 */
import { expect } from "vitest";
import type { FakeApiKeyInput, FakePostHogOptions } from "../../src/index.js";
import { type Fact, ORG, OTHER_ORG, type World } from "./harness.js";

const PROJECT_BASED = "API keys with scoped projects are only supported on project-based endpoints.";
const KEYS_FILE = "posthog/api/test/test_personal_api_keys.py::";
const PERMISSIONS_FILE = "posthog/test/test_permissions.py::";

/** PersonalAPIKeysBaseTest / BaseTest: the test organization, and one the user bootstrapped (owner). */
const world: FakePostHogOptions = {
  organizations: [
    { id: ORG, name: "Test", membershipLevel: 8 },
    { id: OTHER_ORG, name: "Other", membershipLevel: 15 },
  ],
  projects: [{ name: "Default project" }, { name: "Default project", organization: OTHER_ORG }],
};
/** An organization the user is not in (`Organization.objects.bootstrap(user=other_user)`). */
const STRANGER = "0190a6e1-0000-7000-8000-0000000000e5";
const withStranger: FakePostHogOptions = {
  ...world,
  organizations: [...(world.organizations ?? []), { id: STRANGER, name: "Someone else's", membershipLevel: null }],
};

const keyed = (
  file: string,
  name: string,
  key: FakeApiKeyInput,
  check: (w: World, key: string) => Promise<void>,
  options = world,
): Fact => ({
  source: `${file}${name}`,
  options,
  check: (w) => check(w, w.key(key)),
});
const get = (w: World, path: string, key: string) => w.request("GET", path, { auth: { key } });

const orgScoped: FakeApiKeyInput = { scopes: ["*"], scopedOrganizations: [ORG] };
const teamScoped = (w: World): FakeApiKeyInput => ({ scopes: ["*"], scopedTeams: [w.id] });

export const scopedKeyFacts: Fact[] = [
  keyed(
    KEYS_FILE,
    "test_allows_access_to_scoped_org (TestPersonalAPIKeysWithOrganizationScopeAPIAuthentication)",
    orgScoped,
    async (w, key) => {
      expect((await get(w, `/api/organizations/${ORG}`, key)).status).toBe(200);
      expect((await get(w, `/api/organizations/${ORG}/projects`, key)).status).toBe(200);
    },
  ),
  keyed(
    KEYS_FILE,
    "test_allows_access_to_scoped_org_teams (TestPersonalAPIKeysWithOrganizationScopeAPIAuthentication)",
    orgScoped,
    async (w, key) => {
      expect((await get(w, `/api/organizations/${ORG}/projects/${w.id}`, key)).status).toBe(200);
    },
  ),
  keyed(
    KEYS_FILE,
    "test_denies_access_to_non_scoped_org_and_team (TestPersonalAPIKeysWithOrganizationScopeAPIAuthentication)",
    orgScoped,
    async (w, key) => {
      // In the organizations endpoint this is a 404, as PostHog filters at the queryset level.
      expect((await get(w, `/api/organizations/${OTHER_ORG}`, key)).status).toBe(404);
    },
  ),
  {
    source: `${KEYS_FILE}test_allows_access_to_team_resources (TestPersonalAPIKeysWithTeamScopeAPIAuthentication)`,
    options: world,
    async check(w) {
      const key = w.key(teamScoped(w));
      expect((await get(w, `/api/organizations/${ORG}/projects/${w.id}`, key)).status).toBe(200);
    },
  },
  {
    source: `${KEYS_FILE}test_denies_access_to_org_resources (TestPersonalAPIKeysWithTeamScopeAPIAuthentication)`,
    options: world,
    async check(w) {
      const key = w.key(teamScoped(w));
      const projects = await get(w, `/api/organizations/${ORG}/projects`, key);
      const organization = await get(w, `/api/organizations/${ORG}`, key);
      expect([projects.status, organization.status]).toEqual([403, 403]);
      expect(organization.body.detail).toBe(PROJECT_BASED);
    },
  },
  {
    source: `${KEYS_FILE}test_denies_access_to_non_scoped_org_and_team (TestPersonalAPIKeysWithTeamScopeAPIAuthentication)`,
    options: world,
    async check(w) {
      const key = w.key(teamScoped(w));
      expect((await get(w, `/api/organizations/${OTHER_ORG}`, key)).status).toBe(403);
    },
  },
  keyed(
    PERMISSIONS_FILE,
    "test_allows_access_to_scoped_org (TestOAuthAccessTokenWithOrganizationScoping)",
    { kind: "oauth", scopes: ["*"], scopedOrganizations: [ORG] },
    async (w, key) => {
      expect((await get(w, `/api/organizations/${ORG}/`, key)).status).toBe(200);
    },
  ),
  keyed(
    PERMISSIONS_FILE,
    "test_denies_access_to_non_scoped_org_and_team (TestOAuthAccessTokenWithOrganizationScoping)",
    { kind: "oauth", scopes: ["*"], scopedOrganizations: [ORG] },
    async (w, key) => {
      expect((await get(w, `/api/organizations/${STRANGER}/`, key)).status).toBe(404);
    },
    withStranger,
  ),
  {
    source: `${PERMISSIONS_FILE}test_denies_access_to_org_endpoint_when_teams_scoped (TestOAuthAccessTokenWithBothTeamAndOrgScoping)`,
    options: world,
    async check(w) {
      const key = w.key({ kind: "oauth", scopes: ["*"], scopedOrganizations: [ORG], scopedTeams: [w.id] });
      const reply = await get(w, `/api/organizations/${ORG}/`, key);
      expect(reply.status).toBe(403);
      expect(reply.body.detail).toContain("only supported on project-based endpoints");
    },
  },
];
