/**
 * The project resource's one CRUD, as ProjectViewSet and ProjectBackwardCompatSerializer do it
 * (posthog/api/project.py): the store every project route uses, whether it is served by name or
 * derived from its effect (../engine/derived.ts). The list shows the URL's organization's projects
 * a key may see, `?search=` by name; a destroy marks the project pending deletion (PostHog deletes
 * it later, asynchronously), so it stays listed and retrievable.
 */
import type { RequestContext } from "../context.js";
import type { StoredProject } from "../database.js";
import { type Change, changesBetween } from "../engine/activity.js";
import { organizationNotFound, validationError } from "../engine/api-error.js";
import { drfDateTime } from "../engine/python.js";
import { decimalFixed, parseDecimal } from "../engine/python-decimal.js";
import type { ListRules, ResourceStore, Serializer } from "../engine/resource.js";
import { ACTIVITY_FIELD_NAMES, PROJECT_ONLY_FIELDS, TEAM_DIFF_EXCLUDED } from "./fields.js";
import { logActivity, newProject, projectView, storedValue, uniqueDefaultName } from "./records.js";
import { validateProject } from "./serializer.js";
import { mergeSettings } from "./settings-merge.js";

type Json = Record<string, unknown>;

export const projectStore: ResourceStore<RequestContext, StoredProject> = {
  all(context) {
    // The queryset is filtered by the URL's organization: a malformed id is 404, an unknown one just empty.
    if (!context.organizationId) throw organizationNotFound();
    const { db } = context.runtime;
    return [...db.stored.values()].filter((p) => p.data.organization === context.organizationId);
  },
  find: (context) => context.project(),
  insert(context, attrs) {
    const { runtime } = context;
    const organization = context.organizationRecord();
    const name = typeof attrs.name === "string" ? attrs.name : uniqueDefaultName(runtime, organization.id);
    const stored = newProject(runtime, organization, attrs, { name });
    // request.user.current_team = team
    runtime.db.currentProjectId = stored.data.id;
    logActivity(runtime, stored, { scope: "Project", activity: "created", name, changes: null });
    logActivity(runtime, stored, { scope: "Team", activity: "created", name, changes: null });
    return stored;
  },
  change: updateProject,
  remove: destroyProject,
  view: (context, stored) => projectView(context.runtime, stored) as unknown as Json,
};

/** The organization's projects the caller may see: the user is a member, and a key is scoped to it. */
export const projectList: ListRules<RequestContext, StoredProject> = {
  visible(context, stored) {
    const organization = context.runtime.db.organization(stored.data.organization);
    const scoped = context.caller.kind === "key" ? context.caller.key.scopedOrganizations : [];
    return Boolean(organization?.membershipLevel) && (!scoped.length || scoped.includes(stored.data.organization));
  },
  filters: {
    search: (stored, value) => (stored.data.name ?? "").toUpperCase().includes(value.toUpperCase()),
  },
};

/** ProjectBackwardCompatSerializer's input side, on create and on update (settings merged into the stored ones). */
export const projectSerializer: Serializer<RequestContext, StoredProject> = async (context, { instance }) => {
  const { runtime } = context;
  if (!instance) {
    const organization = context.organizationRecord();
    return validateProject(await context.rawBody(), {
      runtime,
      organizationId: organization.id,
      level: context.membership(organization.id),
    });
  }
  const { data } = instance;
  const attrs = validateProject(await context.rawBody(), {
    runtime,
    instance: { id: data.id, name: data.name ?? "", organization: data.organization },
    organizationId: data.organization,
    level: context.membership(data.organization),
  });
  return mergeSettings(data as unknown as Json, attrs);
};

function updateProject(context: RequestContext, stored: StoredProject, attrs: Json): void {
  const { runtime } = context;
  const record = stored.data as unknown as Json;
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
}

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

function destroyProject(context: RequestContext, stored: StoredProject): void {
  const { runtime } = context;
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
}
