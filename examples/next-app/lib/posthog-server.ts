/**
 * Where this app's server side talks to, chosen once per process on the first request (the
 * environment of `next start`, not of `next build`):
 *
 * - `POSTHOG_HOST` + `POSTHOG_PERSONAL_API_KEY`: a real PostHog (or any server speaking its API).
 * - neither: the embedded fake from @hogkit/testing, seeded with demo projects, called in-process.
 *
 * `client` is what Server Components prefetch with (PostHog directly, key included: it never leaves
 * the server); `proxy` is what the same-origin proxy route forwards to. The choice is kept on
 * globalThis so that every route of the server shares one (the fake's state above all).
 */
import { createClient, type PostHogClient } from "@hogkit/client";
import type { ProxyOptions } from "@hogkit/client/proxy";

export interface PostHogBackend {
  kind: "posthog" | "hogkit-mock";
  client: PostHogClient;
  proxy: Pick<ProxyOptions, "host" | "apiKey" | "fetch">;
}

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

/** The fake is called in-process; this host never resolves, so nothing can reach it by accident. */
const FAKE_HOST = "https://posthog.invalid";

const store = globalThis as { __hogkitBackend?: Promise<PostHogBackend> };

export function backend(): Promise<PostHogBackend> {
  store.__hogkitBackend ??= chooseBackend(process.env);
  return store.__hogkitBackend;
}

async function chooseBackend(env: Record<string, string | undefined>): Promise<PostHogBackend> {
  const host = env.POSTHOG_HOST;
  const apiKey = env.POSTHOG_PERSONAL_API_KEY;
  if (host && apiKey) return { kind: "posthog", client: createClient({ host, apiKey }), proxy: { host, apiKey } };
  if (host || apiKey)
    throw new Error("Set both POSTHOG_HOST and POSTHOG_PERSONAL_API_KEY, or neither for the embedded fake.");
  const { createFakePostHog } = await import("@hogkit/testing");
  const fake = createFakePostHog({ seed: 42, projects: DEMO_PROJECTS.map((name) => ({ name })) });
  const handle = (request: Request) => fake.handle(request);
  return {
    kind: "hogkit-mock",
    client: createClient({
      host: FAKE_HOST,
      apiKey: fake.apiKey,
      fetch: (input, init) => handle(new Request(input, init)),
    }),
    proxy: { host: FAKE_HOST, apiKey: fake.apiKey, fetch: handle },
  };
}
