/**
 * change_organization: moves the project to another organization where the user is an admin.
 * PostHog reads `organization_id` by hand (no serializer), so its errors are its own 400s.
 */
import { json, serverError, validationError } from "../api-error.js";
import type { Behaviour } from "../context.js";
import { logActivity } from "../project-records.js";

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export const changeOrganization: Behaviour = async (context) => {
  const stored = context.project();
  const body = (await context.rawBody()) as Record<string, unknown> | null;
  const targetId = body && typeof body === "object" ? body.organization_id : undefined;
  const notMember = () => validationError("You must be a member of the target organization to move a project.");
  if (targetId === undefined || targetId === null) throw notMember();
  // Organization.objects.get(pk="not-a-uuid") raises a Django ValidationError nobody catches: a 500.
  if (typeof targetId !== "string" || !UUID.test(targetId)) throw serverError();
  const { db } = context.runtime;
  const source = db.organization(stored.data.organization);
  const target = db.organization(targetId.toLowerCase().replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5"));
  if (!source?.membershipLevel || !target?.membershipLevel) throw notMember();
  if (source.membershipLevel < 8 || target.membershipLevel < 8) {
    throw validationError("You must be an admin of both the source and target organizations to move a project.");
  }
  const before = stored.data.organization;
  stored.data.organization = target.id;
  stored.data.effective_membership_level = target.membershipLevel;
  stored.data.updated_at = context.runtime.now().toISOString();
  logActivity(context.runtime, stored, "changed_organization", "Project", [
    { action: "changed", field: "organization", before, after: target.id },
  ]);
  return json(200, stored.data);
};
