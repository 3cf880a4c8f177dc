/**
 * The half of @hogkit/react that needs no React: query keys, the `…QueryOptions` and
 * `…InfiniteQueryOptions` helpers and their defaults. Safe in React Server Components, route
 * handlers and plain Node, where TanStack Query's prefetch runs. Its own entry in the build, so that
 * none of this code ends up behind the `"use client"` boundary of ./client.ts.
 */
export type { CacheEffect } from "./cache-effects.js";
export type { HogkitClient } from "./client-types.js";
export * from "./generated/query-options.js";
export { nextOffset, retryUnlessApiError } from "./query-defaults.js";
export { createQueryKeys, type QueryKeys } from "./query-keys.js";
