/**
 * Seed data describes records that already exist (createFakePostHog's `projects` and
 * `organizations`, hogkit-mock's `--data`): every field of the read schema is accepted, checked by
 * type and enum, and stored as given; create-time defaults fill only what was not given; what a
 * record names exists; an unknown field or a record that contradicts another is an error naming it.
 * (seeds-are-state.test.ts seeds every record the fake returns.)
 */
import { describe, expect, it } from "vitest";
import { createFakePostHog, SeedDataError } from "../src/index.js";
import { call, PROJECTS } from "./helpers.js";

const seeding =
  (projects: unknown[], extra: Record<string, unknown> = {}) =>
  () =>
    createFakePostHog({ projects: projects as never, ...extra });

describe("seed data", () => {
  it("an unknown time zone is refused with PostHog's message, naming the project and field", () => {
    expect(seeding([{ name: "Web" }, { name: "Rover", timezone: "Mars/Olympus" }])).toThrow(
      new SeedDataError('[hogkit fake] projects[1].timezone: "Mars/Olympus" is not a valid choice.'),
    );
  });

  it("each field is checked against the read schema by type and enum, naming the record and the field", () => {
    expect(seeding([{ anonymize_ips: "true" }])).toThrow(
      new SeedDataError('[hogkit fake] projects[0].anonymize_ips: must be boolean, got "true"'),
    );
    expect(seeding([{ week_start_day: 3 }])).toThrow('projects[0].week_start_day: "3" is not a valid choice.');
    expect(seeding([{ app_urls: ["https://ok.example.com", {}] }])).toThrow(
      "projects[0].app_urls[1]: must be string or null, got {}",
    );
    expect(seeding([{ session_recording_sample_rate: "0.534" }])).toThrow(
      'projects[0].session_recording_sample_rate: must match pattern "^-?\\d{0,1}(?:\\.\\d{0,2})?$", got "0.534"',
    );
    expect(seeding([{}, { product_intents: [{ product_type: "surveys" }] }])).toThrow(
      "projects[1].product_intents[0]: must have required property 'created_at'",
    );
    // A secret in a wrong place is not repeated in the message.
    expect(seeding([{ organization: "phx_notAnOrganization123" }])).toThrow(
      'projects[0].organization: must match format "uuid", got "phx_…"',
    );
  });

  it("a record is stored as given: write-only rules and create-time defaults do not touch what a seed gave", async () => {
    const fake = createFakePostHog({
      projects: [
        {
          name: "Given",
          access_control: false,
          test_account_filters: [],
          extra_settings: { poe_v2_enabled: true },
          session_recording_sample_rate: "0.5",
          session_recording_linked_flag: { key: "beta" },
        },
        { name: "Defaults" },
      ],
    });
    const given = await call(fake, "GET", `${PROJECTS}1/`);
    expect(given.body).toMatchObject({
      access_control: false,
      test_account_filters: [],
      extra_settings: { poe_v2_enabled: true },
      session_recording_sample_rate: "0.5",
      session_recording_linked_flag: { key: "beta" },
    });
    // What was not given is as PostHog creates it.
    expect((await call(fake, "GET", `${PROJECTS}2/`)).body).toMatchObject({
      access_control: false,
      test_account_filters: [{ key: "id", type: "cohort", operator: "not_in" }],
      extra_settings: { recorder_script: "posthog-recorder" },
    });
    // The deprecation is a rule of writes: a PATCH still may not send access_control.
    const write = await call(fake, "PATCH", `${PROJECTS}1/`, { body: { access_control: false } });
    expect([write.status, write.body.attr, write.body.detail]).toEqual([
      400,
      "access_control",
      expect.stringContaining("The 'access_control' field has been deprecated"),
    ]);
  });

  it("a seeded primary_dashboard is that project's dashboard: later writes may name it", async () => {
    const fake = createFakePostHog({ projects: [{ name: "Web", primary_dashboard: 501 }, { name: "Other" }] });
    const again = await call(fake, "PATCH", `${PROJECTS}1/`, { body: { primary_dashboard: 501 } });
    expect([again.status, again.body.primary_dashboard]).toEqual([200, 501]);
    const other = await call(fake, "PATCH", `${PROJECTS}1/`, { body: { name: "Web app" } });
    expect([other.status, other.body.primary_dashboard]).toEqual([200, 501]);
    const elsewhere = await call(fake, "PATCH", `${PROJECTS}2/`, { body: { primary_dashboard: 501 } });
    expect([elsewhere.status, elsewhere.body.detail]).toEqual([400, "Dashboard does not belong to this team."]);
    // The other project's new dashboard did not take the seeded id.
    expect(fake.db.project(2)?.primary_dashboard).not.toBe(501);
    expect(seeding([{ primary_dashboard: 7 }, { primary_dashboard: 7 }])).toThrow(
      "projects[1].primary_dashboard: dashboard 7 is already project 1's primary dashboard",
    );
  });

  it("the organizations the projects name are made when organizations is left out, the user at the project's level", async () => {
    const org = "0190a6e1-0000-7000-8000-0000000000ff";
    const fake = createFakePostHog({
      projects: [{ name: "Theirs", organization: org, effective_membership_level: 8 }],
    });
    expect(fake.organizationId).toBe(org);
    const page = await call(fake, "GET", `/api/organizations/${org}/projects/`);
    expect(page.body.results.map((p: { name: string }) => p.name)).toEqual(["Theirs"]);
    expect((await call(fake, "GET", `/api/organizations/${org}/`)).body.membership_level).toBe(8);
    expect(
      seeding([
        { organization: org, effective_membership_level: 8 },
        { organization: org, effective_membership_level: 1 },
      ]),
    ).toThrow(`projects[1].effective_membership_level: 1, but the user's level in organization ${org} is 8`);
    expect(seeding([{ effective_membership_level: 1 }])).toThrow(
      "projects[0].effective_membership_level: 1, but the user's level in organization",
    );
  });

  it("an unknown or misspelt field is an error, never a silent no-op", () => {
    expect(seeding([{ name: "Web", timezon: "UTC" }])).toThrow(
      "[hogkit fake] projects[0].timezon: not a field of ProjectBackwardCompat (misspelt?)",
    );
    expect(seeding([{ constructor: "x" }])).toThrow("projects[0].constructor: not a field of ProjectBackwardCompat");
  });

  it("read-only values may be seeded, but must fit the response schema", () => {
    const fake = createFakePostHog({
      projects: [{ id: 42, api_token: "phc_fixture", secret_api_token: "phs_fixture" }],
    });
    expect(fake.db.project(42)).toMatchObject({ id: 42, api_token: "phc_fixture", secret_api_token: "phs_fixture" });
    expect(seeding([{ api_token: 5 }])).toThrow(/^\[hogkit fake\] projects\[0\]\.api_token: must be string/);
    expect(seeding([{ id: -3 }])).toThrow("projects[0].id must be a positive integer");
    expect(seeding([{ id: 7 }, { id: 7 }])).toThrow("projects[1].id: two projects with id 7");
  });

  it("organizations and keys are checked too", () => {
    // Given organizations are all there is: a project naming another is a mistake.
    expect(seeding([{ organization: "0190a6e1-0000-7000-8000-0000000000ff" }], { organizations: [{}] })).toThrow(
      "projects[0].organization: no organization 0190a6e1-0000-7000-8000-0000000000ff in the fake",
    );
    expect(() => createFakePostHog({ organizations: [{ id: "acme" }] })).toThrow("organizations[0].id must be a UUID");
    expect(() => createFakePostHog({ keys: [{ kind: "oauth", key: "phx_not_oauth" }] })).toThrow(
      "keys[0].key: PostHog recognises OAuth access tokens by their pha_ prefix",
    );
    const keys =
      (...list: unknown[]) =>
      () =>
        createFakePostHog({ keys: list as never });
    // A string of scopes would be spread into characters: it is refused instead.
    expect(keys({ scopes: "project:read" })).toThrow("keys[0].scopes: must be a list of PostHog scopes");
    expect(keys({}, { scopes: ["project:reed"] })).toThrow("keys[1].scopes: must be a list of PostHog scopes");
    expect(keys({ scopedTeams: ["1"] })).toThrow("keys[0].scopedTeams: must be a list of project ids");
    expect(keys({ scopedOrganizations: ["acme"] })).toThrow("keys[0].scopedOrganizations: must be a list");
    expect(keys({ scope: ["*"] })).toThrow("keys[0].scope: not a key option (misspelt?)");
    expect(() => createFakePostHog().createKey({ scopes: "*" as never })).toThrow(SeedDataError);
    expect(() => createFakePostHog({ organizations: [{ membershipLevel: 2 as never }] })).toThrow(
      "organizations[0].membershipLevel: must be 1 (member), 8 (admin), 15 (owner) or null",
    );
    expect(() => createFakePostHog({ organizations: [{ name: "" }] })).toThrow("organizations[0].name");
  });
});

describe("seeded organizations", () => {
  const ORG = "0190a6e1-0000-7000-8000-00000000abcd";
  const LOGO = "0190a6e1-0000-7000-8000-00000000f00d";
  const organizations = (list: unknown[], extra: Record<string, unknown> = {}) =>
    seeding([], { organizations: list, ...extra });

  it("take PostHog's record as it returns it: fields stored as given, what they name made to exist", async () => {
    const record = {
      id: ORG,
      name: "Acme",
      slug: "acme-inc",
      created_at: "2022-03-04T05:06:07.000000Z",
      updated_at: "2023-03-04T05:06:07.000000Z",
      membership_level: 8 as const,
      plugins_access_level: 9 as const,
      member_count: 4,
      customer_id: "cus_123",
      metadata: { instance_tag: "eu" },
      available_product_features: [{ key: "organizations_projects", name: "Projects", limit: null }],
      is_member_join_email_enabled: false,
      default_experiment_stats_method: "frequentist" as const,
      logo_media_id: LOGO,
      teams: [{ id: 7, project_id: 7, organization: ORG, name: "Seven", timezone: "Europe/Paris" }],
      projects: [{ id: 7, organization_id: ORG, name: "Seven" }],
    };
    const fake = createFakePostHog({ organizations: [record] });
    const read = await call(fake, "GET", `/api/organizations/${ORG}/`);
    const { teams, ...rest } = record;
    expect(read.body).toMatchObject(rest);
    expect(read.body.teams).toMatchObject(teams);
    // The team is a project, its seeded fields set; a new one takes the next id.
    expect((await call(fake, "GET", `/api/organizations/${ORG}/projects/7/`)).body).toMatchObject({
      name: "Seven",
      timezone: "Europe/Paris",
    });
    const created = await call(fake, "POST", `/api/organizations/${ORG}/projects/`, { body: { name: "Eight" } });
    expect([created.status, created.body.id]).toEqual([201, 8]);
    // The logo is uploaded media: writing it again is no error.
    const again = await call(fake, "PATCH", `/api/organizations/${ORG}/`, { body: { logo_media_id: LOGO } });
    expect([again.status, again.body.logo_media_id]).toEqual([200, LOGO]);
    // A plan of null is PostHog's "no features" (the free plan), and reads back null.
    const free = createFakePostHog({ organizations: [{ available_product_features: null }] });
    expect((await call(free, "GET", "/api/organizations/@current/")).body.available_product_features).toBeNull();
  });

  it("an option and the field it stands for must agree; unknown fields and junk plans are errors", () => {
    expect(organizations([{ membershipLevel: 15, membership_level: 8 }])).toThrow(
      new SeedDataError(
        "[hogkit fake] organizations[0].membershipLevel: 15 disagrees with membership_level: 8: give one of them",
      ),
    );
    expect(organizations([{}, { nmae: "Acme" }])).toThrow(
      "organizations[1].nmae: not a field of Organization nor an option (misspelt?)",
    );
    expect(organizations([{ available_product_features: [null] }])).toThrow(
      "organizations[0].available_product_features[0]: must be { key, name?, limit? } (a PostHog AvailableFeature), got null",
    );
    expect(organizations([{ membersCanCreateProjects: "yes" }])).toThrow(
      'organizations[0].membersCanCreateProjects: must be true or false, got "yes"',
    );
    expect(organizations([{ member_count: 0 }])).toThrow("organizations[0].member_count: 0 leaves out the user");
  });

  it("a record that contradicts the rest of the seed is refused, naming the field", () => {
    expect(organizations([{ teams: [{ id: 1, name: "Web" }] }], { projects: [{ id: 1, name: "App" }] })).toThrow(
      'organizations[0].teams[0].name: seeded as "Web", but the rest of the seed makes it "App"',
    );
    expect(organizations([{ member_count: 2, members: [{ level: 1 }, { level: 8 }] }])).toThrow(
      "organizations[0].member_count: seeded as 2, but the rest of the seed makes it 3",
    );
    expect(organizations([{ teams: [{ id: 1, project_id: 2 }] }])).toThrow(
      "organizations[0].teams[0].project_id: 2 is not the team's id 1",
    );
  });
});
