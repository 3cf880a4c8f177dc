/**
 * `@hogkit/client/raw`: openapi-fetch's typed client on the same host and credentials as a
 * `createClient` client, for anything the generated methods do not cover. It lives in its own
 * entry so that apps which never use it do not ship openapi-fetch. It has none of the client's
 * retries, timeouts or typed errors.
 */
import type { paths } from "@hogkit/types";
import createFetchClient, { type Client } from "openapi-fetch";
import type { PostHogClient } from "./client.js";
import { baseOf } from "./config.js";
import { settingsOf } from "./create-core.js";

export type RawClient = Client<paths>;

/**
 * Gives a client a `raw` property: the typed openapi-fetch client, created on first use.
 *
 * @example
 * const posthog = withRaw(createClient());
 * const { data, error } = await posthog.raw.GET("/api/organizations/{organization_id}/projects/", {
 *   params: { path: { organization_id: "@current" } },
 * });
 */
export function withRaw<C extends PostHogClient>(client: C): C & { readonly raw: RawClient } {
  const config = settingsOf(client);
  let raw: RawClient | undefined;
  return Object.defineProperty(client, "raw", {
    get: () => {
      raw ??= createFetchClient<paths>({
        baseUrl: baseOf(config),
        headers: config.headers,
        fetch: (request: Request) => (config.fetch ?? globalThis.fetch)(request),
      });
      return raw;
    },
  }) as C & { readonly raw: RawClient };
}
