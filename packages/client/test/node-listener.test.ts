/**
 * `toNodeListener` under node:http when the handler throws, as a handler made without a credential
 * does on every request (Vite's dev server, Express): the browser gets a 500 that says nothing, and
 * the server's log says why, with no secret in it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it, onTestFinished, vi } from "vitest";
import { createProxyHandler, toNodeListener } from "../src/proxy/index.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

it("a handler that throws: a bare 500 for the browser, the reason in the server's log", async () => {
  vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
  const logged: unknown[][] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args));
  const server = createServer(toNodeListener(createProxyHandler({ host: "https://posthog.example.com" })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;

  const answer = await fetch(`http://127.0.0.1:${port}/posthog-proxy/api/organizations/@current/projects/`);
  expect(answer.status).toBe(500);
  const body = await answer.text();
  expect(JSON.parse(body)).toMatchObject({ type: "server_error", code: "proxy_error", detail: "The proxy failed." });
  expect(body).not.toContain("POSTHOG_PERSONAL_API_KEY");
  expect(logged).toHaveLength(1);
  expect(String(logged[0]?.[0])).toMatch(
    /^TypeError: createProxyHandler: no credential\. Pass apiKey or set POSTHOG_PERSONAL_API_KEY, or session/,
  );
});
