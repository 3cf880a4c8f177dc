/**
 * change_organization: moves the project to another organization where the user is an admin, and
 * the user's current organization follows a current project that moved. PostHog reads
 * `organization_id` by hand (no serializer): a value Django cannot make a UUID of raises an uncaught
 * ValidationError (a 500, as PostHog answers). Source: posthog/api/project.py (change_organization,
 * _reconcile_current_project_of_affected_users).
 */

import type { Behaviour } from "../context.js";
import { json, serverError, validationError } from "../engine/api-error.js";
import { djangoUuid, drfDateTime } from "../engine/python.js";
import { logActivity, projectView } from "./records.js";

export const changeOrganization: Behaviour = async (context) => {
  const { runtime } = context;
  const { db } = runtime;
  const stored = context.project();
  const data = await context.rawBody();
  // request.data.get("organization_id") on a body that is not an object: AttributeError.
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw serverError();
  const targetId = djangoUuid((data as Record<string, unknown>).organization_id);
  if (targetId === "invalid") throw serverError();
  const notMember = () => validationError("You must be a member of the target organization to move a project.");
  const target = targetId === null ? undefined : db.organization(targetId);
  const source = db.organization(stored.data.organization);
  if (!target || !source?.membershipLevel || !target.membershipLevel) throw notMember();
  if (source.membershipLevel < 8 || target.membershipLevel < 8) {
    throw validationError("You must be an admin of both the source and target organizations to move a project.");
  }
  const before = stored.data.organization;
  stored.data.organization = target.id;
  stored.data.updated_at = drfDateTime(runtime.now());
  // Users whose current project moved follow it into the organization they are a member of.
  if (db.currentProjectId === stored.data.id) db.currentOrganizationId = target.id;
  logActivity(runtime, stored, {
    scope: "Project",
    activity: "updated",
    name: "moved to another organization",
    changes: [{ type: "Project", action: "changed", field: "organization_id", before, after: target.id }],
  });
  return json(200, projectView(runtime, stored));
};
