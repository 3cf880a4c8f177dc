/**
 * ProjectViewSet's and OrganizationViewSet's permission chains, class by class in PostHog's order
 * (posthog/api/project.py and posthog/api/organization.py dangerously_get_permissions,
 * posthog/permissions.py): IsAuthenticated, APIScopePermission (scopes, a key's organization and
 * project limits, the organization's personal-API-key setting), then for projects
 * PremiumMultiProjectPermission (the plan's project limit), UserCanCreateProjectPermission /
 * OrganizationMemberPermissions for create, TeamMemberLightManagementPermission for everything but
 * list, and TeamMemberStrictManagementPermission for the token actions; for organizations
 * OrganizationAdminWritePermissions on updates and OrganizationPermissionsWithDelete (the owner) on
 * delete. Each is keyed by the operationId of the generated table; an operation that is not listed
 * gets the default for its route (Light on project detail routes, membership on the organization's),
 * like a new action on the viewset would.
 */
import type { OperationId } from "@hogkit/types";
import type { RequestContext } from "./context.js";
import type { FakeOrganization } from "./database.js";
import { organizationNotFound, permissionDenied, serverError } from "./engine/api-error.js";
import { notAuthenticated } from "./engine/auth.js";
import { pythonTruthy } from "./engine/python.js";

type Permission = (context: RequestContext) => void | Promise<void>;

const INSUFFICIENT = "You don't have sufficient permissions in the project.";
const ORGANIZATION_LEVEL = "Your organization access level is insufficient.";
const PLAN_LIMIT =
  "You have reached the maximum limit of allowed projects for your current plan. Upgrade your plan to be able to create and manage more projects.";
/** MAX_ALLOWED_PROJECTS_PER_ORG (posthog/api/project.py). */
export const MAX_PROJECTS_PER_ORGANIZATION = 2000;

/** `organization.available_product_features or []`: null is no feature. */
const featuresOf = (organization: FakeOrganization) => organization.availableProductFeatures ?? [];

export const hasFeature = (organization: FakeOrganization, key: string) =>
  featuresOf(organization).some((feature) => feature.key === key);

export const isAuthenticated: Permission = (context) => {
  if (context.caller.kind === "anonymous") {
    throw notAuthenticated(context.url.origin);
  }
};

export const apiScopePermission: Permission = async (context) => {
  const { caller, row } = context;
  if (caller.kind === "session") {
    // ProjectViewSet.dangerously_get_required_scopes reads request.data.keys() for a session PATCH.
    if (row.operationId === "projects_partial_update") {
      const data = await context.rawBody();
      if (data === null || typeof data !== "object" || Array.isArray(data)) throw serverError();
    }
    return;
  }
  if (caller.kind !== "key") return;
  const key = caller.key;
  if (key.kind === "oauth" && key.scopes.length === 0) {
    throw permissionDenied("OAuth token has no scopes and cannot access this resource");
  }
  if (!row.scopes?.length) throw permissionDenied("This action does not support personal API key access");
  if (key.kind === "personal") {
    // get_organization_from_view: the collection of the organization resource has none.
    const organization = context.viewOrganization();
    const level = organization ? context.membership(organization.id) : null;
    if (
      organization &&
      hasFeature(organization, "organization_security_settings") &&
      !organization.membersCanUsePersonalApiKeys &&
      level !== null &&
      level < 8
    ) {
      throw permissionDenied(
        `Organization '${organization.name}' does not allow using personal API keys. Contact an admin to enable personal API keys for this organization.`,
      );
    }
  }
  if (key.scopedTeams.length) {
    // view.team: organization routes have no team (a KeyError PostHog turns into this 403).
    if (!context.teamRoute) {
      throw permissionDenied("API keys with scoped projects are only supported on project-based endpoints.");
    }
    const project = context.project();
    if (!key.scopedTeams.includes(project.data.id)) {
      throw permissionDenied(`API key does not have access to the requested project: ID ${project.data.id}.`);
    }
  }
  if (key.scopedOrganizations.length) {
    const organization = context.viewOrganization();
    if (organization && !key.scopedOrganizations.includes(organization.id)) {
      throw permissionDenied(`API key does not have access to the requested organization: ID ${organization.id}.`);
    }
  }
  if (key.scopes.includes("*")) return;
  for (const scope of row.scopes) {
    const enough =
      key.scopes.includes(scope) || (scope.endsWith(":read") && key.scopes.includes(scope.replace(/:read$/, ":write")));
    if (!enough) throw permissionDenied(`API key missing required scope '${scope}'`);
  }
};

/** PremiumMultiProjectPermission: demo projects, the plan's project limit, PostHog's hard limit. */
const premiumMultiProject: Permission = async (context) => {
  const organization = context.organizationRecord();
  const data = await context.rawBody();
  // request.data.get("is_demo"): a body that is not a JSON object has no .get (an uncaught AttributeError).
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw serverError();
  const projects = context.runtime.db.projects.filter((p) => p.organization === organization.id);
  if (pythonTruthy((data as Record<string, unknown>).is_demo) && projects.some((p) => p.is_demo)) {
    throw permissionDenied(PLAN_LIMIT);
  }
  const count = projects.filter((p) => !p.is_demo).length;
  const feature = featuresOf(organization).find((f) => f.key === "organizations_projects");
  if (!feature) {
    if (count >= 1) throw permissionDenied(PLAN_LIMIT);
    return;
  }
  const limit = feature.limit ?? null;
  if (limit === null) {
    if (count >= MAX_PROJECTS_PER_ORGANIZATION) {
      throw permissionDenied(
        `You have reached the maximum limit of ${MAX_PROJECTS_PER_ORGANIZATION} projects per organization. Contact support if you'd like access to more projects.`,
      );
    }
  } else if (count >= limit) throw permissionDenied(PLAN_LIMIT);
};

/** Create: UserCanCreateProjectPermission, or OrganizationMemberPermissions for a demo project. */
const canCreateProject: Permission = async (context) => {
  const organization = context.organizationRecord();
  const level = context.membership(organization.id);
  const data = (await context.rawBody()) as Record<string, unknown>;
  if (pythonTruthy(data.is_demo)) {
    if (level === null) throw permissionDenied("You do not have permission to perform this action.");
    return;
  }
  if (level === null) throw organizationNotFound();
  if (level >= 8) return;
  if (!hasFeature(organization, "organization_invite_settings") || !organization.membersCanCreateProjects) {
    throw permissionDenied("You need to be an organization admin or above to create new projects.");
  }
};

/** TeamMemberLightManagementPermission: a member for reads and updates, an admin to delete. */
const teamMemberLight: Permission = (context) => {
  const project = context.project();
  const level = context.membership(project.data.organization);
  if (level === null) throw permissionDenied(INSUFFICIENT);
  if (context.request.method.toUpperCase() === "DELETE" && level < 8) throw permissionDenied(INSUFFICIENT);
};

/** TeamMemberStrictManagementPermission: an admin for anything but reads. */
const teamMemberStrict: Permission = (context) => {
  const level = context.membership(context.project().data.organization);
  const safe = ["GET", "HEAD", "OPTIONS"].includes(context.request.method.toUpperCase());
  if (level === null || (!safe && level < 8)) throw permissionDenied(INSUFFICIENT);
};

/** OrganizationAdminWritePermissions (object): an admin or the owner for anything but reads. */
const organizationAdminWrite: Permission = (context) => {
  const organization = context.viewOrganization();
  if (organization && (organization.membershipLevel ?? 0) < 8) throw permissionDenied(ORGANIZATION_LEVEL);
};

/** OrganizationPermissionsWithDelete (object): the owner to delete, an admin for other writes. */
const organizationOwnerDelete: Permission = (context) => {
  const organization = context.viewOrganization();
  const needed = context.request.method.toUpperCase() === "DELETE" ? 15 : 8;
  const safe = ["GET", "HEAD", "OPTIONS"].includes(context.request.method.toUpperCase());
  if (organization && !safe && (organization.membershipLevel ?? 0) < needed) throw permissionDenied(ORGANIZATION_LEVEL);
};

/** OrganizationMemberPermissions (object): the view's organization is one of the caller's (404 before otherwise). */
const organizationMember: Permission = (context) => {
  context.viewOrganization();
};

/** The classes after APIScopePermission, per operation. */
const OPERATION_PERMISSIONS = {
  organizations_list: [],
  // On Cloud nothing more (PremiumMultiorganizationPermission guards self-hosted instances only).
  organizations_create: [],
  organizations_retrieve: [organizationMember],
  organizations_update: [organizationMember, organizationAdminWrite],
  organizations_partial_update: [organizationMember, organizationAdminWrite],
  organizations_destroy: [organizationMember, organizationOwnerDelete],
  projects_list: [],
  projects_create: [premiumMultiProject, canCreateProject],
  projects_reset_token_partial_update: [teamMemberLight, teamMemberStrict],
  projects_rotate_secret_token_partial_update: [teamMemberLight, teamMemberStrict],
  projects_delete_secret_token_backup_partial_update: [teamMemberLight, teamMemberStrict],
} satisfies Partial<Record<OperationId, Permission[]>>;

/**
 * Before IsAuthenticated: ProjectViewSet.dangerously_get_permissions evaluates
 * `"is_demo" not in request.data` for create, which parses the body (a 400 for bad JSON, even
 * without credentials) and raises TypeError for a body `in` cannot search (a JSON number, boolean
 * or null).
 */
export async function beforeAuthentication(context: RequestContext): Promise<void> {
  if (context.row.operationId !== "projects_create") return;
  const data = await context.rawBody();
  if (data === null || typeof data === "number" || typeof data === "boolean") throw serverError();
}

export async function checkPermissions(context: RequestContext): Promise<void> {
  isAuthenticated(context);
  await apiScopePermission(context);
  const listed = (OPERATION_PERMISSIONS as Partial<Record<string, Permission[]>>)[context.row.operationId];
  const chain =
    listed ??
    (context.organizationRoute
      ? [organizationMember, organizationOwnerDelete]
      : context.teamRoute
        ? [teamMemberLight]
        : []);
  for (const permission of chain) await permission(context);
}
