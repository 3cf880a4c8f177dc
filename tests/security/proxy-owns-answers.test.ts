/**
 * Issue 22, item 7 (and the proxy's part of item 6): the proxy owns its response headers and links.
 * `Host: evil.example` or an absolute-form target used to put the next page on evil.example; PostHog's
 * (or an edge's) `Cache-Control: public`, CORS, `Server` and `X-Powered-By` passed through, and so
 * did its reason phrase, unredacted. Dot segments were resolved instead of refused.
 */
import { describe, expect, it } from "vitest";
import { expectNoSecret, KEY } from "./harness.js";
import { LIST, proxyOverFake } from "./proxy-fixture.js";

/** The fake's answer with the headers a hostile or careless upstream adds, and the key in its reason phrase. */
async function withEdgeHeaders(request: Request, fake: { handle(request: Request): Promise<Response> }) {
  const answer = await fake.handle(request);
  const headers = new Headers(answer.headers);
  headers.set("cache-control", "public, max-age=3600");
  headers.set("access-control-allow-origin", "*");
  headers.set("access-control-allow-credentials", "true");
  headers.set("server", "nginx/1.25");
  headers.set("x-powered-by", "Django");
  headers.set("set-cookie", "posthog_csrftoken=fromPostHog; Path=/");
  headers.set("x-request-id", "req-1");
  return new Response(answer.body, { status: answer.status, statusText: `OK ${KEY}`, headers });
}

describe("links", () => {
  it.each([
    ["Host: evil.example", "GET", `/posthog-proxy${LIST}?limit=1`, { Host: "evil.example" }],
    ["an absolute-form target on evil.example", "GET", `http://evil.example/posthog-proxy${LIST}?limit=1`, {}],
    ["X-Forwarded-Host, not trusted", "GET", `/posthog-proxy${LIST}?limit=1`, { "X-Forwarded-Host": "evil.example" }],
  ])("%s puts no link on evil.example: links are paths on the proxy", async (_what, method, target, headers) => {
    const proxy = await proxyOverFake();
    const answer = await proxy.send(method, target, headers);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).next).toBe(`/posthog-proxy${LIST}?limit=1&offset=1`);
    expect(answer.body).not.toContain("evil.example");
    expect(proxy.forwarded.map((r) => r.url)).toEqual([`${LIST}?limit=1`]);
  });

  it("publicOrigin makes them absolute on that origin, whatever Host says", async () => {
    const proxy = await proxyOverFake({ publicOrigin: "https://admin.example.com" });
    const answer = await proxy.send("GET", `/posthog-proxy${LIST}?limit=1`, { Host: "evil.example" });
    expect(JSON.parse(answer.body).next).toBe(`https://admin.example.com/posthog-proxy${LIST}?limit=1&offset=1`);
  });

  it("a redirect from PostHog to another origin is not passed on: 502", async () => {
    const proxy = await proxyOverFake(
      {},
      async () => new Response(null, { status: 302, headers: { location: "https://evil.example/login" } }),
    );
    const answer = await proxy.send("GET", `/posthog-proxy${LIST}`);
    expect(answer.status).toBe(502);
    expect(answer.headers.location).toBeUndefined();
    expect(JSON.parse(answer.body)).toMatchObject({ code: "upstream_redirect" });
  });
});

describe("headers", () => {
  it("caching, CORS, cookies and server headers are the proxy's; the reason phrase is not PostHog's", async () => {
    const proxy = await proxyOverFake({}, withEdgeHeaders);
    const answer = await proxy.send("GET", `/posthog-proxy${LIST}`);
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    for (const name of [
      "access-control-allow-origin",
      "access-control-allow-credentials",
      "server",
      "x-powered-by",
      "set-cookie",
    ]) {
      expect(answer.headers[name], name).toBeUndefined();
    }
    // What the client reads still passes.
    expect(answer.headers).toMatchObject({ "content-type": "application/json", "x-request-id": "req-1" });
    expect(answer.head.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    expectNoSecret(KEY, answer.head, answer.body, proxy.events);
  });

  it("the proxy's own refusals are private and uncached too", async () => {
    const proxy = await proxyOverFake();
    const answer = await proxy.send("GET", "/posthog-proxy/api/users/@me/");
    expect(answer.status).toBe(404);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
  });
});

describe("dot segments", () => {
  it.each([
    `/posthog-proxy${LIST}1/%2e%2e/`,
    `/posthog-proxy${LIST}1/%2E%2E/%2e%2e/%2e%2e/users/@me/`,
    `/posthog-proxy${LIST}1/../`,
    `/posthog-proxy${LIST}./`,
    `/posthog-proxy/api/organizations/@current/projects/%2e/`,
  ])("%s is refused (400), not resolved", async (target) => {
    const proxy = await proxyOverFake();
    const answer = await proxy.send("GET", target);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "invalid_path" });
    expect(proxy.forwarded).toEqual([]);
  });
});
