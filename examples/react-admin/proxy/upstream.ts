/**
 * Where the proxy sends the browser's calls, and with which credentials. The browser never holds a
 * key: the proxy adds it.
 *
 * - `POSTHOG_HOST` + `POSTHOG_PERSONAL_API_KEY`: real PostHog with a personal API key (PostHog then
 *   refuses the session-only actions, such as rotating the secret token, and the UI says so).
 * - `POSTHOG_HOST` + `POSTHOG_SESSION_COOKIE` (`sessionid=…`): real PostHog with your browser session.
 * - neither: the embedded fake from @hogkit/testing, seeded, with a personal API key that has every
 *   scope — or, with `HOGKIT_PROXY_CREDENTIALS=session`, a session of the fake.
 */
import type { FakePostHog } from "@hogkit/testing";

export interface Upstream {
  backend: "hogkit-mock" | "posthog";
  credentials: "personal-api-key" | "session";
  /** The origin the upstream writes into absolute links (`next`, `previous`). */
  origin: string;
  /** Sends the browser's request to `path` (`/api/organizations/…?limit=10`) upstream, adding credentials. */
  forward(path: string, request: Request): Promise<Response>;
  close(): Promise<void>;
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

/** The fake is called in-process; this made-up origin only appears in links the proxy rewrites. */
const FAKE_ORIGIN = "http://posthog.invalid";

export async function createUpstream(env: Env): Promise<Upstream> {
  const host = env.POSTHOG_HOST;
  if (host && (env.POSTHOG_PERSONAL_API_KEY || env.POSTHOG_SESSION_COOKIE)) {
    return realPostHog(host, env.POSTHOG_PERSONAL_API_KEY, env.POSTHOG_SESSION_COOKIE);
  }
  if (host) throw new Error("POSTHOG_HOST is set but neither POSTHOG_PERSONAL_API_KEY nor POSTHOG_SESSION_COOKIE is");
  return embeddedFake(
    env.HOGKIT_PROXY_CREDENTIALS === "session" ? "session" : "personal-api-key",
    Number(env.HOGKIT_SEED ?? 42),
  );
}

function realPostHog(host: string, apiKey: string | undefined, sessionCookie: string | undefined): Upstream {
  const base = new URL(host);
  return {
    backend: "posthog",
    credentials: apiKey ? "personal-api-key" : "session",
    origin: base.origin,
    forward(path, request) {
      // Keep a self-hosted instance's path prefix (`https://example.com/posthog` + `/api/…`).
      const target = new URL(base.pathname.replace(/\/$/, "") + path, base.origin);
      const headers = new Headers(request.headers);
      if (apiKey) headers.set("authorization", `Bearer ${apiKey}`);
      else if (sessionCookie) headers.set("cookie", sessionCookie);
      return fetch(
        new Request(target, { method: request.method, headers, body: request.body, duplex: "half" } as RequestInit),
      );
    },
    async close() {},
  };
}

async function embeddedFake(credentials: Upstream["credentials"], seed: number): Promise<Upstream> {
  const { createFakePostHog } = await import("@hogkit/testing");
  return fakeUpstream(createFakePostHog({ seed, projects: DEMO_PROJECTS.map((name) => ({ name })) }), credentials);
}

/** The fake as the proxy's upstream, with its all-scopes personal API key or one of its sessions. */
export function fakeUpstream(fake: FakePostHog, credentials: Upstream["credentials"]): Upstream {
  const session = fake.createSession();
  return {
    backend: "hogkit-mock",
    credentials,
    origin: FAKE_ORIGIN,
    forward(path, request) {
      const headers = new Headers(request.headers);
      if (credentials === "session") headers.set("cookie", session.cookie);
      else headers.set("authorization", `Bearer ${fake.apiKey}`);
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : request.body;
      return fake.handle(
        new Request(new URL(path, FAKE_ORIGIN), {
          method: request.method,
          headers,
          body,
          duplex: "half",
        } as RequestInit),
      );
    },
    async close() {},
  };
}
