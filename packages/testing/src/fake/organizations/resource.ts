/**
 * The organization resource, as OrganizationViewSet serves it (posthog/api/organization.py): every
 * operation is derived from its effect on this store; PostHog's differences are in the hooks
 * (bootstrap on create, the membership signal on delete) and the permission chain (../permissions.ts).
 */
import type { RequestContext } from "../context.js";
import type { FakeOrganization } from "../database.js";
import { notFound } from "../engine/api-error.js";
import { drfDateTime } from "../engine/python.js";
import { defineResource } from "../engine/resource.js";
import {
  applyOrganizationFields,
  bootstrapOrganization,
  deleteOrganization,
  ORGANIZATIONS,
  organizationView,
} from "./records.js";

/** The organization `{id}` names (view.organization): the routes without `{id}` never ask. */
function own(context: RequestContext): FakeOrganization {
  const organization = context.viewOrganization();
  if (!organization) throw new Error(`${context.row.operationId} names no organization`);
  return organization;
}

export const organizations = defineResource<RequestContext, FakeOrganization>({
  name: ORGANIZATIONS,
  store: {
    all(context) {
      // The list's access-control queryset needs the user's current organization (posthog/api/routing.py).
      if (!context.runtime.db.currentOrganizationId) throw notFound("You need to belong to an organization.");
      return context.runtime.db.memberOrganizations();
    },
    find: own,
    insert: (context, attrs) => bootstrapOrganization(context.runtime, attrs),
    change(context, organization, attrs) {
      applyOrganizationFields(context.runtime, organization, attrs);
      organization.updated_at = drfDateTime(context.runtime.now());
    },
    remove: (context, organization) => deleteOrganization(context.runtime, organization),
    view: (context, organization) => organizationView(context.runtime, organization) as Record<string, unknown>,
  },
  list: {
    // A key's `scoped_organizations` narrow the caller's organizations.
    visible(context, organization) {
      const scoped = context.caller.kind === "key" ? context.caller.key.scopedOrganizations : [];
      return !scoped.length || scoped.includes(organization.id);
    },
  },
});
