/**
 * PostHog marks moved routes (`/api/environments/…`, served from `/api/projects/…`) with a
 * `Deprecation` header, a `Sunset` date and a successor `Link`. The client reports that once per
 * operation: to `hooks.onDeprecation` when given, else as a one-time warning on server runtimes
 * (where someone reads the logs), never in a browser console.
 */
import type { Config } from "./config.js";
import { isBrowser } from "./environment.js";
import type { Operation } from "./operation.js";
import { redactText } from "./redact.js";

/** Operations already warned about in this process: a script that makes many clients warns once. */
const warned = new Set<string>();

export function reportDeprecation(config: Config, { name, method }: Operation, url: string, headers: Headers): void {
  if (config.deprecated.has(name)) return;
  config.deprecated.add(name);
  // Each field is the server's text: redacted like everything else the client shows.
  const clean = (value: string | undefined) => value && redactText(value, config.secrets);
  const event = {
    operation: name,
    method,
    url: clean(url.replace(/\?.*/, "")) as string,
    deprecation: clean(headers.get("deprecation") as string) as string,
    sunset: clean(headers.get("sunset") ?? undefined),
    successor: clean(/<([^>]*)>[^,]*rel="?(successor-version|alternate)/.exec(headers.get("link") as string)?.[1]),
  };
  if (config.hooks.onDeprecation) config.hooks.onDeprecation(event);
  else if (!isBrowser() && !warned.has(name)) {
    warned.add(name);
    // biome-ignore lint/suspicious/noConsole: the one warning the client prints, once per operation, on servers only.
    console.warn(
      `@hogkit/client: PostHog deprecates ${name} (${method} ${event.url}): Deprecation ${event.deprecation}` +
        `${event.sunset ? `, Sunset ${event.sunset}` : ""}${event.successor ? `, successor ${event.successor}` : ""}. ` +
        "Regenerate the client, or handle this in hooks.onDeprecation.",
    );
  }
}
