/**
 * Seed data is checked like a request (createFakePostHog's `projects`, hogkit-mock's `--data`): the
 * same DRF fields and PostHog validators as a PATCH, the response schema for read-only values, and no
 * unknown fields — so a fixture never holds what PostHog would refuse to store.
 */
import { describe, expect, it } from "vitest";
import { createFakePostHog, SeedDataError } from "../src/index.js";

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

  it("each writable field goes through its DRF field and PostHog validator", () => {
    expect(seeding([{ name: "   " }])).toThrow("projects[0].name: This field may not be blank.");
    expect(seeding([{ session_recording_sample_rate: "0.534" }])).toThrow(
      "projects[0].session_recording_sample_rate: Ensure that there are no more than 2 decimal places.",
    );
    expect(seeding([{ session_recording_linked_flag: { key: "x" } }])).toThrow(
      "projects[0].session_recording_linked_flag: Must provide a dictionary with only 'id' and 'key' keys.",
    );
    expect(seeding([{ app_urls: ["https://ok.example.com", {}] }])).toThrow(
      "projects[0].app_urls__1: Not a valid string.",
    );
  });

  it("values are stored as PostHog would store them (coerced, nulls dropped from lists)", () => {
    const fake = createFakePostHog({
      projects: [
        {
          anonymize_ips: "true" as never,
          app_urls: ["https://a.example.com", null as never],
          session_recording_sample_rate: 0.5 as never,
        },
      ],
    });
    expect(fake.db.projects[0]).toMatchObject({
      anonymize_ips: true,
      app_urls: ["https://a.example.com"],
      session_recording_sample_rate: "0.50",
    });
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
    expect(seeding([{ organization: "0190a6e1-0000-7000-8000-0000000000ff" }])).toThrow(
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
