/** `createClient`: a core with one method per operation, `client.<resource>.<method>()`, built on the standalone functions. */
import type { ClientOptions, PostHogHost } from "./config.js";
import { type Core, createCore } from "./create-core.js";
import { createResources, type Resources } from "./generated/resources.js";

/** A core (so every standalone function accepts it) with one resource object per API tag. */
export interface PostHogClient extends Resources, Core {}

/**
 * Creates a client. With no options it reads `POSTHOG_PERSONAL_API_KEY` and `POSTHOG_HOST`
 * (Node, Deno, Bun) and talks to PostHog US Cloud.
 *
 * @example
 * const posthog = createClient({ apiKey: process.env.POSTHOG_PERSONAL_API_KEY, host: "eu" });
 * const project = await posthog.projects.retrieve(12345);
 */
export function createClient<Host extends string = PostHogHost>(options?: ClientOptions<Host>): PostHogClient {
  const core = createCore(options);
  return Object.assign(core, createResources(core));
}
