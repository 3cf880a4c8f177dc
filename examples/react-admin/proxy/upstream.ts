/**
 * What the proxy forwards to, and with which credential. The browser never holds one: the proxy
 * (`createProxyHandler` from @hogkit/client/proxy) adds it.
 *
 * - `POSTHOG_HOST` + `POSTHOG_PERSONAL_API_KEY`: real PostHog with a personal API key (PostHog then
 *   refuses the session-only actions, such as rotating the secret token, and the UI says so).
 * - `POSTHOG_HOST` + `POSTHOG_SESSION_COOKIE` (`sessionid=…; posthog_csrftoken=…`): real PostHog
 *   with your browser session.
 * - neither: the embedded fake from @hogkit/testing, seeded, with a personal API key that has every
 *   scope — or, with `HOGKIT_PROXY_CREDENTIALS=session`, a session of the fake.
 */
import type { ProxyOptions } from "@hogkit/client/proxy";
import type { FakePostHog } from "@hogkit/testing";

export interface Upstream {
  backend: "hogkit-mock" | "posthog";
  credentials: "personal-api-key" | "session";
  /** The proxy's options for it: host, credential, and for the fake, a fetch that calls it in-process. */
  proxy: Pick<ProxyOptions, "host" | "apiKey" | "session" | "fetch">;
}

type Env = Record<string, string | undefined>;

const DEMO_PROJECTS = [
  "Marketing site",
  "Checkout",
  "Mobile app (iOS)",
  "Mobile app (Android)",
  "Docs",
  "Internal tools",
  "Billing",
  "Onboarding experiments",
  "Data pipeline",
  "Support portal",
  "Partner API",
  "Status page",
];

/** The fake is called in-process; this host never resolves, and only appears in links the proxy rewrites. */
const FAKE_HOST = "https://posthog.invalid";

export async function createUpstream(env: Env): Promise<Upstream> {
  const host = env.POSTHOG_HOST;
  const apiKey = env.POSTHOG_PERSONAL_API_KEY;
  const session = env.POSTHOG_SESSION_COOKIE;
  if (host && apiKey) return { backend: "posthog", credentials: "personal-api-key", proxy: { host, apiKey } };
  if (host && session) return { backend: "posthog", credentials: "session", proxy: { host, session } };
  if (host) throw new Error("POSTHOG_HOST is set but neither POSTHOG_PERSONAL_API_KEY nor POSTHOG_SESSION_COOKIE is");
  const { createFakePostHog } = await import("@hogkit/testing");
  const fake = createFakePostHog({
    seed: Number(env.HOGKIT_SEED ?? 42),
    projects: DEMO_PROJECTS.map((name) => ({ name })),
  });
  return fakeUpstream(fake, env.HOGKIT_PROXY_CREDENTIALS === "session" ? "session" : "personal-api-key");
}

/** The fake as the proxy's upstream, with its all-scopes personal API key or one of its sessions. */
export function fakeUpstream(fake: FakePostHog, credentials: Upstream["credentials"]): Upstream {
  const credential = credentials === "session" ? { session: fake.createSession().cookie } : { apiKey: fake.apiKey };
  return {
    backend: "hogkit-mock",
    credentials,
    proxy: { host: FAKE_HOST, ...credential, fetch: (request) => fake.handle(request) },
  };
}
