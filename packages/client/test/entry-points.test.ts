/**
 * `createClient` and `createProxyHandler` read the same environment and check the same settings
 * with one implementation (src/environment.ts, src/option-checks.ts): the same bad input gets the
 * same answer from both, and the same host sends requests to the same place. Each case below is one
 * where the two copies they used to have had drifted apart.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ClientOptions, createClient } from "../src/index.js";
import { createProxyHandler, type ProxyOptions } from "../src/proxy/index.js";
import { json, KEY, startServer } from "./helpers/server.js";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const LIST = "/api/organizations/@current/projects/";
const PAGE = { count: 0, next: null, previous: null, results: [] };

/** The message `make` throws, without the entry point's prefix; the prefix itself is checked. */
function refusal(make: () => unknown, prefix: string): string {
  try {
    make();
  } catch (error) {
    const message = (error as Error).message;
    expect(error).toBeInstanceOf(TypeError);
    expect(message.startsWith(prefix), message).toBe(true);
    return message.slice(prefix.length);
  }
  return "(nothing thrown)";
}
const clientRefusal = (options: ClientOptions<string>) => refusal(() => createClient(options), "@hogkit/client: ");
const proxyRefusal = (options: ProxyOptions) => refusal(() => createProxyHandler(options), "createProxyHandler: ");

describe("one message for one bad key, whichever entry point gets it", () => {
  it.each([
    [`${KEY}\n`, "apiKey ends with a newline: trim it."],
    [`${KEY} `, "apiKey ends with whitespace: trim it."],
    [` ${KEY}`, "apiKey starts with whitespace: trim it."],
    [`Bearer ${KEY}`, 'apiKey starts with "Bearer ": pass the key alone.'],
    [
      "phc_ProjectToken0123456789abcdef",
      "apiKey is a project API key (phc_…), which only captures events: pass a personal API key (phx_…).",
    ],
    ["", "apiKey must be a non-empty string of visible ASCII characters (a personal API key, phx_…)."],
    ["phx_has a space", "apiKey must be a non-empty string of visible ASCII characters (a personal API key, phx_…)."],
  ])("%j", (apiKey, message) => {
    expect(clientRefusal({ apiKey })).toBe(message);
    expect(proxyRefusal({ apiKey })).toBe(message);
  });

  it("names POSTHOG_PERSONAL_API_KEY when the key came from it", () => {
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", `${KEY}\r\n`);
    const message = "POSTHOG_PERSONAL_API_KEY ends with a newline: trim it.";
    expect(clientRefusal({})).toBe(message);
    expect(proxyRefusal({})).toBe(message);
  });
});

describe("one rule for hosts", () => {
  it.each([
    // A DNS name that starts with 127 is not this machine: no key in clear text to it.
    [
      "http://127.example.com",
      /^refusing to send .* in clear text to http:\/\/127\.example\.com: use https:\/\/ or pass allowInsecureHttp: true\.$/,
    ],
    [
      "https://posthog.example.com\\x",
      /^host must be .*, without credentials, query, fragment or backslash; got "https:\/\/posthog\.example\.com\\\\x"\.$/,
    ],
    ["https://posthog.example.com?", /^host must be .*; got "https:\/\/posthog\.example\.com\?"\.$/],
    ["https://post hog.example.com", /^host must be .*; got "https:\/\/post hog\.example\.com"\.$/],
    ["https://posthog.example.com:99999", /^host must be .*; got "https:\/\/posthog\.example\.com:99999"\.$/],
  ])("refuse %s", (host, message) => {
    expect(clientRefusal({ apiKey: KEY, host })).toMatch(message);
    expect(proxyRefusal({ apiKey: KEY, host })).toMatch(message);
  });

  it.each([
    "http://localhost:8000",
    "http://app.localhost",
    "http://127.0.0.1:8000",
    "http://127.1:8000",
    "http://[::1]:8000",
  ])("accept this machine over plain http: %s", (host) => {
    expect(() => createClient({ apiKey: KEY, host })).not.toThrow();
    expect(() => createProxyHandler({ apiKey: KEY, host })).not.toThrow();
  });

  /** The URL each entry point's first request for the projects list goes to, with `host`. */
  async function destinations(host: string): Promise<{ client: string; proxy: string }> {
    const seen: string[] = [];
    const record = (url: string) => {
      seen.push(url);
      return Promise.resolve(Response.json(PAGE));
    };
    await createClient({ apiKey: KEY, host, fetch: (input) => record(String(input)) }).projects.list();
    const proxy = createProxyHandler({ apiKey: KEY, host, fetch: (request) => record(request.url) });
    expect((await proxy(new Request(`https://admin.example/posthog-proxy${LIST}`))).status).toBe(200);
    return { client: seen[0] ?? "", proxy: seen[1] ?? "" };
  }

  it("PostHog's ingestion hosts (a POSTHOG_HOST set for capture) are read as their API host", async () => {
    for (const region of ["us", "eu"]) {
      const expected = `https://${region}.posthog.com${LIST}`;
      expect(await destinations(`https://${region}.i.posthog.com`)).toEqual({ client: expected, proxy: expected });
    }
  });

  it("a host ending in /api (copied from an API URL) does not double it", async () => {
    const posthog = await startServer((_req, res) => json(res, 200, PAGE));
    for (const host of [`${posthog.url}/api`, `${posthog.url}/api/`]) {
      await createClient({ apiKey: KEY, host }).projects.list();
      const proxy = createProxyHandler({ apiKey: KEY, host });
      expect((await proxy(new Request(`https://admin.example/posthog-proxy${LIST}`))).status).toBe(200);
    }
    expect(posthog.requests.map((request) => request.url)).toEqual([LIST, LIST, LIST, LIST]);
  });
});

describe("one environment", () => {
  it("on Deno without env permission, a missing key says which --allow-env to add", async () => {
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", KEY); // set, but this Deno may not read it
    vi.stubGlobal("Deno", {
      env: { get: () => KEY },
      permissions: { querySync: () => ({ state: "prompt" }) },
    });
    const hint = "run Deno with --allow-env=POSTHOG_PERSONAL_API_KEY";
    await expect(createClient().projects.list()).rejects.toThrow(hint);
    const proxy = createProxyHandler();
    await expect(proxy(new Request(`https://admin.example/posthog-proxy${LIST}`))).rejects.toThrow(hint);
  });

  it("without Deno, a missing key names the variable and no Deno flag", async () => {
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
    await expect(createClient().projects.list()).rejects.toThrow(/set POSTHOG_PERSONAL_API_KEY(?! and run Deno)/);
    const proxy = createProxyHandler();
    const refused = await proxy(new Request(`https://admin.example/posthog-proxy${LIST}`)).catch((e: Error) => e);
    expect(String(refused)).toMatch(/or set POSTHOG_PERSONAL_API_KEY, or session/);
    expect(String(refused)).not.toContain("Deno");
  });
});

describe("one reading of a cookie's secrets", () => {
  // A cookie value with "=" in it (base64 padding, a signed value): all of it is the secret.
  const VALUE = "s1=abcdefghijklmnopqrstuvwxyz";
  const COOKIE = `app_session=${VALUE}`;

  it("an error body echoing the whole value shows none of it, from the client or through the proxy", async () => {
    const posthog = await startServer((_req, res) =>
      json(res, 400, { type: "validation_error", code: "invalid_input", detail: `bad session ${VALUE}`, attr: null }),
    );
    vi.stubEnv("POSTHOG_PERSONAL_API_KEY", "");
    const error = (await createClient({ host: posthog.url, headers: { cookie: COOKIE } })
      .projects.list()
      .catch((e: unknown) => e)) as Error & { toJSON(): unknown };
    expect(String(error)).toMatch(/bad session/);
    expect(`${String(error)} ${JSON.stringify(error.toJSON())}`).not.toContain("abcdefghijklmnop");

    const proxy = createProxyHandler({ host: posthog.url, session: COOKIE });
    const answer = await proxy(new Request(`https://admin.example/posthog-proxy${LIST}`));
    const text = await answer.text();
    expect(text).toMatch(/bad session/);
    expect(text).not.toContain("abcdefghijklmnop");
  });
});
