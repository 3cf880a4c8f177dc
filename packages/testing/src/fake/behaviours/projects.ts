/**
 * list, create, retrieve, partial_update and destroy, as ProjectViewSet and
 * ProjectBackwardCompatSerializer do them (posthog/api/project.py).
 */
import { type Change, changesBetween, logActivity } from "../activity.js";
import { json, organizationNotFound, validationError } from "../api-error.js";
import type { Behaviour } from "../context.js";
import { ACTIVITY_FIELD_NAMES, PROJECT_ONLY_FIELDS, TEAM_DIFF_EXCLUDED } from "../project-fields.js";
import { newProject, pickSchema, projectView, storedValue, uniqueDefaultName } from "../project-records.js";
import { validateProject } from "../project-serializer.js";
import { drfDateTime } from "../python.js";
import { decimalFixed, parseDecimal } from "../python-decimal.js";
import { mergeSettings } from "../settings-merge.js";
import { offsetPage } from "./pagination.js";

export const listProjects: Behaviour = (context) => {
  const { db } = context.runtime;
  // The queryset is filtered by the URL's organization: a malformed id is 404, an unknown one just empty.
  if (!context.organizationId) throw organizationNotFound();
  const organization = db.organization(context.organizationId);
  const scoped = context.caller.kind === "key" ? context.caller.key.scopedOrganizations : [];
  const search = context.url.searchParams.get("search")?.toUpperCase();
  const visible =
    organization?.membershipLevel && (!scoped.length || scoped.includes(organization.id))
      ? db.projects.filter((p) => p.organization === organization.id)
      : [];
  const projects = visible.filter((p) => !search || (p.name ?? "").toUpperCase().includes(search));
  const itemSchema = context.row.pagination?.itemSchema ?? "ProjectBackwardCompatBasic";
  const page = offsetPage(context.url, projects);
  return json(200, {
    ...page,
    results: page.results.map((p) =>
      pickSchema(projectView(context.runtime, db.stored.get(p.id) as never) as Record<string, unknown>, itemSchema),
    ),
  });
};

export const createProject: Behaviour = async (context) => {
  const { runtime } = context;
  const organization = context.organizationRecord();
  const attrs = validateProject(await context.rawBody(), {
    runtime,
    organizationId: organization.id,
    level: context.membership(organization.id),
  });
  const name = typeof attrs.name === "string" ? attrs.name : uniqueDefaultName(runtime, organization.id);
  const stored = newProject(runtime, organization, attrs, { name });
  // request.user.current_team = team
  runtime.db.currentProjectId = stored.data.id;
  logActivity(runtime, stored, { scope: "Project", activity: "created", name, changes: null });
  logActivity(runtime, stored, { scope: "Team", activity: "created", name, changes: null });
  return json(201, projectView(runtime, stored));
};

export const retrieveProject: Behaviour = (context) => json(200, projectView(context.runtime, context.project()));

export const updateProject: Behaviour = async (context) => {
  const { runtime } = context;
  const stored = context.project();
  const record = stored.data as Record<string, unknown>;
  const attrs = mergeSettings(
    record,
    validateProject(await context.rawBody(), {
      runtime,
      instance: { id: stored.data.id, name: stored.data.name ?? "", organization: stored.data.organization },
      organizationId: stored.data.organization,
      level: context.membership(stored.data.organization),
    }),
  );
  const before = { ...record };
  const teamFields = Object.keys(attrs).filter((field) => !PROJECT_ONLY_FIELDS.has(field));
  for (const [field, value] of Object.entries(attrs)) record[field] = storedValue(field, value);
  // Only a save of Team columns moves updated_at (auto_now needs the field in update_fields).
  if (teamFields.length) record.updated_at = drfDateTime(runtime.now());
  const teamChanges = diff(
    "Team",
    before,
    attrs,
    teamFields.filter((field) => !TEAM_DIFF_EXCLUDED.has(field)),
  );
  const projectFields = Object.keys(attrs).filter((field) => PROJECT_ONLY_FIELDS.has(field) || field === "name");
  const projectChanges = diff("Project", before, attrs, projectFields);
  logActivity(runtime, stored, {
    scope: "Team",
    activity: "updated",
    name: stored.data.name ?? null,
    changes: teamChanges,
  });
  logActivity(runtime, stored, {
    scope: "Project",
    activity: "updated",
    name: stored.data.name ?? null,
    changes: projectChanges,
  });
  return json(200, projectView(runtime, stored));
};

/** The activity diff: the stored value before against the validated value (decimals compared as numbers). */
function diff(
  type: "Team" | "Project",
  before: Record<string, unknown>,
  attrs: Record<string, unknown>,
  fields: string[],
): Change[] {
  const was: Record<string, unknown> = {};
  for (const field of fields) {
    const old = before[field];
    const parsedOld = typeof old === "string" ? parseDecimal(old) : undefined;
    const parsedNew = typeof attrs[field] === "string" ? parseDecimal(attrs[field] as string) : undefined;
    // Decimal("0.40") == Decimal("0.4"): not a change.
    const sameDecimal =
      field === "session_recording_sample_rate" &&
      parsedOld &&
      parsedNew &&
      decimalFixed(parsedOld, 2) === decimalFixed(parsedNew, 2);
    was[field] = sameDecimal ? attrs[field] : old;
  }
  return changesBetween(type, was, attrs, fields, ACTIVITY_FIELD_NAMES);
}

export const destroyProject: Behaviour = (context) => {
  const { runtime } = context;
  const stored = context.project();
  if (stored.data.is_pending_deletion) throw validationError("This project is already being deleted.");
  const organization = runtime.db.organization(stored.data.organization);
  const inOrganization = runtime.db.projects.filter((p) => p.organization === stored.data.organization).length;
  if (inOrganization === 1 && organization?.hasActiveSubscription) {
    throw validationError(
      "Cannot delete the last project in an organization with an active subscription. Please cancel your subscription first in the billing page.",
    );
  }
  stored.data.is_pending_deletion = true;
  const name = stored.data.name ?? null;
  logActivity(runtime, stored, { scope: "Team", activity: "deleted", name, changes: null });
  logActivity(runtime, stored, { scope: "Project", activity: "deleted", name, changes: null });
  return new Response(null, { status: 204 });
};
