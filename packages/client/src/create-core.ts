/**
 * `createCore`: the lean transport — credentials, host, retries, timeouts, typed redacted errors and
 * hooks — with no operations attached. The standalone functions of `@hogkit/client/funcs` take it
 * (or a `createClient` client, which is a core too) as their first argument.
 */
import { baseOf, CLIENT, type Config, resolveConfig } from "./config.js";
import { misuse } from "./option-checks.js";
import type { ClientOptions, PostHogHost } from "./options.js";

/**
 * Where a core keeps its settings: a non-enumerable property under a symbol every copy of the
 * package shares, holding a function that returns them, so that logging or inspecting a client
 * (`util.inspect` with `showHidden` and `getters` included) never shows the key.
 */
export const SETTINGS: unique symbol = Symbol.for("hogkit.core");

export interface Core {
  /** The API's base URL, path prefix included, no trailing slash. */
  readonly baseUrl: string;
  /** The organization calls act in unless they pass their own. */
  readonly organizationId: string;
  /** The resolved settings; internal. */
  readonly [SETTINGS]: () => object;
}

/**
 * Creates a core. With no options it reads `POSTHOG_PERSONAL_API_KEY` and `POSTHOG_HOST` (Node,
 * Deno, Bun) and talks to PostHog US Cloud.
 *
 * @example
 * import { createCore } from "@hogkit/client/core";
 * import { projectsRetrieve } from "@hogkit/client/funcs";
 *
 * const core = createCore({ host: "eu" });
 * const project = await projectsRetrieve(core, 12345);
 */
export function createCore<Host extends string = PostHogHost>(options?: ClientOptions<Host>): Core {
  return coreOf(resolveConfig(options as ClientOptions<string> | undefined));
}

/** A core over settings already resolved (a pinned copy of another core's, say). */
export function coreOf(config: Config): Core {
  return Object.defineProperty(
    {
      // A getter: a same-origin path host is resolved against the page only when there is one.
      get baseUrl() {
        return config.origin || !globalThis.location ? config.base : baseOf(config);
      },
      organizationId: config.organizationId,
    },
    SETTINGS,
    { value: () => config },
  ) as Core;
}

/**
 * A resource object of the client: each standalone function with the core as its first argument
 * (`client.projects.retrieve(1)` is `projectsRetrieve(client, 1)`).
 */
// biome-ignore lint/suspicious/noExplicitAny: any function whose first parameter takes a core.
type CoreFunction = (core: Core, ...args: any[]) => unknown;

/** Each function of `functions` with its first argument, the core, already given. */
export type Bound<Functions extends Record<string, CoreFunction>> = {
  [Name in keyof Functions]: Functions[Name] extends (core: Core, ...args: infer Args) => infer Result
    ? (...args: Args) => Result
    : never;
};

export function bindCore<Functions extends Record<string, CoreFunction>>(
  core: Core,
  functions: Functions,
): Bound<Functions> {
  const bound: Record<string, CoreFunction> = {};
  // Bound functions: V8 calls them as fast as the function itself (no rest array per call).
  for (const name in functions) bound[name] = (functions[name] as CoreFunction).bind(undefined, core);
  return bound as Bound<Functions>;
}

/** The settings of a core or client, or a TypeError naming what was expected. */
export function settingsOf(core: Core): Config {
  // A function since this release; an older copy of the package stored the settings themselves.
  const held = (core as Partial<Record<typeof SETTINGS, unknown>> | undefined)?.[SETTINGS];
  const config = typeof held === "function" ? held() : held;
  if (!config)
    throw misuse(CLIENT, "expected a core from createCore() or a client from createClient() as first argument.");
  return config as Config;
}
