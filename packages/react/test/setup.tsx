/** One fake PostHog behind MSW, a client pointed at it, and a render helper with fresh caches. */
import { createClient } from "@hogkit/client";
import { createFakePostHog } from "@hogkit/testing";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { HogkitProvider } from "../src/index.js";

export const HOST = "https://us.posthog.com";

export const fake = createFakePostHog({
  seed: 7,
  projects: Array.from({ length: 25 }, (_, i) => ({ name: `Project ${String(i + 1).padStart(2, "0")}` })),
});
export const server = setupServer(...fake.handlers);
export const requests: Request[] = [];

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => {
    requests.push(request);
  });
});
afterEach(() => {
  cleanup();
  fake.reset();
  requests.length = 0;
});
afterAll(() => server.close());

/** Requests the fake received for one path (query string ignored). */
export function requestsTo(path: string, method = "GET"): Request[] {
  return requests.filter((r) => r.method === method && new URL(r.url).pathname === path);
}

export function makeClient() {
  return createClient({
    apiKey: fake.apiKey,
    host: HOST,
    // happy-dom is a browser as far as the client can tell; these tests own the key they use.
    dangerouslyAllowBrowser: true,
    // Backoff shortened so that retry tests stay fast; the retry *count* is what they assert.
    backoff: { baseDelayMs: 1, maxDelayMs: 5, rateLimitDelayMs: 5, maxRetryAfterMs: 5 },
  });
}

export function wrapperFor(queryClient = new QueryClient()) {
  const client = makeClient();
  // biome-ignore lint/correctness/noComponentHookFactories: renderHook's wrapper, made once per test with that test's caches.
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <HogkitProvider client={client}>{children}</HogkitProvider>
      </QueryClientProvider>
    );
  }
  return { Wrapper, queryClient, client };
}
