/** list, create, retrieve, partial_update and destroy, as ProjectViewSet does them. */
import { json, organizationNotFound, permissionDenied, validationError } from "../api-error.js";
import type { Behaviour, RequestContext } from "../context.js";
import type { Project } from "../database.js";
import { assertNameFree, logActivity, newProject, pickSchema } from "../project-records.js";
import { offsetPage } from "./pagination.js";

/** TEAM_CONFIG_MEMBER_FIELDS, plus `app_urls` (exempt with access control) and the project-only description. */
const MEMBER_FIELDS = new Set([
  "completed_snippet_onboarding",
  "has_completed_onboarding_for",
  "onboarding_tasks",
  "session_recording_opt_in",
  "autocapture_exceptions_opt_in",
  "autocapture_web_vitals_opt_in",
  "autocapture_web_vitals_allowed_metrics",
  "surveys_opt_in",
  "primary_dashboard",
  "app_urls",
  "product_description",
]);

const isAdmin = (context: RequestContext) => (context.organization?.membershipLevel ?? 0) >= 8;

export const listProjects: Behaviour = (context) => {
  const search = context.url.searchParams.get("search")?.toLowerCase();
  const itemSchema = context.row.pagination?.itemSchema ?? "ProjectBackwardCompatBasic";
  const projects = context.organization
    ? context.runtime.db.projects
        .filter((p) => p.organization === context.organization?.id)
        .filter((p) => !search || (p.name ?? "").toLowerCase().includes(search))
    : [];
  const page = offsetPage(context.url, projects);
  return json(200, {
    ...page,
    results: page.results.map((p) => pickSchema(p as Record<string, unknown>, itemSchema)),
  });
};

export const createProject: Behaviour = async (context) => {
  const organization = context.organization;
  // UserCanCreateProjectPermission reads view.organization, for sessions too.
  if (!organization) throw organizationNotFound();
  if (!isAdmin(context))
    throw permissionDenied("You need to be an organization admin or above to create new projects.");
  const body = await context.body();
  if (typeof body.name === "string") assertNameFree(context.runtime, organization.id, body.name);
  const stored = newProject(context.runtime, organization, body);
  context.runtime.db.currentProjectId = stored.data.id;
  logActivity(context.runtime, stored, "created", "Project", []);
  logActivity(context.runtime, stored, "created", "Team", []);
  return json(201, stored.data);
};

export const retrieveProject: Behaviour = (context) => json(200, context.project().data);

export const updateProject: Behaviour = async (context) => {
  const stored = context.project();
  const body = await context.body();
  if (!isAdmin(context)) {
    const adminOnly = Object.keys(body)
      .filter((field) => !MEMBER_FIELDS.has(field))
      .sort();
    if (adminOnly.length)
      throw permissionDenied(`Only project admins can modify these settings: ${adminOnly.join(", ")}`);
  }
  if (typeof body.name === "string")
    assertNameFree(context.runtime, stored.data.organization, body.name, stored.data.id);
  const changes = applyChanges(stored.data, body);
  // Django's auto_now: every save moves updated_at, even when nothing changed.
  stored.data.updated_at = context.runtime.now().toISOString();
  if (changes.length) logActivity(context.runtime, stored, "updated", "Team", changes);
  return json(200, stored.data);
};

export const destroyProject: Behaviour = (context) => {
  const stored = context.project();
  if (!isAdmin(context)) throw permissionDenied("You don't have sufficient permissions in the project.");
  if (stored.data.is_pending_deletion) throw validationError("This project is already being deleted.");
  stored.data.is_pending_deletion = true;
  return new Response(null, { status: 204 });
};

function applyChanges(project: Project, body: Record<string, unknown>) {
  const record = project as Record<string, unknown>;
  const changes: Array<{ action: string; field: string; before: unknown; after: unknown }> = [];
  for (const [field, after] of Object.entries(body)) {
    const before = record[field];
    if (JSON.stringify(before) === JSON.stringify(after)) continue;
    record[field] = after;
    changes.push({ action: "changed", field, before: before ?? null, after });
  }
  return changes;
}
