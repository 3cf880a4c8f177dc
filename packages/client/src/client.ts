/** `createClient`: a typed PostHog Projects API client whose methods come from the spec. */
import { baseOf, type ClientConfig, type ClientOptions, resolveConfig } from "./config.js";
import { createResources, type Resources } from "./generated/resources.js";
import { createRuntime } from "./runtime.js";

const CONFIG = Symbol.for("hogkit.client.config");

export interface PostHogClient extends Resources {
  /** The API's base URL, path prefix included, no trailing slash. */
  readonly baseUrl: string;
  /** The organization calls act in unless they pass their own. */
  readonly organizationId: string;
}

/**
 * Creates a client. With no options it reads `POSTHOG_PERSONAL_API_KEY` and `POSTHOG_HOST`
 * (Node, Deno, Bun) and talks to PostHog US Cloud.
 *
 * @example
 * const posthog = createClient({ apiKey: process.env.POSTHOG_PERSONAL_API_KEY, host: "eu" });
 * const project = await posthog.projects.retrieve(12345);
 */
export function createClient(options: ClientOptions = {}): PostHogClient {
  const config = resolveConfig(options);
  const client = {
    ...createResources(createRuntime(config)),
    // A getter: a same-origin path host is resolved against the page only when there is one.
    get baseUrl() {
      return config.origin === undefined && !globalThis.location ? config.baseUrl : baseOf(config).baseUrl;
    },
    organizationId: config.organizationId,
  };
  // Kept out of sight (not enumerable, not typed) for `withRaw` in the separate raw entry.
  return Object.defineProperty(client, CONFIG, { value: config });
}

export function configOf(client: PostHogClient): ClientConfig {
  const config = (client as unknown as Record<symbol, ClientConfig | undefined>)[CONFIG];
  if (!config) throw new TypeError("withRaw expects a client made by createClient from @hogkit/client.");
  return config;
}
