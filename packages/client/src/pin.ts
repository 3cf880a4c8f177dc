/**
 * Pinning the organization. `@current` is server state: the caller's current organization, which
 * moves when they switch organization in PostHog's UI, create one, or move their current project
 * to another, so a long-running script that keeps sending `@current` can write into another
 * organization than it started in. `pinOrganization` resolves it once, to the organization's
 * UUID, and returns a core that sends that UUID from then on.
 */
import { type Core, coreOf, settingsOf } from "./create-core.js";
import { isPostHogApiError } from "./errors/posthog-api-error.js";
import type { Operation, RequestOptions } from "./operation.js";
import { request } from "./transport.js";
import { organizationSegment } from "./validate.js";

const UUID = /^[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}$/i;
// The two requests it may make, as the transport takes them. Written here rather than imported from
// the generated functions, whose names depend on the spec a client is generated from.
const ORGANIZATION: Operation = { name: "pinOrganization", method: "GET", path: "/api/organizations/{id}/" };
const PROJECTS: Operation = {
  name: "pinOrganization",
  method: "GET",
  path: "/api/organizations/{organization_id}/projects/",
};

/**
 * A copy of `core` bound to one organization's UUID: `options.organizationId` (default: the core's,
 * usually `@current`) resolved with one request (`GET /api/organizations/@current/`, which needs the
 * `organization:read` scope; a key without it is answered from its first project's organization
 * instead). A UUID is bound as it is, with no request. The original core is left as it was.
 *
 * @example
 * const pinned = await pinOrganization(createCore());
 * await projectsCreate(pinned, { name: "Nightly" }); // in the organization that was current at the start
 */
export async function pinOrganization(core: Core, options: RequestOptions = {}): Promise<Core> {
  const config = settingsOf(core);
  const { organizationId = config.organizationId, ...call } = options;
  const id = organizationSegment(organizationId, "pinOrganization");
  const uuid = UUID.test(id) ? id : await resolve(core, id, call);
  return coreOf({ ...config, organizationId: uuid.toLowerCase() });
}

async function resolve(core: Core, id: string, call: RequestOptions): Promise<string> {
  try {
    return checked((await request<{ id?: unknown }>(core, ORGANIZATION, call, [id]))?.id);
  } catch (error) {
    // A key with project scopes only: the organization of one of its projects is the same answer.
    const missing = isPostHogApiError(error) && (error as { missingScope?: string }).missingScope;
    if (missing !== "organization:read") throw error;
    const page = await request<{ results?: Array<{ organization?: unknown }> }>(
      core,
      PROJECTS,
      { ...call, organizationId: id },
      [],
      { limit: 1 },
    ).catch(() => undefined);
    const organization = page?.results?.[0]?.organization;
    if (!organization) throw error;
    return checked(organization);
  }
}

function checked(id: unknown): string {
  if (typeof id === "string" && UUID.test(id)) return id;
  throw new TypeError(`pinOrganization: PostHog answered an organization id that is not a UUID (${String(id)})`);
}
