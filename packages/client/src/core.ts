/**
 * `@hogkit/client/core`: `createCore`, the lean transport the standalone functions of
 * `@hogkit/client/funcs` take, with the errors they throw and the types of its options.
 */

export { type Core, createCore } from "./create-core.js";
export * from "./errors/index.js";
export type { HeadersInput, PageItem, RequestOptions } from "./operation.js";
export type {
  ClientHooks,
  ClientOptions,
  DeprecationEvent,
  FetchLike,
  HostOption,
  PostHogHost,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./options.js";
export { pinOrganization } from "./pin.js";
export type { BackoffOptions } from "./retry.js";
