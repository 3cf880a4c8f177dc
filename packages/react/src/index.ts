/**
 * @hogkit/react: TanStack Query hooks for PostHog's Projects API. One root entry for both worlds:
 * ./queries.js (keys and queryOptions helpers, no React) works in Server Components and plain Node;
 * ./client.js (`"use client"`: provider and hooks) is a client boundary, so importing this entry
 * from a Server Component is fine as long as it only calls the former. The hooks, keys and options
 * in ./generated are generated from the spec; the rest are the hand-written bases.
 */
export * from "./client.js";
export * from "./queries.js";
