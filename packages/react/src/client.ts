/**
 * The half of @hogkit/react that runs in Client Components: the provider, which creates a React
 * context, and every hook. Marked `"use client"` so that a Server Component importing the root entry
 * gets client references for these instead of running them (React Server Components have no
 * context). The build keeps the directive at the top of dist/client.js and dist/client.cjs.
 */
"use client";

export * from "./generated/hooks.js";
export { HogkitProvider, type HogkitProviderProps, useHogkitClient } from "./provider.js";
export type { HogkitMutationOptions, MutationVariablesBase, OptimisticContext } from "./use-hogkit-mutation.js";
