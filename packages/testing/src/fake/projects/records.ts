/**
 * Making and viewing project records. A new project starts from the generated factory (so a field
 * added to the spec is there, and read-only values like tokens look real), then the Team model's
 * defaults as `Team.objects.create_with_data` leaves them (a primary dashboard, the internal-users
 * test filter, the recorder script; a demo project skips those and starts generating demo data),
 * then the caller's fields; a seeded project keeps every field it was given and gets those
 * defaults only for the rest. Views turn a record into what each serializer returns.
 * Sources: posthog/models/team/team.py, posthog/api/project.py.
 */
import type { components, Readable } from "@hogkit/types";
import type { JsonSchema } from "../../schema-document.js";
import type { FakeRuntime } from "../context.js";
import type { FakeOrganization, Project, StoredProject } from "../database.js";
import { appendActivity, type Change } from "../engine/activity.js";
import { notFound, validationError } from "../engine/api-error.js";
import { drfDateTime, pythonInt, pythonRepr } from "../engine/python.js";
import { decimalFixed, parseDecimal } from "../engine/python-decimal.js";
import { allowsNull, schemaProperties } from "../engine/schema-records.js";

type Team = Readable<components["schemas"]["Team"]>;
/** The operation table's resource whose records these are. */
export const PROJECTS = "projects";
/** The component schema of a project record. */
export const PROJECT_SCHEMA = "ProjectBackwardCompat";

const projectProperties = () => schemaProperties(PROJECT_SCHEMA);

/** A field the table below does not know (added to the spec later): null when allowed, else false / []. */
function blank(schema: JsonSchema, generated: unknown): unknown {
  if (allowsNull(schema)) return null;
  if (schema.type === "boolean") return false;
  if (schema.type === "array") return [];
  return generated;
}

/** The Team model's column defaults (posthog/models/team/team.py) for the writable fields. */
const MODEL_DEFAULTS: Record<string, unknown> = {
  product_description: null,
  app_urls: [],
  slack_incoming_webhook: null,
  anonymize_ips: false,
  completed_snippet_onboarding: false,
  test_account_filters: [],
  test_account_filters_default_checked: null,
  path_cleaning_filters: [],
  is_demo: false,
  timezone: "UTC",
  data_attributes: ["data-attr"],
  person_display_name_properties: null,
  correlation_config: {},
  autocapture_opt_out: null,
  autocapture_exceptions_opt_in: null,
  autocapture_web_vitals_opt_in: null,
  autocapture_web_vitals_allowed_metrics: null,
  autocapture_exceptions_errors_to_ignore: null,
  capture_console_log_opt_in: true,
  capture_performance_opt_in: true,
  session_recording_opt_in: false,
  session_recording_sample_rate: null,
  session_recording_minimum_duration_milliseconds: null,
  session_recording_linked_flag: null,
  session_recording_network_payload_capture_config: null,
  session_recording_masking_config: null,
  session_replay_config: null,
  survey_config: null,
  access_control: false,
  // PostHog sets it from the caller's GeoIP country; without one it stays null.
  week_start_day: null,
  primary_dashboard: null,
  live_events_columns: null,
  recording_domains: null,
  inject_web_apps: null,
  extra_settings: null,
  modifiers: null,
  has_completed_onboarding_for: null,
  surveys_opt_in: null,
  heatmaps_opt_in: null,
  flags_persistence_default: false,
};

/** `HogQLQueryModifiers()` with PostHog's defaults applied (set_default_modifier_values), approximately. */
const DEFAULT_MODIFIERS = {
  bounceRatePageViewMode: "count_pageviews",
  convertToProjectTimezone: true,
  customChannelTypeRules: [],
  inCohortVia: "auto",
  materializationMode: "legacy_null_as_null",
  optimizeJoinedFilters: false,
  personsArgMaxVersion: "auto",
  personsOnEventsMode: "person_id_override_properties_joined",
  propertyGroupsMode: "optimized",
  sessionTableVersion: "auto",
  sessionsV2JoinMode: "string",
  useMaterializedViews: true,
  usePresortedEventsTable: false,
};

/** Values as the database holds them: decimals quantized to the column's two places. */
export function storedValue(field: string, value: unknown): unknown {
  if (field === "session_recording_sample_rate" && typeof value === "string") {
    const parsed = parseDecimal(value);
    return parsed ? decimalFixed(parsed, 2) : value;
  }
  return value;
}

/** A record with PostHog's values for every field, before anyone's fields: the factory's, then the model's. */
function baseRecord(
  runtime: FakeRuntime,
  organization: FakeOrganization,
  id: number,
  at: Date,
  isDemo: boolean,
): Record<string, unknown> {
  const generated = runtime.factories.buildSchema(PROJECT_SCHEMA, "read") as Record<string, unknown>;
  const now = drfDateTime(at);
  for (const [name, schema] of Object.entries(projectProperties())) {
    if (schema.readOnly) continue;
    generated[name] = Object.hasOwn(MODEL_DEFAULTS, name)
      ? structuredClone(MODEL_DEFAULTS[name])
      : blank(schema, generated[name]);
  }
  const data: Record<string, unknown> = {
    ...generated,
    id,
    organization: organization.id,
    created_at: now,
    updated_at: now,
    has_group_types: false,
    group_types: [],
    ingested_event: false,
    secret_api_token: null,
    secret_api_token_backup: null,
    product_intents: [],
    is_pending_deletion: false,
    effective_membership_level: organization.membershipLevel,
    anonymize_ips: isDemo ? false : organization.defaultAnonymizeIps,
  };
  // Typed by the overlay as PostHog's serializer declares them; left generated if the spec disagrees.
  if (projectProperties().person_on_events_querying_enabled?.type === "boolean")
    data.person_on_events_querying_enabled = false;
  if (projectProperties().default_modifiers?.type === "object")
    data.default_modifiers = structuredClone(DEFAULT_MODIFIERS);
  return data;
}

/** The internal-users cohort filter `create_with_data` gives every project. */
const internalUsersFilter = (runtime: FakeRuntime) => [
  { key: "id", type: "cohort", value: runtime.db.nextCohortId++, operator: "not_in" },
];

const RECORDER_SCRIPT = { recorder_script: "posthog-recorder" };

function store(runtime: FakeRuntime, data: Record<string, unknown>, isDemo: boolean): StoredProject {
  const stored: StoredProject = {
    data: data as unknown as Project,
    activity: [],
    intentContexts: new Map(),
    generatingDemoData: isDemo,
  };
  runtime.db.stored.set(data.id as number, stored);
  return stored;
}

/** `Team.objects.create_with_data`: a new project from validated fields. */
export function newProject(
  runtime: FakeRuntime,
  organization: FakeOrganization,
  attrs: Record<string, unknown>,
  options: { at?: Date; name?: string } = {},
): StoredProject {
  const { db } = runtime;
  const isDemo = attrs.is_demo === true;
  const data = baseRecord(runtime, organization, db.nextProjectId++, options.at ?? runtime.now(), isDemo);
  for (const [field, value] of Object.entries(attrs)) data[field] = storedValue(field, value);
  data.name =
    options.name ?? (typeof attrs.name === "string" ? attrs.name : uniqueDefaultName(runtime, organization.id));
  // create_with_data: the internal-users cohort filter replaces whatever was sent.
  data.test_account_filters = internalUsersFilter(runtime);
  const stored = store(runtime, data, isDemo);
  if (!isDemo) {
    // A non-demo project gets a primary dashboard and the recorder script; a demo one returns early.
    data.primary_dashboard = db.addDashboard(data.id as number);
    data.extra_settings = { ...RECORDER_SCRIPT, ...((data.extra_settings ?? {}) as Record<string, unknown>) };
  }
  return stored;
}

/**
 * A project as a seed describes it: a record that already exists. The given fields are stored as
 * given (checked by the caller against the read schema); only what was not given gets what
 * `create_with_data` would have set: a unique name, the internal-users filter, and for a non-demo
 * project a new primary dashboard and the recorder script. A given `primary_dashboard` must already
 * be registered as this project's (the caller does it for every seed first, so no new one takes its id).
 */
export function seedProject(
  runtime: FakeRuntime,
  organization: FakeOrganization,
  fields: Record<string, unknown>,
  options: { id: number; at: Date },
): StoredProject {
  const isDemo = fields.is_demo === true;
  const data = { ...baseRecord(runtime, organization, options.id, options.at, isDemo), ...structuredClone(fields) };
  data.id = options.id;
  data.organization = organization.id;
  if (!("name" in fields)) data.name = uniqueDefaultName(runtime, organization.id);
  if (!("test_account_filters" in fields)) data.test_account_filters = internalUsersFilter(runtime);
  const stored = store(runtime, data, isDemo);
  if (!isDemo && !("primary_dashboard" in fields)) data.primary_dashboard = runtime.db.addDashboard(options.id);
  if (!isDemo && !("extra_settings" in fields)) data.extra_settings = { ...RECORDER_SCRIPT };
  return stored;
}

/** One entry of the project's activity log, under the project's id unless another item is named. */
export function logActivity(
  runtime: FakeRuntime,
  stored: StoredProject,
  entry: {
    scope: "Team" | "Project";
    activity: string;
    name: string | null;
    changes: Change[] | null;
    itemId?: string;
  },
): void {
  appendActivity(runtime, stored.activity, { ...entry, itemId: entry.itemId ?? String(stored.data.id) });
}

/** "Default project", then "Default project 2", … (case-insensitive, trimmed), as create_with_team does. */
export function uniqueDefaultName(runtime: FakeRuntime, organizationId: string): string {
  const taken = new Set(
    runtime.db.projects
      .filter((p) => p.organization === organizationId)
      .map((p) => (p.name ?? "").trim().toLowerCase()),
  );
  let name = "Default project";
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Default project ${n}`;
  return name;
}

/** ProjectBackwardCompatSerializer: the record, with the caller's level in its organization. */
export function projectView(runtime: FakeRuntime, stored: StoredProject): Project {
  const level = runtime.db.organization(stored.data.organization)?.membershipLevel ?? null;
  return { ...structuredClone(stored.data), effective_membership_level: level } as Project;
}

/** TeamSerializer: the project's fields without the project-only ones, plus `project_id`. */
export function teamView(runtime: FakeRuntime, stored: StoredProject): Team {
  const { product_description: _d, is_pending_deletion: _p, ...team } = projectView(runtime, stored);
  return { ...team, project_id: stored.data.id } as unknown as Team;
}

/**
 * ProjectViewSet.safely_get_object over the visible, organization-filtered queryset; `@current` is
 * the user's current project, answered from the user's own state (not filtered by the URL).
 */
export function lookupProject(
  runtime: FakeRuntime,
  raw: string | undefined,
  scoped: readonly string[],
  urlOrganization: () => string,
): StoredProject {
  const { db } = runtime;
  if (raw === undefined) throw new Error("operation names no project ({id} or {project_id})");
  if (raw === "@current") {
    const current = db.currentProjectId === null ? undefined : db.stored.get(db.currentProjectId);
    if (!current || !db.organization(current.data.organization)?.membershipLevel) throw notFound();
    if (scoped.length && !scoped.includes(current.data.organization)) throw notFound();
    return current;
  }
  const urlOrganizationId = urlOrganization();
  const id = pythonInt(raw);
  if (id === undefined) throw validationError(`Field 'id' expected a number but got ${pythonRepr(raw)}.`);
  const stored = id <= BigInt(Number.MAX_SAFE_INTEGER) && id >= 0n ? db.stored.get(Number(id)) : undefined;
  // A route under /api/projects/{project_id}/ names no organization: the project's own counts.
  const organizationId = urlOrganizationId || stored?.data.organization;
  const visible =
    stored &&
    stored.data.organization === organizationId &&
    db.organization(organizationId)?.membershipLevel &&
    (!scoped.length || scoped.includes(organizationId));
  if (!visible) throw notFound();
  return stored;
}
