/** `createClient`: a core with one method per operation, `client.<resource>.<method>()`, built on the standalone functions. */

import { type Core, createCore } from "./create-core.js";
import { createResources, type Resources } from "./generated/resources.js";
import type { RequestOptions } from "./operation.js";
import type { ClientOptions, PostHogHost } from "./options.js";
import { pinOrganization as pinCore } from "./pin.js";

/** Marks the objects createClient made, so that pinning one gives a client back. */
const CLIENT: unique symbol = Symbol.for("hogkit.client");

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
  return withResources(createCore(options));
}

function withResources(core: Core): PostHogClient {
  return Object.defineProperty(Object.assign(core, createResources(core)), CLIENT, { value: true });
}

/**
 * Resolves the client's organization (usually `@current`) to its UUID, once, and returns a client
 * of the same settings bound to that UUID, so that later calls — writes above all — cannot drift
 * into another organization when the caller's current one changes (a switch in PostHog's UI, an
 * organization created, the current project moved). Given a core, returns a core.
 *
 * @example
 * const posthog = await pinOrganization(createClient());
 * posthog.organizationId; // "0190a6e1-…", whatever happens to @current from now on
 */
export function pinOrganization(client: PostHogClient, options?: RequestOptions): Promise<PostHogClient>;
export function pinOrganization(core: Core, options?: RequestOptions): Promise<Core>;
export async function pinOrganization(core: Core, options?: RequestOptions): Promise<Core> {
  const pinned = await pinCore(core, options);
  return (core as Partial<Record<typeof CLIENT, boolean>>)[CLIENT] ? withResources(pinned) : pinned;
}
