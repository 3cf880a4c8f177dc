/**
 * @hogkit/client: a typed, retrying client for PostHog's Projects API. The public surface is this
 * list; everything else in src/ is internal. `@hogkit/client/core` and `@hogkit/client/funcs` are
 * the same runtime without the client object, for apps that import only the operations they call.
 */

export type {
  Organization,
  OrganizationsPage,
  Project,
  ProjectBasic,
  ProjectCreate,
  ProjectsPage,
  ProjectUpdate,
  Timezone,
  WeekStartDay,
} from "@hogkit/types";
export { createClient, type PostHogClient, pinOrganization } from "./client.js";
export * from "./core.js";
export type * from "./generated/resources.js";
