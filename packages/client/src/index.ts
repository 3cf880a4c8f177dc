/**
 * @hogkit/client: a typed, retrying client for PostHog's Projects API. The public surface is this
 * list; everything else in src/ is internal.
 */

export type {
  Project,
  ProjectBasic,
  ProjectCreate,
  ProjectsPage,
  ProjectUpdate,
  Timezone,
  WeekStartDay,
} from "@hogkit/types";
export { createClient, type PostHogClient } from "./client.js";
export type {
  ClientHooks,
  ClientOptions,
  FetchLike,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./config.js";
export * from "./errors/index.js";
export type * from "./generated/resources.js";
export type { HeadersInput, PageItem, RequestOptions } from "./operation.js";
export type { BackoffOptions } from "./retry.js";
