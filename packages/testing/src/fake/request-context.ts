/**
 * The URL's scope on top of the engine's context, as PostHog's routing resolves it
 * (posthog/api/routing.py parents_query_dict): `{organization_id}` is `@current` or a UUID, the
 * organization resource names its organization by `{id}` (OrganizationViewSet.organization), a
 * project route's `{id}` is the project (ProjectViewSet.safely_get_object) and a project-scoped
 * resource's `{project_id}` its team. Each is looked up once, when first asked for.
 */
import type { FakeRuntime, RequestContext } from "./context.js";
import type { FakeOrganization, StoredProject } from "./database.js";
import { organizationNotFound } from "./engine/api-error.js";
import type { EngineContext } from "./engine/context.js";
import { djangoUuid } from "./engine/python.js";
import { lookupOrganization, ORGANIZATIONS } from "./organizations/records.js";
import { lookupProject, PROJECTS } from "./projects/records.js";

export function requestContext(runtime: FakeRuntime, base: EngineContext): RequestContext {
  const { db } = runtime;
  const { params, caller } = base;
  const raw = params.organization_id;
  // parents_query_dict: `@current` is the user's organization, anything else must parse as a UUID.
  const organizationId =
    raw === undefined ? "" : raw === "@current" ? db.currentOrganizationId : ((djangoUuid(raw) as string) ?? "");
  const validOrganizationId = raw === undefined || (organizationId !== "" && organizationId !== "invalid");
  const organizationRecord = () => {
    const found = validOrganizationId ? db.organization(organizationId) : undefined;
    if (!found) throw organizationNotFound();
    return found;
  };
  const scoped = caller.kind === "key" ? caller.key.scopedOrganizations : [];
  // The organization resource's own routes name their organization by `{id}` (OrganizationViewSet).
  const organizationRoute = base.row.resource === ORGANIZATIONS;
  // The project resource's own routes name their project by `{id}`; project-scoped ones by `{project_id}`.
  const teamParam = base.row.resource === PROJECTS ? params.id : params.project_id;
  let viewOrganization: FakeOrganization | null | undefined;
  let project: StoredProject | undefined;
  const lookUpProject = () => {
    project ??= lookupProject(runtime, teamParam, scoped, () => {
      if (!validOrganizationId) throw organizationNotFound();
      return organizationId;
    });
    return project;
  };
  return {
    ...base,
    runtime,
    get organization() {
      const found = validOrganizationId ? db.organization(organizationId) : undefined;
      return found?.membershipLevel ? found : undefined;
    },
    organizationId: validOrganizationId ? organizationId : "",
    organizationRecord,
    organizationRoute,
    teamRoute: !organizationRoute && teamParam !== undefined,
    viewOrganization: () => {
      if (viewOrganization !== undefined) return viewOrganization;
      // Under /api/projects/{project_id}/ the view's organization is the project's.
      if (!organizationRoute && raw === undefined && teamParam !== undefined) {
        viewOrganization = db.organization(lookUpProject().data.organization) ?? organizationRecord();
      } else if (!organizationRoute) viewOrganization = organizationRecord();
      else if (params.id === undefined) viewOrganization = null;
      else viewOrganization = lookupOrganization(runtime, params.id, scoped);
      return viewOrganization;
    },
    membership: (id) => db.organization(id)?.membershipLevel ?? null,
    project: lookUpProject,
  };
}

/**
 * Which records of a resource without a module a URL sees: those created under the same
 * organization and project (`@current` resolved) and the same other parent ids.
 */
export function scopeKey(context: RequestContext): string {
  return context.row.pathParams
    .filter((param) => param.name !== "id")
    .map(({ name }) => {
      if (name === "organization_id") return `${name}=${context.organizationId}`;
      if (name === "project_id") return `${name}=${context.project().data.id}`;
      return `${name}=${context.params[name]}`;
    })
    .join("&");
}
