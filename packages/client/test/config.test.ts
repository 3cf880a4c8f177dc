import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "../src/index.js";
import { createProxyHandler } from "../src/proxy/index.js";
import { json, KEY, project, startServer } from "./helpers/server.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("hosts", () => {
  it.each([
    [undefined, "https://us.posthog.com"],
    ["us", "https://us.posthog.com"],
    ["EU", "https://eu.posthog.com"],
    ["https://posthog.example.com/", "https://posthog.example.com"],
    ["https://example.com/tools/posthog//", "https://example.com/tools/posthog"],
    ["https://us.i.posthog.com", "https://us.posthog.com"],
    ["https://eu.i.posthog.com", "https://eu.posthog.com"],
  ])("%s → %s", (host, baseUrl) => {
    vi.stubEnv("POSTHOG_HOST", "");
    expect(createClient({ apiKey: KEY, host }).baseUrl).toBe(baseUrl);
  });

  it.each([
    ["posthog.example.com", /must be "us", "eu", an http\(s\) URL .*got "posthog\.example\.com"/],
    ["//evil.example/x", /http\(s\) URL/],
    ["/posthog-proxy?x=1", /without credentials, query, fragment or backslash; got "\/posthog-proxy\?x=1"/],
    ["ftp://example.com", /http\(s\) URL/],
    ["https://user:pass@example.com", /without credentials/],
    ["https://example.com/?x=1", /query, fragment/],
  ])("refuse %s", (host, message) => {
    expect(() => createClient({ host })).toThrow(message);
  });

  it("never echo credentials written into the host", () => {
    expect(() => createClient({ host: "https://user:hunter2secret@example.com" })).toThrow(
      /got "https:\/\/…@example\.com"/,
    );
  });

  it("check options before any request", () => {
    expect(() => createClient({ apiKey: "" })).toThrow(/apiKey must be a non-empty string/);
    expect(() => createClient({ apiKey: "phx_a\nb" })).toThrow(TypeError);
    expect(() => createClient({ organizationId: "acme" })).toThrow(/organization UUID or "@current"/);
    expect(() => createClient({ timeoutMs: 0 })).toThrow(/timeoutMs must be a number ≥ 1/);
    expect(() => createClient({ maxRetries: -1 })).toThrow(/maxRetries/);
  });
});

describe("plain http", () => {
  it("refuses to send a key in clear text to another machine", () => {
    expect(() => createClient({ apiKey: KEY, host: "http://posthog.internal.example" })).toThrow(
      /refusing to send a personal API key in clear text to http:\/\/posthog\.internal\.example/,
    );
  });

  it("allows it with allowInsecureHttp, without a key, or to this machine", () => {
    expect(() =>
      createClient({ apiKey: KEY, host: "http://posthog.internal.example", allowInsecureHttp: true }),
    ).not.toThrow();
    expect(() => createClient({ host: "http://posthog.internal.example" })).not.toThrow();
    for (const host of [
      "http://localhost:8000",
      "http://127.0.0.1:8000",
      "http://[::1]:8000",
      "http://app.localhost",
    ]) {
      expect(() => createClient({ apiKey: KEY, host }), host).not.toThrow();
    }
  });
});

describe("browsers", () => {
  it("refuse an apiKey in a web page unless dangerouslyAllowBrowser", () => {
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    expect(() => createClient({ apiKey: KEY })).toThrow(/an apiKey in a web page can be read by anyone/);
    expect(() => createClient({ apiKey: KEY, dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it("talk to a same-origin proxy by path, without a key", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    vi.stubGlobal("location", new URL(`${server.url}/app/page`));
    const client = createClient({ host: "/posthog-proxy" });
    expect(client.baseUrl).toBe(`${server.url}/posthog-proxy`);
    await client.projects.retrieve(1);
    expect(server.requests[0]?.url).toBe("/posthog-proxy/api/organizations/@current/projects/1/");
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("create a path-host client where there is no page (a server prerender), and resolve it per request", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
    // Module scope of a client component during a server render: no window, no location.
    const client = createClient({ host: "/posthog-proxy/" });
    expect(client.baseUrl).toBe("/posthog-proxy");
    const refused = await client.projects.retrieve(1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as Error).message).toMatch(
      /host "\/posthog-proxy" is a same-origin path, which only a browser page can resolve\. On a server .* pass an absolute URL instead, such as host: "https:\/\/your-app\.example\/posthog-proxy".*No request was sent\./,
    );
    expect(server.requests).toHaveLength(0);
    // Later, in the browser (hydration), the same client talks to the page's origin.
    vi.stubGlobal("location", new URL(`${server.url}/app/page`));
    await client.projects.retrieve(1);
    expect(server.requests[0]?.url).toBe("/posthog-proxy/api/organizations/@current/projects/1/");
  });
});

describe("environment", () => {
  it("reads POSTHOG_PERSONAL_API_KEY and POSTHOG_HOST", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", KEY);
    vi.stubEnv("POSTHOG_HOST", server.url);
    await createClient().projects.retrieve(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("names the environment variable a bad value came from, not an option the user never wrote", () => {
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", `Bearer ${KEY}`);
    expect(() => createClient()).toThrow(
      /^@hogkit\/client: POSTHOG_PERSONAL_API_KEY starts with "Bearer ": pass the key alone\.$/,
    );
    expect(() => createProxyHandler()).toThrow(/^createProxyHandler: POSTHOG_PERSONAL_API_KEY starts with "Bearer "/);
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", `${KEY}\n`);
    expect(() => createClient()).toThrow(/POSTHOG_PERSONAL_API_KEY ends with a newline: trim it/);
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", KEY);
    vi.stubEnv("POSTHOG_HOST", "eur");
    expect(() => createClient()).toThrow(
      /^@hogkit\/client: POSTHOG_HOST must be "us", "eu", an http\(s\) URL .*; got "eur"\.$/,
    );
    expect(() => createProxyHandler()).toThrow(
      /^createProxyHandler: POSTHOG_HOST must be "us", "eu" or an http\(s\) URL/,
    );
    // The options themselves are named as options.
    expect(() => createClient({ host: "eur" as "eu" })).toThrow(/@hogkit\/client: host must be/);
    expect(() => createClient({ apiKey: `Bearer ${KEY}` })).toThrow(/@hogkit\/client: apiKey starts with "Bearer "/);
    expect(() => createProxyHandler({ apiKey: `Bearer ${KEY}` })).toThrow(/createProxyHandler: apiKey starts with/);
  });

  it("prefers options to the environment", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "phx_fromEnvironment000000");
    vi.stubEnv("POSTHOG_HOST", "https://eu.posthog.com");
    await createClient({ apiKey: KEY, host: server.url }).projects.retrieve(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("does not throw on Deno without env permission, and reads env when granted", () => {
    const env = new Map([["POSTHOG_HOST", "https://eu.posthog.com"]]);
    const denied = {
      env: {
        get: () => {
          throw new Error('NotCapable: Requires env access to "POSTHOG_HOST"');
        },
      },
      permissions: { querySync: () => ({ state: "prompt" }) },
    };
    vi.stubGlobal("Deno", denied);
    expect(createClient().baseUrl).toBe("https://us.posthog.com");
    vi.stubGlobal("Deno", {
      env: { get: (name: string) => env.get(name) },
      permissions: { querySync: () => ({ state: "granted" }) },
    });
    expect(createClient().baseUrl).toBe("https://eu.posthog.com");
    vi.stubGlobal("Deno", { env: denied.env }); // an old Deno without permissions.querySync
    expect(() => createClient()).not.toThrow();
  });
});
