/**
 * One fake PostHog with the keys, organizations and projects the facts need, reachable through
 * @hogkit/client over MSW (in-process interception) or over a real HTTP server on loopback.
 */
import { createClient, type PostHogClient } from "@hogkit/client";
import { createFakePostHog, type FakePostHog } from "@hogkit/testing";
import { mswHandlers } from "@hogkit/testing/msw";
import { setupServer } from "msw/node";

export const ORG_A = "0190a6e1-0000-7000-8000-00000000000a"; // the user's current organization, owner
export const ORG_B = "0190a6e1-0000-7000-8000-00000000000b"; // another organization where the user is admin
export const ORG_C = "0190a6e1-0000-7000-8000-00000000000c"; // an organization the user is not a member of
export const ORG_MEMBER = "0190a6e1-0000-7000-8000-00000000000d"; // the user is only a member here

export const KEYS = {
  all: "phx_contractAllScopes0000000000000000000000000",
  read: "phx_contractProjectRead00000000000000000000000",
  write: "phx_contractProjectWrite0000000000000000000000",
  unrelated: "phx_contractOrganizationRead0000000000000000",
} as const;

export interface Harness {
  /** `prism`: over HTTP through Stoplight Prism's validating proxy (prism.test.ts). */
  readonly transport: "msw" | "http" | "prism";
  readonly fake: FakePostHog;
  readonly baseUrl: string;
  /** A client with a personal API key (every scope unless another key is named). */
  client(options?: { key?: keyof typeof KEYS | null; organizationId?: string; maxRetries?: number }): PostHogClient;
  /** A client with a key the fact minted (`fake.createKey`). */
  keyClient(apiKey: string): PostHogClient;
  /** A client that sends a logged-in session's cookie instead of a key. */
  sessionClient(): PostHogClient;
  /** A plain fetch to the API, for what the client refuses to send (e.g. `id=abc`). */
  raw(path: string, init?: RequestInit & { key?: keyof typeof KEYS }): Promise<Response>;
  close(): Promise<void>;
}

export function createFake(): FakePostHog {
  return createFakePostHog({
    seed: 2024,
    organizations: [
      { id: ORG_A, name: "Acme", membershipLevel: 15 },
      { id: ORG_B, name: "Acme Labs", membershipLevel: 8 },
      { id: ORG_C, name: "Someone else", membershipLevel: null },
      { id: ORG_MEMBER, name: "Partner", membershipLevel: 1 },
    ],
    keys: [
      { key: KEYS.all, scopes: ["*"] },
      { key: KEYS.read, scopes: ["project:read"] },
      { key: KEYS.write, scopes: ["project:write"] },
      { key: KEYS.unrelated, scopes: ["organization:read"] },
    ],
    projects: [
      { name: "Web", secret_api_token: "phs_contractSecretOne000000000000000000000", secret_api_token_backup: null },
      { name: "Mobile" },
      { name: "Checkout" },
      { name: "Labs project", organization: ORG_B },
      { name: "Their project", organization: ORG_C },
    ],
  });
}

// Tiny waits between retries: the facts are about what happens, not how long it takes.
const backoff = { baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 5, maxRetryAfterMs: 5 };

export function harness(
  transport: Harness["transport"],
  fake: FakePostHog,
  baseUrl: string,
  close: () => Promise<void>,
): Harness {
  return {
    transport,
    fake,
    baseUrl,
    client: ({ key = "all", organizationId, maxRetries } = {}) =>
      createClient({
        apiKey: key === null ? null : KEYS[key],
        host: baseUrl,
        organizationId,
        maxRetries,
        backoff,
      }),
    keyClient: (apiKey) => createClient({ apiKey, host: baseUrl, backoff }),
    sessionClient: () => createClient({ host: baseUrl, headers: { cookie: fake.createSession().cookie }, backoff }),
    raw: (path, { key = "all", ...init } = {}) =>
      fetch(new URL(path, baseUrl), {
        ...init,
        headers: { authorization: `Bearer ${KEYS[key]}`, "content-type": "application/json", ...init.headers },
      }),
    close,
  };
}

export async function overMsw(): Promise<Harness> {
  const fake = createFake();
  const server = setupServer(...mswHandlers(fake));
  server.listen({ onUnhandledRequest: "error" });
  return harness("msw", fake, "https://us.posthog.com", async () => server.close());
}

export async function overHttp(): Promise<Harness> {
  const fake = createFake();
  const running = await fake.listen({ port: 0 });
  return harness("http", fake, running.url, () => running.close());
}
