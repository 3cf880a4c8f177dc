/**
 * posthog/api/test/test_team.py: team_api_test_factory (run by TestProjectAPI against /api/projects/,
 * and by TestTeamAPI against /api/environments/, which PostHog rewrites to /api/projects/), the
 * TestTeamAPI class, TestTeamAdminFieldAuthorization and TestTeamSerializerValidationNoDB (the same
 * validators, asserted here through PATCH, where they run). Paths are the organization-nested ones of
 * this API: `/api/environments/@current/` is `/api/organizations/@current/projects/@current/`.
 */
import { expect } from "vitest";
import { denied, entry, type Fact, notFound, ORG, OTHER_ORG, validation, type World } from "./harness.js";

const T = "posthog/api/test/test_team.py::";
const fact = (name: string, check: Fact["check"], options?: Fact["options"]): Fact => ({
  source: `${T}${name}`,
  check,
  options,
});
const FROZEN = "2022-02-08T00:00:00Z";
const SECRET = "phs_JVRb8fNi0XyIKGgUCyi29ZJUOXEr6NF2dKBy5Ws8XVeF11C";
const BACKUP = "phs_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const mask = (token: string) => `${token.slice(0, 4)}...${token.slice(-4)}`;
const current = (w: World) => w.request("GET", w.projectPath("", "@current"));
const patchCurrent = (w: World, body: unknown, auth?: Parameters<World["patch"]>[1]) =>
  w.request("PATCH", w.projectPath("", "@current"), { body, auth });
const withOtherOrg = {
  organizations: [
    { id: ORG, name: "Test", membershipLevel: 8 as const },
    { id: OTHER_ORG, name: "New Org", membershipLevel: null },
  ],
  projects: [{ name: "Default project" }, { name: "Default project", organization: OTHER_ORG }],
};

async function patchConfig(w: World, name: string, value: unknown) {
  const reply = await patchCurrent(w, { [name]: value });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}
async function expectConfig(w: World, name: string, value: unknown) {
  const reply = await current(w);
  expect(reply.status).toBe(200);
  expect(reply.body[name]).toEqual(value);
}

const factory: Fact[] = [
  fact("test_list_teams", async (w) => {
    const reply = await w.request("GET", "/api/organizations/@current/projects/");
    expect(reply.status).toBe(200);
    expect(reply.body.results).toHaveLength(1);
    expect(reply.body.results[0].name).toBe("Default project");
    for (const field of [
      "test_account_filters",
      "data_attributes",
      "event_names",
      "event_properties",
      "event_properties_numerical",
    ]) {
      expect(reply.body.results[0]).not.toHaveProperty(field);
    }
  }),
  fact("test_retrieve_team", async (w) => {
    const reply = await current(w);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      name: "Default project",
      timezone: "UTC",
      is_demo: false,
      has_group_types: false,
    });
    expect(reply.body.person_on_events_querying_enabled).toBe(false);
    for (const field of [
      "event_names",
      "event_properties",
      "event_properties_numerical",
      "event_names_with_usage",
      "event_properties_with_usage",
    ]) {
      expect(reply.body).not.toHaveProperty(field);
    }
  }),
  fact("test_retrieve_team_has_group_types (before any group type mapping)", async (w) => {
    const reply = await current(w);
    expect(reply.status).toBe(200);
    expect(reply.body.has_group_types).toBe(false);
    expect(reply.body.group_types).toEqual([]);
  }),
  fact(
    "test_cant_retrieve_team_from_another_org",
    async (w) => {
      const reply = await w.request("GET", w.projectPath("", 2));
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual(notFound());
    },
    withOtherOrg,
  ),
  fact("test_update_team_timezone", async (w) => {
    w.freeze(FROZEN);
    expect(await w.activity()).toEqual([]);
    const reply = await patchCurrent(w, { timezone: "Europe/Lisbon" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: "Default project", timezone: "Europe/Lisbon" });
    expect(w.record().timezone).toBe("Europe/Lisbon");
    expect(await w.activity()).toEqual([
      entry(
        "updated",
        w.id,
        "Default project",
        [{ action: "changed", after: "Europe/Lisbon", before: "UTC", field: "timezone", type: "Team" }],
        FROZEN,
      ),
    ]);
  }),
  fact("test_update_test_filter_default_checked", async (w) => {
    const reply = await patchCurrent(w, { test_account_filters_default_checked: "true" });
    expect(reply.status).toBe(200);
    expect(reply.body.test_account_filters_default_checked).toBe(true);
    expect(w.record().test_account_filters_default_checked).toBe(true);
  }),
  fact("test_cannot_set_invalid_timezone_for_team", async (w) => {
    const reply = await patchCurrent(w, { timezone: "America/I_Dont_Exist" });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(
      validation('"America/I_Dont_Exist" is not a valid choice.', "timezone", "invalid_choice"),
    );
    expect(w.record().timezone).not.toBe("America/I_Dont_Exist");
  }),
  fact(
    "test_cant_update_team_from_another_org",
    async (w) => {
      const reply = await w.request("PATCH", w.projectPath("", 2), { body: { timezone: "Africa/Accra" } });
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual(notFound());
      expect(w.record(2).timezone).toBe("UTC");
    },
    withOtherOrg,
  ),
  fact("test_filter_permission", async (w) => {
    const filters = [{ key: "$current_url", value: "test" }];
    const reply = await w.patch({ test_account_filters: filters });
    expect(reply.status).toBe(200);
    expect(reply.body.name).toBe("Default project");
    expect(reply.body.test_account_filters).toEqual(filters);
  }),
  fact(
    "test_delete_team_own_second",
    async (w) => {
      const second = w.fake.db.projects[1];
      expect(second?.name).toBe("Default project 2");
      expect(w.fake.db.projects.filter((p) => p.organization === ORG)).toHaveLength(2);
      const reply = await w.request("DELETE", w.projectPath("", second?.id));
      expect(reply.status).toBe(204);
    },
    { projects: [{ name: "Default project" }, {}] },
  ),
  fact("test_reset_token", async (w) => {
    w.freeze(FROZEN);
    expect(await w.activity()).toEqual([]);
    w.record().api_token = "xyz";
    const reply = await w.request("PATCH", w.projectPath("reset_token"));
    expect(reply.status).toBe(200);
    expect(reply.body.api_token).not.toBe("xyz");
    expect(reply.body.api_token).toBe(w.record().api_token);
    expect(reply.body.api_token.startsWith("phc_")).toBe(true);
    expect(await w.activity()).toEqual([
      entry(
        "updated",
        w.id,
        "Default project",
        [{ action: "changed", after: w.record().api_token, before: "xyz", field: "api_token", type: "Team" }],
        FROZEN,
      ),
    ]);
  }),
  fact("test_reset_token_insufficient_privileges", async (w) => {
    w.setLevel(1);
    w.record().api_token = "xyz";
    expect((await w.request("PATCH", w.projectPath("reset_token"))).status).toBe(403);
  }),
  fact("test_generate_secret_token", async (w) => {
    w.freeze(FROZEN);
    expect(await w.activity()).toEqual([]);
    Object.assign(w.record(), { secret_api_token: null, secret_api_token_backup: null });
    const reply = await w.request("PATCH", w.projectPath("rotate_secret_token"));
    expect(reply.status).toBe(200);
    const created = w.record().secret_api_token ?? "";
    expect(created.startsWith("phs_")).toBe(true);
    expect(reply.body.secret_api_token).toBe(created);
    expect(w.record().secret_api_token_backup).toBeNull();
    expect(await w.activity()).toEqual([
      entry(
        "updated",
        w.id,
        "Default project",
        [
          {
            action: "created",
            after: { secret_api_token: mask(created) },
            before: { secret_api_token: null },
            field: "secret_api_token",
            type: "Team",
          },
        ],
        FROZEN,
      ),
    ]);
  }),
  fact("test_rotate_secret_token", async (w) => {
    w.freeze(FROZEN);
    expect(await w.activity()).toEqual([]);
    Object.assign(w.record(), { secret_api_token: SECRET, secret_api_token_backup: null });
    const reply = await w.request("PATCH", w.projectPath("rotate_secret_token"));
    expect(reply.status).toBe(200);
    expect(reply.body.secret_api_token).not.toBe(SECRET);
    expect(reply.body.secret_api_token).not.toBe(w.record().secret_api_token_backup);
    expect(reply.body.secret_api_token).toBe(w.record().secret_api_token);
    expect(reply.body.secret_api_token.startsWith("phs_")).toBe(true);
    expect(reply.body.secret_api_token_backup).toBe(SECRET);
    expect(await w.activity()).toEqual([
      entry(
        "updated",
        w.id,
        "Default project",
        [
          {
            action: "changed",
            after: { secret_api_token: mask(w.record().secret_api_token), secret_api_token_backup: "phs_...F11C" },
            before: { secret_api_token: "phs_...F11C", secret_api_token_backup: null },
            field: "secret_api_token",
            type: "Team",
          },
        ],
        FROZEN,
      ),
    ]);
  }),
  fact("test_rotate_secret_token_overwrites_backup_token", async (w) => {
    w.freeze(FROZEN);
    Object.assign(w.record(), { secret_api_token: SECRET, secret_api_token_backup: BACKUP });
    const reply = await w.request("PATCH", w.projectPath("rotate_secret_token"));
    expect(reply.status).toBe(200);
    expect(reply.body.secret_api_token).not.toBe(SECRET);
    expect(reply.body.secret_api_token).toBe(w.record().secret_api_token);
    expect(reply.body.secret_api_token.startsWith("phs_")).toBe(true);
    expect(reply.body.secret_api_token_backup).toBe(SECRET);
    expect(await w.activity()).toEqual([
      entry(
        "updated",
        w.id,
        "Default project",
        [
          {
            action: "changed",
            after: { secret_api_token: mask(w.record().secret_api_token), secret_api_token_backup: "phs_...F11C" },
            before: { secret_api_token: "phs_...F11C", secret_api_token_backup: "phs_...6789" },
            field: "secret_api_token",
            type: "Team",
          },
        ],
        FROZEN,
      ),
    ]);
  }),
  fact(
    "test_secret_token_generation_when_psak_enabled (no_existing_token)",
    async (w) => {
      Object.assign(w.record(), { secret_api_token: null, secret_api_token_backup: null });
      const reply = await w.request("PATCH", w.projectPath("rotate_secret_token"));
      expect(reply.status).toBe(400);
      expect(reply.body.detail).toContain("project secret API key");
      expect(w.record().secret_api_token).toBeNull();
    },
    { featureFlags: ["project-secret-api-keys"] },
  ),
  fact(
    "test_secret_token_generation_when_psak_enabled (existing_token)",
    async (w) => {
      Object.assign(w.record(), { secret_api_token: SECRET, secret_api_token_backup: null });
      const reply = await w.request("PATCH", w.projectPath("rotate_secret_token"));
      expect(reply.status).toBe(200);
      expect(w.record().secret_api_token).not.toBe(SECRET);
      expect(w.record().secret_api_token.startsWith("phs_")).toBe(true);
      expect(w.record().secret_api_token_backup).toBe(SECRET);
    },
    { featureFlags: ["project-secret-api-keys"] },
  ),
  fact("test_delete_secret_backup_token", async (w) => {
    w.freeze(FROZEN);
    expect(await w.activity()).toEqual([]);
    Object.assign(w.record(), { secret_api_token: SECRET, secret_api_token_backup: BACKUP });
    const reply = await w.request("PATCH", w.projectPath("delete_secret_token_backup"));
    expect(reply.status).toBe(200);
    expect(reply.body.secret_api_token).toBe(SECRET);
    expect(reply.body.secret_api_token_backup).toBeNull();
    expect(w.record().secret_api_token_backup).toBeNull();
    expect(await w.activity()).toEqual([
      entry(
        "updated",
        w.id,
        "Default project",
        [{ action: "deleted", after: null, before: "phs_...6789", field: "secret_api_token_backup", type: "Team" }],
        FROZEN,
      ),
    ]);
  }),
  fact("test_rotate_secret_token_insufficient_privileges", async (w) => {
    w.setLevel(1);
    Object.assign(w.record(), { secret_api_token: SECRET, secret_api_token_backup: null });
    expect((await w.request("PATCH", w.projectPath("rotate_secret_token"))).status).toBe(403);
    expect(w.record().secret_api_token).toBe(SECRET);
    expect(w.record().secret_api_token_backup).toBeNull();
  }),
  fact("test_delete_secret_token_backup_insufficient_privileges", async (w) => {
    w.setLevel(1);
    Object.assign(w.record(), { secret_api_token: SECRET, secret_api_token_backup: BACKUP });
    expect((await w.request("PATCH", w.projectPath("delete_secret_token_backup"))).status).toBe(403);
    expect(w.record().secret_api_token).toBe(SECRET);
    expect(w.record().secret_api_token_backup).toBe(BACKUP);
  }),
  fact("test_update_primary_dashboard", async (w) => {
    const dashboard = w.fake.db.addDashboard(w.id);
    const reply = await patchCurrent(w, { primary_dashboard: dashboard });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.name).toBe("Default project");
    expect(reply.body.primary_dashboard).toBe(dashboard);
  }),
  fact(
    "test_cant_set_primary_dashboard_to_another_teams_dashboard",
    async (w) => {
      w.record().primary_dashboard = null;
      const other = w.fake.db.projects[1]?.id ?? 0;
      const dashboard = w.fake.db.addDashboard(other);
      const reply = await patchCurrent(w, { primary_dashboard: dashboard });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual(validation("Dashboard does not belong to this team.", "primary_dashboard"));
    },
    { projects: [{ name: "Default project" }, { name: "Default project 2" }] },
  ),
  fact("test_is_generating_demo_data", async (w) => {
    w.fake.db.setGeneratingDemoData(w.id, true);
    const on = await w.get("is_generating_demo_data");
    expect([on.status, on.body]).toEqual([200, { is_generating_demo_data: true }]);
    w.fake.db.setGeneratingDemoData(w.id, false);
    const off = await w.get("is_generating_demo_data");
    expect([off.status, off.body]).toEqual([200, { is_generating_demo_data: false }]);
  }),
  fact("test_team_float_config_can_be_serialized_to_activity_log", async (w) => {
    w.freeze(FROZEN);
    const reply = await patchCurrent(w, { session_recording_sample_rate: 0.4 });
    expect(reply.status).toBe(200);
    expect(await w.activity()).toEqual([
      entry(
        "updated",
        w.id,
        "Default project",
        [{ action: "created", after: "0.4", before: null, field: "session_recording_sample_rate", type: "Team" }],
        FROZEN,
      ),
    ]);
  }),
  fact("test_turn_on_exception_autocapture", async (w) => {
    expect((await current(w)).body.autocapture_exceptions_opt_in).toBeNull();
    const refused = await patchCurrent(w, { autocapture_exceptions_opt_in: "Welwyn Garden City" });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe("Must be a valid boolean.");
    expect((await patchCurrent(w, { autocapture_exceptions_opt_in: true })).status).toBe(200);
    expect((await current(w)).body.autocapture_exceptions_opt_in).toBe(true);
  }),
  fact("test_configure_exception_autocapture_event_dropping", async (w) => {
    expect((await current(w)).body.autocapture_exceptions_errors_to_ignore).toBeNull();
    const notList = await patchCurrent(w, { autocapture_exceptions_errors_to_ignore: { wat: "am i" } });
    expect(notList.status).toBe(400);
    expect(notList.body.detail).toBe("Must provide a list for field: autocapture_exceptions_errors_to_ignore.");
    const notStrings = await patchCurrent(w, { autocapture_exceptions_errors_to_ignore: [1, false] });
    expect(notStrings.status).toBe(400);
    expect(notStrings.body.detail).toBe(
      "Must provide a list of strings to field: autocapture_exceptions_errors_to_ignore.",
    );
    expect((await patchCurrent(w, { autocapture_exceptions_errors_to_ignore: ["wat am i"] })).status).toBe(200);
    expect((await current(w)).body.autocapture_exceptions_errors_to_ignore).toEqual(["wat am i"]);
  }),
  fact("test_configure_exception_autocapture_event_dropping_only_allows_simple_config", async (w) => {
    const reply = await patchCurrent(w, { autocapture_exceptions_errors_to_ignore: ["abc".repeat(300)] });
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toBe(
      "Field autocapture_exceptions_errors_to_ignore must be less than 300 characters. Complex config should be provided in posthog-js initialization.",
    );
  }),
  fact("test_invalid_session_recording_config_returns_validation_error_envelope", async (w) => {
    const reply = await patchCurrent(w, { session_recording_sample_rate: "Welwyn Garden City" });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      attr: "session_recording_sample_rate",
      code: "invalid_input",
      detail: "A valid number is required.",
      type: "validation_error",
    });
  }),
  fact("test_can_set_and_unset_session_recording_linked_flag", async (w) => {
    await patchConfig(w, "session_recording_linked_flag", { id: 1, key: "provided_value" });
    await expectConfig(w, "session_recording_linked_flag", { id: 1, key: "provided_value" });
    await patchConfig(w, "session_recording_linked_flag", null);
    await expectConfig(w, "session_recording_linked_flag", null);
  }),
  fact("test_can_set_and_unset_session_recording_linked_flag_variant", async (w) => {
    await patchConfig(w, "session_recording_linked_flag", { id: 1, key: "provided_value", variant: "test" });
    await expectConfig(w, "session_recording_linked_flag", { id: 1, key: "provided_value", variant: "test" });
    await patchConfig(w, "session_recording_linked_flag", null);
    await expectConfig(w, "session_recording_linked_flag", null);
  }),
  fact("test_can_set_and_unset_session_recording_network_payload_capture_config", async (w) => {
    const name = "session_recording_network_payload_capture_config";
    await patchConfig(w, name, { recordHeaders: true });
    await expectConfig(w, name, { recordHeaders: true });
    await patchConfig(w, name, { recordBody: false });
    await expectConfig(w, name, { recordBody: false });
    await patchConfig(w, name, null);
    await expectConfig(w, name, null);
  }),
  fact("test_can_set_and_unset_survey_settings", async (w) => {
    const appearance: Record<string, string> = {
      thankYouMessageHeader: "Thanks for your feedback!",
      thankYouMessageDescription: "We'll use it to make notebooks better",
      backgroundColor: "#ffcc99",
    };
    await patchConfig(w, "survey_config", { appearance });
    await expectConfig(w, "survey_config", { appearance });
    appearance.zIndex = "100001";
    await patchConfig(w, "survey_config", { appearance });
    await expectConfig(w, "survey_config", { appearance });
    appearance.thankYouMessageHeader = "Thanks!";
    await patchConfig(w, "survey_config", { appearance });
    await expectConfig(w, "survey_config", { appearance });
    await patchConfig(w, "survey_config", null);
    // PostHog's test ends by checking session_replay_config (its helper's name), which stays unset.
    await expectConfig(w, "session_replay_config", null);
  }),
  fact("test_can_set_and_unset_session_replay_config", async (w) => {
    await patchConfig(w, "session_replay_config", { record_canvas: true });
    await expectConfig(w, "session_replay_config", { record_canvas: true });
    await patchConfig(w, "session_replay_config", null);
    await expectConfig(w, "session_replay_config", null);
  }),
  fact("test_can_set_and_unset_session_replay_config_ai_config", async (w) => {
    await patchConfig(w, "session_replay_config", { ai_config: { opt_in: true } });
    await expectConfig(w, "session_replay_config", { ai_config: { opt_in: true } });
    const preferences = { ai_config: { opt_in: false, included_event_properties: ["something"] } };
    await patchConfig(w, "session_replay_config", preferences);
    await expectConfig(w, "session_replay_config", preferences);
    await patchConfig(w, "session_replay_config", { ai_config: null });
    await expectConfig(w, "session_replay_config", { ai_config: null });
  }),
  fact("test_can_set_replay_configs_without_providing_them_all", async (w) => {
    await patchConfig(w, "session_replay_config", { ai_config: { opt_in: true } });
    await expectConfig(w, "session_replay_config", { ai_config: { opt_in: true } });
    await patchConfig(w, "session_replay_config", { record_canvas: true });
    await expectConfig(w, "session_replay_config", { record_canvas: true, ai_config: { opt_in: true } });
  }),
  fact("test_can_set_replay_configs_without_providing_them_all_even_when_either_side_is_none", async (w) => {
    const steps: Array<[unknown, unknown]> = [
      [
        { record_canvas: true, ai_config: { opt_in: true } },
        { record_canvas: true, ai_config: { opt_in: true } },
      ],
      [{ record_canvas: null }, { record_canvas: null, ai_config: { opt_in: true } }],
      [null, null],
      [{ ai_config: null }, { ai_config: null }],
      [{ ai_config: { opt_in: true } }, { ai_config: { opt_in: true } }],
      [{ ai_config: null }, { ai_config: null }],
    ];
    for (const [sent, stored] of steps) {
      await patchConfig(w, "session_replay_config", sent);
      await expectConfig(w, "session_replay_config", stored);
    }
  }),
  fact("test_can_set_replay_configs_patch_session_replay_config_one_level_deep", async (w) => {
    const steps: Array<[unknown, unknown]> = [
      [{ ai_config: { opt_in: true } }, { ai_config: { opt_in: true } }],
      [
        { ai_config: { included_event_properties: ["something"] } },
        { ai_config: { opt_in: true, included_event_properties: ["something"] } },
      ],
      [
        { ai_config: { opt_in: null, included_event_properties: ["something"] } },
        { ai_config: { opt_in: null, included_event_properties: ["something"] } },
      ],
      [
        { ai_config: { included_event_properties: ["and another"] } },
        { ai_config: { opt_in: null, included_event_properties: ["and another"] } },
      ],
    ];
    for (const [sent, stored] of steps) {
      await patchConfig(w, "session_replay_config", sent);
      await expectConfig(w, "session_replay_config", stored);
    }
  }),
  fact("test_modifiers_are_merged_on_patch", async (w) => {
    const path = w.projectPath("", w.id).replace(/\/$/, "");
    const rules = [{ id: "test", channel_type: "Direct", combiner: "AND", items: [] }];
    let reply = await w.request("PATCH", path, {
      body: { modifiers: { personsOnEventsMode: "person_id_override_properties_on_events" } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.modifiers).toEqual({ personsOnEventsMode: "person_id_override_properties_on_events" });
    reply = await w.request("PATCH", path, { body: { modifiers: { customChannelTypeRules: rules } } });
    expect(reply.status).toBe(200);
    expect(reply.body.modifiers.personsOnEventsMode).toBe("person_id_override_properties_on_events");
    expect(reply.body.modifiers.customChannelTypeRules).toEqual(rules);
    reply = await w.request("PATCH", path, {
      body: { modifiers: { personsOnEventsMode: "person_id_override_properties_joined" } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.modifiers.personsOnEventsMode).toBe("person_id_override_properties_joined");
    expect(reply.body.modifiers.customChannelTypeRules).toEqual(rules);
  }),
  ...(
    [
      [1, true],
      [-1, false],
      [60, true],
      [120, true],
      [1.5, true],
      [null, true],
      [0, false],
      [121, false],
      [999999999, false],
      ["not-a-number", false],
    ] as const
  ).map(([value, ok]) =>
    fact(`test_modifiers_bounceRateDurationSeconds_validation (${JSON.stringify(value)})`, async (w) => {
      const reply = await w.patch({ modifiers: { bounceRateDurationSeconds: value } });
      if (ok) {
        expect(reply.status, JSON.stringify(reply.body)).toBe(200);
        expect(reply.body.modifiers.bounceRateDurationSeconds).toBe(value);
      } else expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    }),
  ),
  fact("test_modifiers_rejects_nested_objects", async (w) => {
    expect((await w.patch({ modifiers: { bounceRateDurationSeconds: { nested: "object" } } })).status).toBe(400);
  }),
  fact("test_modifiers_rejects_unknown_keys", async (w) => {
    expect((await w.patch({ modifiers: { unknownField: true } })).status).toBe(400);
  }),
  fact("test_can_add_product_intent", async (w) => {
    w.freeze("2024-01-01T00:00:00Z");
    const reply = await w.request("PATCH", w.projectPath("add_product_intent"), {
      body: { product_type: "product_analytics", intent_context: "onboarding product selected - primary" },
    });
    expect(reply.status).toBe(201);
    const intent = reply.body.product_intents.find(
      (i: { product_type: string }) => i.product_type === "product_analytics",
    );
    expect(intent.created_at).toBe("2024-01-01T00:00:00Z");
    expect(intent.onboarding_completed_at).toBeNull();
  }),
  fact("test_can_update_product_intent_if_already_exists", async (w) => {
    w.freeze("2024-01-01T00:00:00Z");
    await w.request("PATCH", w.projectPath("add_product_intent"), { body: { product_type: "product_analytics" } });
    w.freeze("2024-01-02T00:00:00Z");
    const reply = await w.request("PATCH", w.projectPath("add_product_intent"), {
      body: { product_type: "product_analytics" },
    });
    expect(reply.status).toBe(201);
    const intent = reply.body.product_intents.find(
      (i: { product_type: string }) => i.product_type === "product_analytics",
    );
    expect(intent.updated_at).toBe("2024-01-02T00:00:00Z");
    expect(intent.created_at).toBe("2024-01-01T00:00:00Z");
    expect(intent.onboarding_completed_at).toBeNull();
  }),
  fact("test_can_complete_product_onboarding", async (w) => {
    w.freeze("2024-01-01T00:00:00Z");
    await w.request("PATCH", w.projectPath("add_product_intent"), { body: { product_type: "product_analytics" } });
    w.freeze("2024-01-05T00:00:00Z");
    const reply = await w.request("PATCH", w.projectPath("complete_product_onboarding"), {
      body: { product_type: "product_analytics" },
    });
    expect(reply.status).toBe(200);
    const intent = reply.body.product_intents.find(
      (i: { product_type: string }) => i.product_type === "product_analytics",
    );
    expect(intent.onboarding_completed_at).toBe("2024-01-05T00:00:00Z");
  }),
  fact(
    "test_can_complete_product_onboarding_as_member (an organization member; AccessControl rows not modelled)",
    async (w) => {
      w.setLevel(1);
      w.freeze("2024-01-01T00:00:00Z");
      await w.request("PATCH", w.projectPath("add_product_intent"), { body: { product_type: "product_analytics" } });
      w.freeze("2024-01-05T00:00:00Z");
      const reply = await w.request("PATCH", w.projectPath("complete_product_onboarding"), {
        body: { product_type: "product_analytics" },
      });
      expect(reply.status).toBe(200);
      const intent = reply.body.product_intents.find(
        (i: { product_type: string }) => i.product_type === "product_analytics",
      );
      expect(intent.onboarding_completed_at).toBe("2024-01-05T00:00:00Z");
    },
  ),
  ...(
    [
      ["test_cant_change_organization_if_not_admin_of_target_org", 8, 1],
      ["test_cant_change_organization_if_not_admin_of_source_org", 1, 15],
    ] as const
  ).map(([name, source, target]) =>
    fact(
      name,
      async (w) => {
        w.setLevel(source);
        const reply = await w.request("POST", w.projectPath("change_organization"), {
          body: { organization_id: OTHER_ORG },
        });
        expect(reply.status).toBe(400);
        expect(reply.body.detail).toBe(
          "You must be an admin of both the source and target organizations to move a project.",
        );
      },
      {
        organizations: [
          { id: ORG, name: "Test", membershipLevel: 8 },
          { id: OTHER_ORG, name: "Other", membershipLevel: target },
        ],
      },
    ),
  ),
  fact(
    "test_can_change_organization",
    async (w) => {
      const reply = await w.request("POST", w.projectPath("change_organization"), {
        body: { organization_id: OTHER_ORG },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.id).toBe(w.id);
      expect(reply.body.organization).toBe(OTHER_ORG);
      expect(w.record().organization).toBe(OTHER_ORG);
    },
    {
      organizations: [
        { id: ORG, name: "Test", membershipLevel: 8 },
        { id: OTHER_ORG, name: "Other", membershipLevel: 8 },
      ],
    },
  ),
  fact(
    "test_change_organization_reconciles_current_project_of_affected_users (the caller; other users are not modelled)",
    async (w) => {
      expect(w.fake.db.currentProjectId).toBe(w.id);
      const reply = await w.request("POST", w.projectPath("change_organization"), {
        body: { organization_id: OTHER_ORG },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(w.fake.db.currentProjectId).toBe(w.id);
      expect(w.fake.organizationId).toBe(OTHER_ORG);
      expect((await current(w)).body.organization).toBe(OTHER_ORG);
    },
    {
      organizations: [
        { id: ORG, name: "Test", membershipLevel: 8 },
        { id: OTHER_ORG, name: "Other", membershipLevel: 8 },
      ],
    },
  ),
  ...(
    [
      ["test_access_control_field_deprecated_on_update", { name: "Updated Name", access_control: false }],
      ["test_access_control_field_deprecated_on_partial_update", { access_control: true }],
      [
        "test_access_control_field_deprecated_with_other_valid_fields",
        { timezone: "Europe/London", access_control: true },
      ],
    ] as const
  ).map(([name, body]) =>
    fact(name, async (w) => {
      const reply = await patchCurrent(w, body);
      expect(reply.status).toBe(400);
      expect(reply.body.detail).toContain("deprecated");
      expect(reply.body.detail).toContain("https://posthog.com/docs/settings/access-control");
      expect(w.record().timezone).toBe("UTC");
      expect(w.record().name).toBe("Default project");
    }),
  ),
  ...(
    [
      [
        "app_urls_mixed_nulls",
        "app_urls",
        ["https://example.com", null, "https://test.com", null],
        ["https://example.com", "https://test.com"],
        null,
      ],
      ["app_urls_all_nulls", "app_urls", [null, null, null], [], null],
      [
        "app_urls_mixed_valid_and_null",
        "app_urls",
        ["https://new.com", null, "https://another.com"],
        ["https://new.com", "https://another.com"],
        ["https://existing.com"],
      ],
      [
        "recording_domains_mixed_nulls",
        "recording_domains",
        [null, "https://example.com", null, "https://test.com"],
        ["https://example.com", "https://test.com"],
        null,
      ],
      ["recording_domains_none_field", "recording_domains", null, null, null],
    ] as const
  ).map(([param, field, sent, expected, setup]) =>
    fact(`test_filters_null_values (${param})`, async (w) => {
      if (setup !== null) w.record()[field] = [...setup];
      const reply = await patchCurrent(w, { [field]: sent });
      expect(reply.status).toBe(200);
      expect(reply.body[field]).toEqual(expected);
      expect(w.record()[field]).toEqual(expected);
    }),
  ),
  fact("test_read_only_api_key_cannot_update_team_config_fields", async (w) => {
    const reply = await patchCurrent(w, { timezone: "Europe/Lisbon" }, { key: w.key({ scopes: ["project:read"] }) });
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toContain("project:write");
    expect(w.record().timezone).toBe("UTC");
  }),
  fact("test_write_api_key_can_update_team_config_fields", async (w) => {
    const reply = await patchCurrent(
      w,
      { timezone: "Europe/Lisbon", session_recording_opt_in: true },
      { key: w.key({ scopes: ["project:write"] }) },
    );
    expect(reply.status).toBe(200);
    expect(w.record().timezone).toBe("Europe/Lisbon");
    expect(w.record().session_recording_opt_in).toBe(true);
  }),
  fact("test_read_only_api_key_cannot_update_team_non_config_fields", async (w) => {
    const reply = await patchCurrent(w, { name: "New Team Name" }, { key: w.key({ scopes: ["project:read"] }) });
    expect(reply.status).toBe(403);
    expect(w.record().name).toBe("Default project");
  }),
  fact("test_write_api_key_can_update_team_non_config_fields", async (w) => {
    const reply = await patchCurrent(w, { name: "New Team Name" }, { key: w.key({ scopes: ["project:write"] }) });
    expect(reply.status).toBe(200);
    expect(w.record().name).toBe("New Team Name");
  }),
  fact("test_session_auth_member_can_still_update_member_safe_config_fields", async (w) => {
    w.setLevel(1);
    const reply = await patchCurrent(w, { session_recording_opt_in: true, surveys_opt_in: true });
    expect(reply.status).toBe(200);
    expect(w.record().session_recording_opt_in).toBe(true);
    expect(w.record().surveys_opt_in).toBe(true);
  }),
];

/** The TestTeamAPI class (tests that are not in the factory). */
const teamApi: Fact[] = [
  fact(
    "test_teams_outside_personal_api_key_scoped_teams_not_listed",
    async (w) => {
      const scoped = w.fake.db.projects[1]?.id ?? 0;
      const key = w.key({ scopes: ["*"], scopedTeams: [scoped] });
      expect((await w.request("GET", "/api/organizations/@current/projects/", { auth: { key } })).status).toBe(403);
      const reply = await w.request("GET", w.projectPath("", scoped), { auth: { key } });
      expect(reply.status).toBe(200);
      expect(reply.body.id).toBe(scoped);
    },
    { projects: [{ name: "Default project" }, { name: "Scoped" }] },
  ),
  fact(
    "test_teams_outside_personal_api_key_scoped_organizations_not_listed",
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
    "test_teams_outside_oauth_scoped_teams_causes_403",
    async (w) => {
      const token = w.key({ kind: "oauth", key: "pha_test_oauth_token", scopes: ["*"], scopedTeams: [2] });
      expect((await w.request("GET", "/api/organizations/@current/projects/", { auth: { key: token } })).status).toBe(
        403,
      );
    },
    { projects: [{ name: "Default project" }, { name: "Other" }] },
  ),
  fact(
    "test_teams_outside_oauth_scoped_organizations_not_listed",
    async (w) => {
      const token = w.key({
        kind: "oauth",
        key: "pha_test_oauth_token",
        scopes: ["*"],
        scopedOrganizations: [OTHER_ORG],
      });
      const reply = await w.request("GET", `/api/organizations/${OTHER_ORG}/projects/`, { auth: { key: token } });
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
    "test_team_member_can_write_to_member_safe_team_config_without_access_control",
    async (w) => {
      w.setLevel(1);
      const reply = await patchCurrent(w, { session_recording_opt_in: true, surveys_opt_in: true });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ session_recording_opt_in: true, surveys_opt_in: true });
      expect(w.record()).toMatchObject({ session_recording_opt_in: true, surveys_opt_in: true });
    },
    {
      organizations: [
        {
          id: ORG,
          name: "Test",
          membershipLevel: 8,
          availableProductFeatures: [{ key: "access_control" }, { key: "organizations_projects", limit: null }],
        },
      ],
    },
  ),
  fact("test_team_member_cannot_write_to_admin_team_config_without_access_control", async (w) => {
    w.setLevel(1);
    expect((await patchCurrent(w, { timezone: "Europe/Lisbon" })).status).toBe(403);
    expect(w.record().timezone).not.toBe("Europe/Lisbon");
  }),
  fact(
    "test_team_member_can_write_to_member_safe_team_patch_without_access_control",
    async (w) => {
      w.setLevel(1);
      expect((await patchCurrent(w, { session_recording_opt_in: true, surveys_opt_in: true })).status).toBe(200);
      expect(w.record()).toMatchObject({ session_recording_opt_in: true, surveys_opt_in: true });
    },
    {
      organizations: [
        {
          id: ORG,
          name: "Test",
          membershipLevel: 8,
          availableProductFeatures: [{ key: "access_control" }, { key: "organizations_projects", limit: null }],
        },
      ],
    },
  ),
  ...(
    [
      ["missing_key", [{ type: "person", operator: "exact", value: "posthog.com" }]],
      ["invalid_type", [{ key: "email", type: "not_a_type", operator: "exact", value: "posthog.com" }]],
      ["invalid_operator", [{ key: "email", type: "person", operator: "not_an_operator", value: "posthog.com" }]],
      ["invalid_cohort_value", [{ key: "id", type: "cohort", operator: "in", value: "not-a-cohort-id" }]],
    ] as const
  ).map(([param, filters]) =>
    fact(`test_validate_test_account_filters_rejects_invalid_filters (${param})`, async (w) => {
      const original = structuredClone(w.record().test_account_filters);
      const reply = await w.patch({ test_account_filters: filters });
      expect(reply.status).toBe(400);
      expect(reply.body.attr).toBe("test_account_filters");
      expect(reply.body.detail).toContain("Must provide an array of valid property filters.");
      expect(w.record().test_account_filters).toEqual(original);
    }),
  ),
  fact("test_validate_test_account_filters_allows_is_set_filters_without_value", async (w) => {
    const filters = [{ key: "email", type: "person", operator: "is_set" }];
    const reply = await w.patch({ test_account_filters: filters });
    expect(reply.status).toBe(200);
    expect(reply.body.test_account_filters).toEqual(filters);
  }),
];

/** TestTeamAdminFieldAuthorization: a MEMBER against the settings the UI gates behind admin. */
const ADMIN_GATED: Array<[string, unknown]> = [
  ["timezone", "Europe/Lisbon"],
  ["anonymize_ips", true],
  ["autocapture_opt_out", true],
  ["data_attributes", ["data-cy"]],
  ["week_start_day", 1],
  ["path_cleaning_filters", [{ alias: "x", regex: "/x/.*" }]],
  ["capture_console_log_opt_in", false],
  ["heatmaps_opt_in", true],
  ["recording_domains", ["https://evil.example.com"]],
  ["session_recording_sample_rate", "0.5"],
];
const UNANNOTATED: Array<[string, unknown]> = [
  ["is_demo", true],
  ["app_urls", ["https://evil.example.com"]],
  ["name", "Renamed by member"],
];
const MEMBER_SAFE: Array<[string, unknown]> = [
  ["session_recording_opt_in", true],
  ["autocapture_exceptions_opt_in", true],
  ["autocapture_web_vitals_opt_in", true],
  ["surveys_opt_in", true],
  ["has_completed_onboarding_for", { product_analytics: true }],
  ["completed_snippet_onboarding", true],
];

const adminFields: Fact[] = [
  ...[
    ...ADMIN_GATED.map((f) => ["test_member_cannot_patch_admin_gated_field_via_projects", ...f] as const),
    ...UNANNOTATED.map((f) => ["test_member_cannot_patch_unannotated_sensitive_field_via_projects", ...f] as const),
  ].map(([test, field, value]) =>
    fact(`${test} (${field})`, async (w) => {
      w.setLevel(1);
      const reply = await w.patch({ [field]: value });
      expect(reply.status, JSON.stringify(reply.body)).toBe(403);
      expect(w.record()[field]).not.toEqual(value);
    }),
  ),
  ...MEMBER_SAFE.map(([field, value]) =>
    fact(`test_member_can_still_patch_member_safe_field_via_projects (${field})`, async (w) => {
      w.setLevel(1);
      const reply = await w.patch({ [field]: value });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(w.record()[field]).toEqual(value);
    }),
  ),
  fact("test_mixed_member_and_admin_fields_is_rejected_for_member", async (w) => {
    w.setLevel(1);
    const reply = await patchCurrent(w, { surveys_opt_in: true, timezone: "Europe/Lisbon" });
    expect(reply.status).toBe(403);
    expect(w.record().timezone).not.toBe("Europe/Lisbon");
    expect(w.record().surveys_opt_in).not.toBe(true);
  }),
  fact("test_read_only_personal_api_key_cannot_patch_team_config", async (w) => {
    w.setLevel(1);
    const reply = await patchCurrent(w, { timezone: "Europe/Lisbon" }, { key: w.key({ scopes: ["project:read"] }) });
    expect([401, 403]).toContain(reply.status);
  }),
  fact("test_member_cannot_delete_team", async (w) => {
    w.setLevel(1);
    expect((await w.request("DELETE", w.projectPath())).status).toBe(403);
  }),
];

/** TestTeamSerializerValidationNoDB: the serializer's field validators, as a PATCH meets them. */
const fieldError = (name: string, field: string, value: unknown, code: string, detail: string) =>
  fact(name, async (w) => {
    const before = structuredClone(w.record());
    const reply = await w.patch({ [field]: value });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(validation(detail, field, code === "invalid" ? "invalid_input" : code));
    expect(w.record()).toEqual(before);
  });
const LINKED_FLAG_KEYS =
  "Must provide a dictionary with only 'id' and 'key' keys. _or_ only 'id', 'key', and 'variant' keys.";

const serializerValidation: Fact[] = [
  ...(
    [
      ["non numeric string", "Welwyn Garden City", "invalid", "A valid number is required."],
      ["negative number", "-1", "min_value", "Ensure this value is greater than or equal to 0."],
      ["greater than one", "1.5", "max_value", "Ensure this value is less than or equal to 1."],
      ["too many digits", "0.534", "max_decimal_places", "Ensure that there are no more than 2 decimal places."],
    ] as const
  ).map(([param, value, code, detail]) =>
    fieldError(
      `test_invalid_session_recording_sample_rate (${param})`,
      "session_recording_sample_rate",
      value,
      code,
      detail,
    ),
  ),
  ...(
    [
      ["non numeric string", "Trentham monkey forest", "invalid", "A valid integer is required."],
      ["negative number", "-1", "min_value", "Ensure this value is greater than or equal to 0."],
      ["greater than 30000", "30001", "max_value", "Ensure this value is less than or equal to 30000."],
      ["too many digits", "0.5", "invalid", "A valid integer is required."],
    ] as const
  ).map(([param, value, code, detail]) =>
    fieldError(
      `test_invalid_session_recording_minimum_duration (${param})`,
      "session_recording_minimum_duration_milliseconds",
      value,
      code,
      detail,
    ),
  ),
  ...(
    [
      ["string", "Marple bridge", "Must provide a dictionary or None."],
      ["numeric string", "-1", "Must provide a dictionary or None."],
      ["numeric", 1, "Must provide a dictionary or None."],
      ["numeric positive string", "1", "Must provide a dictionary or None."],
      ["unexpected json - no id", { key: "something" }, LINKED_FLAG_KEYS],
      ["unexpected json - no key", { id: 1 }, LINKED_FLAG_KEYS],
      ["unexpected json - only variant", { variant: "1" }, LINKED_FLAG_KEYS],
      ["unexpected json - variant must be string", { variant: 1 }, LINKED_FLAG_KEYS],
      ["unexpected json - missing id", { key: "one", variant: "1" }, LINKED_FLAG_KEYS],
      ["unexpected json - missing key", { id: "one", variant: "1" }, LINKED_FLAG_KEYS],
      ["unexpected json - neither", { wat: "wat" }, LINKED_FLAG_KEYS],
      ["non-numeric string id", { id: "abc", key: "flag-key" }, "Must provide an integer 'id'."],
      ["float id", { id: 12.5, key: "flag-key" }, "Must provide an integer 'id'."],
      ["null id", { id: null, key: null }, "Must provide an integer 'id'."],
      ["boolean id", { id: true, key: "flag-key" }, "Must provide an integer 'id'."],
    ] as const
  ).map(([param, value, detail]) =>
    fieldError(
      `test_invalid_session_recording_linked_flag (${param})`,
      "session_recording_linked_flag",
      value,
      "invalid",
      detail,
    ),
  ),
  ...(
    [
      ["none", null, null],
      ["integer id", { id: 123, key: "flag-key" }, { id: 123, key: "flag-key" }],
      ["numeric string id", { id: "123", key: "flag-key" }, { id: 123, key: "flag-key" }],
      [
        "variant survives normalization",
        { id: "123", key: "flag-key", variant: "test" },
        { id: 123, key: "flag-key", variant: "test" },
      ],
    ] as const
  ).map(([param, value, expected]) =>
    fact(`test_valid_session_recording_linked_flag (${param})`, async (w) => {
      const reply = await w.patch({ session_recording_linked_flag: value });
      expect(reply.status).toBe(200);
      expect(reply.body.session_recording_linked_flag).toEqual(expected);
      expect((await w.get()).body.session_recording_linked_flag).toEqual(expected);
    }),
  ),
  ...(
    [
      ["string", "Marple bridge", "Must provide a dictionary or None."],
      ["numeric", "-1", "Must provide a dictionary or None."],
      [
        "unexpected json - no recordX",
        { key: "something" },
        "Must provide a dictionary with only 'recordHeaders' and/or 'recordBody' keys.",
      ],
    ] as const
  ).map(([param, value, detail]) =>
    fieldError(
      `test_invalid_session_recording_network_payload_capture_config (${param})`,
      "session_recording_network_payload_capture_config",
      value,
      "invalid",
      detail,
    ),
  ),
  ...(
    [
      ["string", "Marple bridge", "Must provide a dictionary or None."],
      ["numeric", "-1", "Must provide a dictionary or None."],
      [
        "unexpected json - no record",
        { key: "something" },
        "Must provide a dictionary with only allowed keys: included_event_properties, opt_in, preferred_events, excluded_events, important_user_properties.",
      ],
    ] as const
  ).map(([param, value, detail]) =>
    fieldError(
      `test_invalid_session_replay_config_ai_config (${param})`,
      "session_replay_config",
      { ai_config: value },
      "invalid",
      detail,
    ),
  ),
  fieldError(
    "test_rejects_url_with_too_many_wildcards (project app urls)",
    "app_urls",
    ["https://*.*.*.*.*.*.example.com"],
    "invalid",
    "Each URL can include up to 5 wildcards. Remove the extra ones from this entry.",
  ),
  fieldError(
    "test_invalid_autocapture_exceptions_opt_in_not_a_boolean",
    "autocapture_exceptions_opt_in",
    "Welwyn Garden City",
    "invalid",
    "Must be a valid boolean.",
  ),
];

export const teamFacts: Fact[] = [...factory, ...teamApi, ...adminFields, ...serializerValidation];
export { denied };
