/**
 * @hogkit/react: TanStack Query hooks for PostHog's Projects API. The hooks, query keys and query
 * options in ./generated are generated from the spec; the pieces below are the hand-written bases.
 */

export type { CacheEffect } from "./cache-effects.js";
export type { HogkitClient } from "./client-types.js";
export * from "./generated/hooks.js";
export { HogkitProvider, type HogkitProviderProps, useHogkitClient } from "./provider.js";
export { nextOffset, retryUnlessApiError } from "./query-defaults.js";
export { createQueryKeys, type QueryKeys } from "./query-keys.js";
export type { HogkitMutationOptions, MutationVariablesBase, OptimisticContext } from "./use-hogkit-mutation.js";
