/**
 * Making and viewing project records. A new project starts from the generated factory (so a field
 * added to the spec is there), then PostHog's defaults for a fresh project, then the caller's fields.
 */
import type { components, Readable } from "@hogkit/types";
import { schemaDocument } from "../generated/schemas.js";
import type { JsonSchema } from "../schema-document.js";
import { ApiError } from "./api-error.js";
import type { FakeRuntime } from "./context.js";
import type { ActivityLogEntry, FakeOrganization, Project, StoredProject } from "./database.js";

type Team = Readable<components["schemas"]["Team"]>;
const PROJECT_SCHEMA = "ProjectBackwardCompat";

/** The fake's one user, as activity entries show them. */
export const FAKE_USER = { first_name: "Hogkit", email: "hogkit@example.com" } as const;

function projectProperties(): Record<string, JsonSchema> {
  return schemaDocument.definitions.read[PROJECT_SCHEMA]?.properties ?? {};
}

export function allowsNull(schema: JsonSchema | undefined): boolean {
  if (!schema) return true;
  if (schema.anyOf?.some((s) => s.type === "null")) return true;
  if (Array.isArray(schema.type)) return schema.type.includes("null");
  return schema.type === undefined && !schema.$ref && !schema.allOf && !schema.enum;
}

/** An unset setting as a fresh PostHog project has it: null when allowed, else false / []. */
function blank(schema: JsonSchema, generated: unknown): unknown {
  if (allowsNull(schema)) return null;
  if (schema.type === "boolean") return false;
  if (schema.type === "array") return [];
  return generated;
}

export function newProject(
  runtime: FakeRuntime,
  organization: FakeOrganization,
  fields: Record<string, unknown>,
  /** created_at / updated_at; default the fake's clock. */
  at?: string,
): StoredProject {
  const { db, factories } = runtime;
  const generated = factories.buildSchema(PROJECT_SCHEMA, "read") as Record<string, unknown>;
  const now = at ?? runtime.now().toISOString();
  for (const [name, schema] of Object.entries(projectProperties())) {
    if (!schema.readOnly) generated[name] = blank(schema, generated[name]);
  }
  const id = db.nextProjectId++;
  const weekStartDay = projectProperties().week_start_day;
  const data = {
    ...generated,
    id,
    organization: organization.id,
    name: uniqueDefaultName(runtime, organization.id),
    created_at: now,
    updated_at: now,
    effective_membership_level: organization.membershipLevel,
    has_group_types: false,
    group_types: [],
    ingested_event: false,
    is_demo: false,
    timezone: "UTC",
    // PostHog sets week_start_day from GeoIP; without a country it stays null (when the schema allows it).
    week_start_day: allowsNull(weekStartDay) ? null : 0,
    secret_api_token: null,
    secret_api_token_backup: null,
    product_intents: [],
    is_pending_deletion: false,
    ...fields,
  } as unknown as Project;
  const stored: StoredProject = { data, activity: [], intentContexts: new Map(), generatingDemoData: false };
  db.stored.set(id, stored);
  return stored;
}

/** "Default project", then "Default project 2", … (case-insensitive, trimmed), as create_with_team does. */
function uniqueDefaultName(runtime: FakeRuntime, organizationId: string): string {
  const taken = new Set(
    runtime.db.projects
      .filter((p) => p.organization === organizationId)
      .map((p) => (p.name ?? "").trim().toLowerCase()),
  );
  let name = "Default project";
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Default project ${n}`;
  return name;
}

/** 409 when another live project of the organization has this name, ignoring case and surrounding spaces. */
export function assertNameFree(runtime: FakeRuntime, organizationId: string, name: string, self?: number): void {
  const wanted = name.trim().toLowerCase();
  const clash = runtime.db.projects.some(
    (p) =>
      p.organization === organizationId &&
      p.id !== self &&
      p.is_pending_deletion !== true &&
      (p.name ?? "").trim().toLowerCase() === wanted,
  );
  if (clash) {
    throw new ApiError(
      409,
      "server_error",
      "conflict",
      `There is already a project called "${name.trim()}" in this organization. Choose a different name.`,
    );
  }
}

/** The record in the shape of another schema: only that schema's properties (list items use this). */
export function pickSchema(record: Record<string, unknown>, schema: string): Record<string, unknown> {
  const properties = schemaDocument.definitions.read[schema]?.properties;
  if (!properties) return { ...record };
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(properties)) if (name in record) out[name] = record[name];
  return out;
}

/** TeamSerializer: the project's fields without the project-only ones, plus `project_id`. */
export function teamView(project: Project): Team {
  const { product_description: _d, is_pending_deletion: _p, ...team } = project;
  return { ...team, project_id: project.id } as unknown as Team;
}

/** Logs a change the way PostHog's activity log does; only `scope: "Team"` entries are listed by `activity`. */
export function logActivity(
  runtime: FakeRuntime,
  stored: StoredProject,
  activity: string,
  scope: "Team" | "Project",
  changes: Array<{ action: string; field: string | null; before: unknown; after: unknown }>,
): void {
  const entry = {
    id: runtime.factories.random.uuid(),
    user: { ...FAKE_USER },
    activity,
    scope,
    item_id: String(stored.data.id),
    detail: {
      name: stored.data.name ?? null,
      changes: changes.map((change) => ({ type: scope, ...change })),
    },
    created_at: runtime.now().toISOString(),
  } as ActivityLogEntry;
  stored.activity.push(entry);
}
