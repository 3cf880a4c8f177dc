/**
 * "Errors that say what to do" (issue 15): one test per message, each over loopback HTTP where a
 * request is involved. Each message names the fix and never shows the key it complains about.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthenticationError, createClient, createCore, RateLimitError } from "../src/index.js";
import { json, KEY, project, startServer } from "./helpers/server.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** The TypeError `run` throws, or fails. */
function thrown(run: () => unknown): TypeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return error as TypeError;
  }
  throw new Error("expected a TypeError");
}

describe("an apiKey that is not a personal API key as such", () => {
  it("a phc_ project token: says it is the public capture token, not a personal API key", () => {
    const token = "phc_PublicProjectToken0123456789abcdefABCDEF";
    const error = thrown(() => createClient({ apiKey: token }));
    expect(error.message).toBe(
      "@hogkit/client: apiKey is a project API key (phc_…), which only captures events: pass a personal API key (phx_…).",
    );
    expect(error.message).not.toContain(token);
  });

  it("a trailing newline: says so and to trim it", () => {
    const error = thrown(() => createClient({ apiKey: `${KEY}\n` }));
    expect(error.message).toBe("@hogkit/client: apiKey ends with a newline: trim it.");
  });

  it("leading whitespace: says so and to trim it", () => {
    expect(thrown(() => createClient({ apiKey: ` ${KEY}` })).message).toBe(
      "@hogkit/client: apiKey starts with whitespace: trim it.",
    );
  });

  it('a "Bearer " prefix: says to pass the key alone', () => {
    const error = thrown(() => createClient({ apiKey: `Bearer ${KEY}` }));
    expect(error.message).toBe('@hogkit/client: apiKey starts with "Bearer ": pass the key alone.');
    expect(error.message).not.toContain(KEY);
  });

  it("the same checks hold for a key read from POSTHOG_PERSONAL_API_KEY", () => {
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", `${KEY}\r\n`);
    // The message names the variable the key came from (issue 25), not the option the user never wrote.
    expect(thrown(() => createCore()).message).toMatch(/POSTHOG_PERSONAL_API_KEY ends with a newline: trim it/);
  });
});

describe("no key on a server runtime", () => {
  it("fails before sending, naming apiKey and POSTHOG_PERSONAL_API_KEY", async () => {
    const server = await startServer((_req, res) => json(res, 401, { code: "not_authenticated" }));
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
    const error = await createClient({ host: server.url })
      .projects.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      "projects.list: no personal API key: pass apiKey or set POSTHOG_PERSONAL_API_KEY, or pass apiKey: null " +
        "if a proxy adds the credentials. No request was sent.",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("on Deno, also names --allow-env (Deno hides the variable without it)", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    vi.stubGlobal("Deno", {
      env: { get: () => undefined },
      permissions: { querySync: () => ({ state: "prompt" }) },
    });
    const error = await createClient({ host: server.url })
      .projects.retrieve(1)
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain(
      "set POSTHOG_PERSONAL_API_KEY (and run Deno with --allow-env=POSTHOG_PERSONAL_API_KEY)",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("needs no key with a session Cookie, an Authorization header, or apiKey: null", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
    await createClient({ host: server.url, headers: { cookie: "sessionid=abcdefgh12345678" } }).projects.retrieve(1);
    await createClient({
      host: server.url,
      headers: { Authorization: "Bearer pha_OAuthAccessToken0123" },
    }).projects.retrieve(1);
    await createClient({ host: server.url }).projects.retrieve(1, {
      headers: { cookie: "sessionid=abcdefgh12345678" },
    });
    await createClient({ host: server.url, apiKey: null }).projects.retrieve(1);
    expect(server.requests.map((r) => [r.headers.cookie, r.headers.authorization])).toEqual([
      ["sessionid=abcdefgh12345678", undefined],
      [undefined, "Bearer pha_OAuthAccessToken0123"],
      ["sessionid=abcdefgh12345678", undefined],
      [undefined, undefined],
    ]);
  });

  it("needs no key with a same-origin path host, in a browser page", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    vi.stubGlobal("location", new URL(`${server.url}/app/page`));
    await createClient({ host: "/posthog-proxy" }).projects.retrieve(1);
    expect(server.requests[0]?.url).toBe("/posthog-proxy/api/organizations/@current/projects/1/");
  });
});

describe("a host that ends with /api", () => {
  it.each(["https://eu.posthog.com/api", "https://eu.posthog.com/api/", "https://example.com/posthog/api"])(
    "%s is accepted without doubling the prefix",
    (host) => {
      expect(createClient({ apiKey: KEY, host: host as `https://${string}` }).baseUrl).toBe(
        host.replace(/\/api\/?$/, ""),
      );
    },
  );

  it("sends /api/… once", async () => {
    const server = await startServer((_req, res) => json(res, 200, project(1)));
    await createClient({ apiKey: KEY, host: `${server.url}/api/` }).projects.retrieve(1);
    expect(server.requests[0]?.url).toBe("/api/organizations/@current/projects/1/");
  });
});

describe("a 401 for an unknown key on PostHog Cloud", () => {
  const unknownKey = {
    type: "authentication_error",
    code: "authentication_failed",
    detail: "Personal API key found in request Authorization header is invalid.",
    attr: null,
  };

  it.each([
    ["us", "https://us.posthog.com", 'for EU Cloud, pass host: "eu"'],
    ["eu", "https://eu.posthog.com", 'for US Cloud, pass host: "us"'],
  ] as const)("on %s Cloud, suggests the other region", async (host, origin, hint) => {
    const server = await startServer((_req, res) => json(res, 401, unknownKey));
    // The Cloud host, served by the loopback server: requests really go over HTTP.
    const viaLoopback = (url: string | URL | Request, init?: RequestInit) =>
      fetch(String(url).replace(origin, server.url), init);
    const error = await createClient({ apiKey: KEY, host, fetch: viaLoopback })
      .projects.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe(
      "projects.list: PostHog answered 401 authentication_failed: Personal API key found in request Authorization " +
        `header is invalid. Keys work only in the Cloud region they were made in: ${hint} ` +
        `(GET ${origin}/api/organizations/@current/projects/)`,
    );
  });

  it("does not suggest a region to a self-hosted instance", async () => {
    const server = await startServer((_req, res) => json(res, 401, unknownKey));
    const error = await createClient({ apiKey: KEY, host: server.url })
      .projects.list()
      .catch((e: unknown) => e);
    expect((error as Error).message).not.toMatch(/region/);
  });
});

describe("RateLimitError", () => {
  it("says how many attempts were made and how long the client waited", async () => {
    const throttled = { type: "throttled_error", code: "throttled", detail: "Request was throttled.", attr: null };
    const server = await startServer((_req, res) => json(res, 429, throttled));
    const error = await createClient({
      apiKey: KEY,
      host: server.url,
      maxRetries: 2,
      // What the README suggests for tests against the fake: no wait longer than a few milliseconds.
      backoff: { maxRetryAfterMs: 5 },
    })
      .projects.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const { attempts, waitedMs, message } = error as RateLimitError;
    expect(attempts).toBe(3);
    expect(waitedMs).toBeGreaterThan(0);
    expect(waitedMs).toBeLessThanOrEqual(10);
    expect(message).toMatch(
      /^projects\.list: PostHog answered 429 throttled: Request was throttled\. Tried 3 times, waited \d+ ms in all \(GET /,
    );
    expect(server.requests).toHaveLength(3);
  });
});
