/**
 * @hogkit/client/proxy over real HTTP: a recording PostHog stand-in upstream, the proxy served on
 * loopback in front of it. Which operations exist, which are session-only and which are paginated
 * comes from the operation table; every refusal is checked on both sides (what the browser got and
 * that the upstream saw nothing), and no answer may contain the key.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { createClient } from "../src/index.js";
import type { ProxyEvent, ProxyOperationName, ProxyOptions } from "../src/proxy/index.js";
import { createProxyHandler } from "../src/proxy/index.js";
import { type RawAnswer, serveProxy } from "./helpers/proxy-server.js";
import { json, KEY, project, startServer, type TestServer } from "./helpers/server.js";

const SESSION = "sessionid=s3ss10nS3cretValue0123456789; posthog_csrftoken=csrfT0kenValue0123456789";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
// A list inside an organization (`{organization_id}` in its path), as the projects' is.
const nested = (row: (typeof operationTable)[number]) => row.pathParams.some((p) => p.name === "organization_id");
const list = operationTable.find((row) => row.method === "list" && row.pagination?.style === "offset" && nested(row));
if (!list) throw new Error("the operation table has no offset-paginated list in an organization: these tests need one");
const LIST = concrete(list.path);

/** The template with sample values: `@current` for the organization, 42 for integer ids. */
function concrete(template: string): string {
  return template.replace(/\{organization_id\}/g, "@current").replace(/\{[^}]+\}/g, "42");
}
const bodyFor = (row: OperationInfo) => (row.body ? JSON.stringify({ name: "Renamed" }) : undefined);
const nameOf = (row: OperationInfo) => `${row.resource}.${row.method}` as ProxyOperationName;
/** Every operation of the table, as an app that forwards all of them must list them (the default is reads only). */
const EVERY_OPERATION = operationTable.map(nameOf);
/** What the client sends with every request that changes state, and the proxy requires of it. */
const headersFor = (row: OperationInfo): Record<string, string> =>
  row.httpMethod === "GET" ? {} : { "content-type": "application/json" };

/** A stand-in for PostHog: pages of five projects on the list route, an echo of the request elsewhere. */
function upstream(): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://upstream");
    if (req.method === "GET" && url.pathname === LIST) {
      const limit = Number(url.searchParams.get("limit") ?? 2);
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const link = (at: number) => `http://${req.headers.host}${LIST}?limit=${limit}${at ? `&offset=${at}` : ""}`;
      return json(
        res,
        200,
        {
          count: 5,
          next: offset + limit < 5 ? link(offset + limit) : null,
          previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
          results: [1, 2, 3, 4, 5].map((id) => project(id)).slice(offset, offset + limit),
        },
        { "set-cookie": "posthog_csrftoken=fromPostHog; Path=/", "keep-alive": "timeout=5", "x-request-id": "req-1" },
      );
    }
    json(res, 200, { method: req.method, path: req.url });
  });
}

async function setUp(options: Partial<ProxyOptions> = {}) {
  const posthog = await upstream();
  const events: ProxyEvent[] = [];
  const proxy = await serveProxy(
    createProxyHandler({
      host: posthog.url,
      apiKey: KEY,
      basePath: "/posthog-proxy",
      onResponse: (event) => events.push(event),
      ...options,
    }),
  );
  const answers: RawAnswer[] = [];
  const send = async (method: string, target: string, headers?: Record<string, string>, body?: string | Buffer) => {
    const answer = await proxy.raw(method, target, headers, body);
    answers.push(answer);
    return answer;
  };
  /** Every answer of the test, headers and body, as one string: where the key must never appear. */
  const everything = () => JSON.stringify(answers) + JSON.stringify(events);
  return { posthog, proxy, send, events, everything };
}

describe("forwarding", () => {
  it("forwards every operation of the table to the path built from its template, with the key", async () => {
    const { posthog, send, everything } = await setUp({ allow: EVERY_OPERATION });
    for (const row of operationTable) {
      const body = bodyFor(row);
      const answer = await send(row.httpMethod, `/posthog-proxy${concrete(row.path)}`, headersFor(row), body);
      expect(answer.status, `${row.httpMethod} ${row.path}`).toBe(200);
      const seen = posthog.requests.at(-1);
      expect(seen).toMatchObject({ method: row.httpMethod, url: concrete(row.path) });
      expect(seen?.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(seen?.body).toBe(body ?? "");
    }
    expect(posthog.requests).toHaveLength(operationTable.length);
    expect(everything()).not.toContain(KEY);
  });

  it("adds the template's final slash when a framework stripped it", async () => {
    const { posthog, send } = await setUp();
    expect((await send("GET", `/posthog-proxy${LIST.replace(/\/$/, "")}`)).status).toBe(200);
    expect(posthog.requests.map((r) => r.url)).toEqual([`${LIST}`]);
  });

  it("forwards the query parameters the operation declares and drops the rest (credentials among them)", async () => {
    const { posthog, send } = await setUp();
    const declared = list.queryParams.map((p) => `${p.name}=1`).join("&");
    await send("GET", `/posthog-proxy${LIST}?${declared}&personal_api_key=phx_browser&temporary_token=t&x=1`);
    const forwarded = new URL(posthog.requests[0]?.url ?? "", "http://x").searchParams;
    expect([...forwarded.keys()].sort()).toEqual(list.queryParams.map((p) => p.name).sort());
  });

  it("passes PostHog's status codes and error bodies through byte for byte", async () => {
    const errors = [
      [
        400,
        '{"type":"validation_error","code":"invalid_choice","detail":"\\"x\\" is not a valid choice.","attr":"timezone"}',
      ],
      [
        403,
        '{"type":"authentication_error","code":"permission_denied","detail":"This action does not support personal API key access","attr":null}',
      ],
      [404, '{"type":"invalid_request","code":"not_found","detail":"Not found.","attr":null}'],
      [
        429,
        '{"type":"throttled_error","code":"throttled","detail":"Request was throttled. Expected available in 2 seconds.","attr":null}',
      ],
      [502, "<html><body>502 Bad Gateway</body></html>"],
    ] as const;
    const posthog = await startServer((_req, res, index) => {
      const [status, body] = errors[index] ?? [500, ""];
      res.writeHead(status, {
        "content-type": body.startsWith("{") ? "application/json" : "text/html",
        "www-authenticate": "Bearer",
      });
      res.end(body);
    });
    const proxy = await serveProxy(createProxyHandler({ host: posthog.url, apiKey: KEY }));
    for (const [status, body] of errors) {
      const answer = await proxy.raw("GET", `/posthog-proxy${LIST}`);
      expect(answer.status).toBe(status);
      expect(answer.body).toBe(body);
    }
  });

  it("answers a DELETE's 204 with an empty body", async () => {
    const destroy = operationTable.find((row) => row.httpMethod === "DELETE");
    if (!destroy) return;
    const posthog = await startServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const proxy = await serveProxy(createProxyHandler({ host: posthog.url, apiKey: KEY, allow: [nameOf(destroy)] }));
    const answer = await proxy.raw("DELETE", `/posthog-proxy${concrete(destroy.path)}`, headersFor(destroy));
    expect(answer).toMatchObject({ status: 204, body: "" });
  });
});

describe("refusals: answered by the proxy, PostHog never contacted", () => {
  const refused = async (
    target: string,
    expected: number,
    method = "GET",
    headers: Record<string, string> = {},
    body?: string,
  ) => {
    const { posthog, send } = await setUp();
    const answer = await send(method, target, headers, body);
    expect(answer.status, `${method} ${target}`).toBe(expected);
    expect(answer.headers["x-hogkit-proxy"]).toBe("refused");
    expect(JSON.parse(answer.body)).toMatchObject({ type: expect.any(String), code: expect.any(String), attr: null });
    expect(posthog.requests, `${method} ${target} reached PostHog`).toEqual([]);
  };

  it("a path that is no operation", async () => {
    for (const target of [
      "/posthog-proxy/api/users/@me/",
      "/posthog-proxy/api/organizations/@current/members/",
      "/posthog-proxy/api/organizations/@current/projects/42/secret/",
      "/posthog-proxy/admin/",
      "/posthog-proxy/",
      "/posthog-proxy",
      `/elsewhere${LIST}`,
      LIST,
    ]) {
      await refused(target, 404);
    }
  });

  it("a method no operation of that path has", async () => {
    const byPath = new Map<string, Set<string>>();
    for (const row of operationTable) byPath.set(row.path, (byPath.get(row.path) ?? new Set()).add(row.httpMethod));
    for (const [path, methods] of byPath) {
      for (const method of METHODS.filter((m) => !methods.has(m)))
        await refused(`/posthog-proxy${concrete(path)}`, 404, method);
    }
  });

  it("parameters that are not what the client sends: traversal, other hosts, ports", async () => {
    const detail = operationTable.find((row) => row.method === "retrieve" && nested(row));
    if (!detail) throw new Error("no retrieve operation in an organization");
    const withId = (id: string) =>
      `/posthog-proxy${detail.path.replace("{organization_id}", "@current").replace("{id}", id)}`;
    const withOrg = (org: string) => `/posthog-proxy${list.path.replace("{organization_id}", org)}`;
    for (const target of [
      withId("%2e%2e%252f%2e%2e%252fusers"),
      withId("..%252f..%252fusers"),
      withId("1@evil.example:8080"),
      withId("evil.example:443"),
      withId("0x2A"),
      withId("-1"),
      withOrg("evil.example:8080"),
      withOrg("%40current@evil.example"),
      withOrg("not-a-uuid"),
      `/posthog-proxy/@evil.example:8080${LIST}`,
      `/posthog-proxy/evil.example${LIST}`,
    ]) {
      await refused(target, 404);
    }
  });

  it("dot segments are resolved before matching, so a traversal can only land on another allowed path or none", async () => {
    // URL parsing reads a backslash as a slash in http(s) URLs, so this is a traversal too.
    await refused("/posthog-proxy/api/organizations/@current/projects/42\\..\\..\\..\\users/@me/", 404);
    await refused("/posthog-proxy/api/organizations/@current/projects/../../../users/@me/", 404);
    await refused("/posthog-proxy/../api/users/@me/", 404);
    await refused("/posthog-proxy/%2e%2e/%2E%2E/api/users/@me/", 404);
    await refused(`/posthog-proxy/api/organizations/@current/projects/%2e%2e/%2e%2e/%2e%2e/%2e%2e/admin/`, 404);
  });

  it("encoded slashes and backslashes, empty segments and absolute URLs in the path", async () => {
    for (const target of [
      "/posthog-proxy/api/organizations/@current%2Fprojects/",
      "/posthog-proxy/api/organizations/@current/projects/42%2f..%2f..%2fusers/",
      "/posthog-proxy/api/organizations/@current/projects/42%5C..%5Cusers/",
      `/posthog-proxy/https%3A%2F%2Fevil.example${encodeURIComponent(LIST)}`,
      `/posthog-proxy/https://evil.example${LIST}`,
      `/posthog-proxy/http:%2F%2Fevil.example${LIST}`,
      `/posthog-proxy//evil.example:8080${LIST}`,
      `/posthog-proxy${LIST.replace("/projects/", "//projects/")}`,
      `/posthog-proxy${LIST}%00`,
    ]) {
      await refused(target, 400);
    }
  });

  it("a request naming another host in its target still goes only to the configured PostHog", async () => {
    const { posthog, send } = await setUp();
    const answer = await send("GET", `http://evil.example:8080/posthog-proxy${LIST}`, { host: "evil.example:8080" });
    expect(answer.status).toBe(200);
    expect(posthog.requests.map((r) => r.url)).toEqual([LIST]);
  });

  it("a body over the limit, declared or streamed, is answered 413", async () => {
    const update = operationTable.find((row) => row.body && row.httpMethod === "PATCH");
    if (!update) throw new Error("no PATCH operation with a body");
    const target = `/posthog-proxy${concrete(update.path)}`;
    const big = JSON.stringify({ name: "x".repeat(2048) });
    const { posthog, send, events } = await setUp({ maxBodyBytes: 1024, allow: [nameOf(update)] });
    expect((await send("PATCH", target, { "content-type": "application/json" }, big)).status).toBe(413);
    // No Content-Length: the body arrives in chunks and is cut off once it passes the limit.
    expect(
      (await send("PATCH", target, { "content-type": "application/json", "transfer-encoding": "chunked" }, big)).status,
    ).toBe(413);
    expect(posthog.requests).toEqual([]);
    expect(events.map((e) => e.refused)).toEqual(["body-too-large", "body-too-large"]);
    // Within the limit it goes through.
    expect((await send("PATCH", target, { "content-type": "application/json" }, '{"name":"ok"}')).status).toBe(200);
    expect(posthog.requests).toHaveLength(1);
  });

  it("allow narrows the operations by name, here to the read-only ones of the table", async () => {
    const reads = operationTable.filter((row) => row.httpMethod === "GET");
    const { posthog, send, events } = await setUp({
      allow: reads.map((row) => `${row.resource}.${row.method}` as ProxyOperationName),
    });
    for (const row of operationTable) {
      const answer = await send(row.httpMethod, `/posthog-proxy${concrete(row.path)}`, {}, bodyFor(row));
      expect(answer.status).toBe(row.httpMethod === "GET" ? 200 : 404);
    }
    expect(posthog.requests.map((r) => r.method)).toEqual(reads.map(() => "GET"));
    expect(events.filter((e) => e.refused === "not-allowed")).toHaveLength(operationTable.length - reads.length);
  });

  it("allow as a function decides per request, with the operation and the request", async () => {
    const { posthog, send } = await setUp({
      allow: (operation, request) => operation.httpMethod === "GET" && request.headers.get("x-app-user") === "admin",
    });
    expect((await send("GET", `/posthog-proxy${LIST}`)).status).toBe(404);
    expect((await send("GET", `/posthog-proxy${LIST}`, { "x-app-user": "admin" })).status).toBe(200);
    expect(posthog.requests).toHaveLength(1);
  });
});

describe("credentials and headers", () => {
  it("forwards no browser Cookie, Authorization or forwarding headers; adds the key", async () => {
    const { posthog, send, everything } = await setUp();
    await send("GET", `/posthog-proxy${LIST}`, {
      cookie: "sessionid=browserSession0123456789; app_session=abc",
      authorization: "Bearer phx_forgedByTheBrowser0123456789",
      "x-forwarded-for": "10.0.0.1",
      "x-forwarded-host": "evil.example",
      origin: "http://evil.example",
      "accept-language": "de",
    });
    const headers = posthog.requests[0]?.headers ?? {};
    expect(headers.authorization).toBe(`Bearer ${KEY}`);
    expect(headers.cookie).toBeUndefined();
    expect(headers["x-forwarded-for"]).toBeUndefined();
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers.origin).toBeUndefined();
    expect(headers["accept-language"]).toBe("de");
    expect(everything()).not.toContain(KEY);
  });

  it("strips Set-Cookie and hop-by-hop headers from the answer and keeps the rest", async () => {
    const posthog = await upstream();
    // The handler's own Response, not what a Node server in front of it adds (its own keep-alive).
    const handler = createProxyHandler({ host: posthog.url, apiKey: KEY });
    const answer = await handler(new Request(`http://app.example/posthog-proxy${LIST}`));
    const names = [...answer.headers.keys()];
    for (const name of ["set-cookie", "keep-alive", "connection", "transfer-encoding", "content-length"]) {
      expect(names).not.toContain(name);
    }
    expect(answer.headers.get("x-request-id")).toBe("req-1");
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
  });

  it("never echoes the key, even when the upstream does", async () => {
    const posthog = await startServer((req, res) => {
      res.writeHead(401, { "content-type": "application/json", "x-debug": `got ${req.headers.authorization}` });
      res.end(
        JSON.stringify({
          type: "authentication_error",
          code: "authentication_failed",
          detail: `Key ${req.headers.authorization} is invalid.`,
          attr: null,
        }),
      );
    });
    const proxy = await serveProxy(createProxyHandler({ host: posthog.url, apiKey: KEY }));
    const answer = await proxy.raw("GET", `/posthog-proxy${LIST}`);
    expect(answer.status).toBe(401);
    expect(JSON.stringify(answer)).not.toContain(KEY);
    expect(answer.headers["x-debug"]).toBeUndefined();
    expect(JSON.parse(answer.body).detail).toBe("Key Bearer [redacted] is invalid.");
  });

  it("with a session, the session-only operations of the table go with the session, the others with the key", async () => {
    const { posthog, send, everything } = await setUp({ session: SESSION, allow: EVERY_OPERATION });
    for (const row of operationTable)
      await send(row.httpMethod, `/posthog-proxy${concrete(row.path)}`, headersFor(row), bodyFor(row));
    operationTable.forEach((row, i) => {
      const headers = posthog.requests[i]?.headers ?? {};
      const write = row.httpMethod !== "GET";
      if (row.scopes === null) {
        expect(headers, row.operationId).toMatchObject({ cookie: SESSION });
        expect(headers.authorization).toBeUndefined();
        // PostHog's CSRF check on a session's writes: the token from the cookie and PostHog's own origin.
        expect(headers["x-csrftoken"]).toBe(write ? "csrfT0kenValue0123456789" : undefined);
        expect(headers.origin).toBe(write ? posthog.url : undefined);
      } else {
        expect(headers, row.operationId).toMatchObject({ authorization: `Bearer ${KEY}` });
        expect(headers.cookie).toBeUndefined();
      }
    });
    expect(operationTable.some((row) => row.scopes === null)).toBe(true);
    expect(everything()).not.toContain("s3ss10nS3cretValue0123456789");
  });

  it("with only a session (a function of the request), every operation goes with it; without one, 401 from the proxy", async () => {
    const { posthog, send } = await setUp({
      apiKey: undefined,
      session: (request) => (request.headers.get("x-app-user") === "admin" ? SESSION : undefined),
    });
    expect((await send("GET", `/posthog-proxy${LIST}`, { "x-app-user": "admin" })).status).toBe(200);
    expect(posthog.requests[0]?.headers.cookie).toBe(SESSION);
    const anonymous = await send("GET", `/posthog-proxy${LIST}`);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({ code: "not_authenticated" });
    expect(posthog.requests).toHaveLength(1);
  });

  it("an unreachable or slow PostHog gives 502 or 504, naming neither the key nor the URL", async () => {
    const silent = await startServer(() => {});
    const proxy = await serveProxy(createProxyHandler({ host: silent.url, apiKey: KEY, timeoutMs: 100 }));
    const timedOut = await proxy.raw("GET", `/posthog-proxy${LIST}`);
    expect(timedOut.status).toBe(504);
    expect(JSON.parse(timedOut.body)).toMatchObject({ type: "server_error", code: "upstream_timeout" });
    const unreachable = await serveProxy(createProxyHandler({ host: "http://127.0.0.1:9", apiKey: KEY }));
    const refusedAnswer = await unreachable.raw("GET", `/posthog-proxy${LIST}`);
    expect(refusedAnswer.status).toBe(502);
    expect(JSON.parse(refusedAnswer.body)).toMatchObject({ code: "upstream_unreachable" });
    for (const answer of [timedOut, refusedAnswer]) {
      expect(answer.body).not.toContain(KEY);
      expect(answer.body).not.toContain("127.0.0.1");
    }
  });

  it("refuses bad options before any request, without repeating the key", async () => {
    const make = (options: ProxyOptions) => () => createProxyHandler(options);
    // No credential is the environment's state, not an option's shape (`next build` runs without the
    // key): the handler is made, and every request rejects with the message.
    const unconfigured = make({ host: "https://us.posthog.com" })();
    await expect(unconfigured(new Request(`https://app.example/posthog-proxy${LIST}`))).rejects.toThrow(
      /createProxyHandler: no credential\. Pass apiKey or set POSTHOG_PERSONAL_API_KEY, or session/,
    );
    expect(make({ apiKey: KEY, allow: "everything" as unknown as [] })).toThrow(
      /allow must be a list of operation names/,
    );
    expect(make({ apiKey: KEY, allowedOrigins: ["https://admin.example.com/path"] })).toThrow(
      /allowedOrigins must be an origin/,
    );
    expect(make({ apiKey: KEY, host: "http://posthog.example.com" })).toThrow(/clear text/);
    expect(make({ apiKey: KEY, host: "ftp://posthog.example.com" })).toThrow(/host must be/);
    expect(make({ apiKey: KEY, basePath: "posthog-proxy" })).toThrow(/basePath/);
    expect(make({ apiKey: KEY, allow: ["projects.list", "projects.nope" as "projects.list"] })).toThrow(
      /"projects.nope"/,
    );
    expect(make({ apiKey: "phx_has a space" })).toThrow(/apiKey/);
    // AbortSignal.timeout(2 ** 31) fires after 1 ms: a limit that large is refused, not silently 1 ms.
    expect(make({ apiKey: KEY, timeoutMs: 2 ** 31 })).toThrow(/timeoutMs must be a number from 1 to 2147483647/);
    expect(make({ apiKey: KEY, maxBodyBytes: Number.NaN })).toThrow(/maxBodyBytes must be a number/);
    try {
      make({ apiKey: KEY, host: "http://posthog.example.com" })();
    } catch (error) {
      expect(String(error)).not.toContain(KEY);
    }
  });
});

describe("page links", () => {
  it("points next/previous at the base path, as paths: no request header names the host of a link", async () => {
    const { send } = await setUp();
    const page = JSON.parse(
      (await send("GET", `/posthog-proxy${LIST}?limit=2&offset=2`, { host: "admin.example.com" })).body,
    );
    expect(page.next).toBe(`/posthog-proxy${LIST}?limit=2&offset=4`);
    expect(page.previous).toBe(`/posthog-proxy${LIST}?limit=2`);
  });

  it("reads X-Forwarded-Host/Proto only when told to trust them, and prefers a fixed publicOrigin", async () => {
    const forwarded = { host: "internal:3000", "x-forwarded-host": "admin.example.com", "x-forwarded-proto": "https" };
    const untrusted = await setUp();
    expect(JSON.parse((await untrusted.send("GET", `/posthog-proxy${LIST}`, forwarded)).body).next).toMatch(
      /^\/posthog-proxy\//,
    );
    const trusted = await setUp({ trustForwardedHeaders: true });
    expect(JSON.parse((await trusted.send("GET", `/posthog-proxy${LIST}`, forwarded)).body).next).toMatch(
      /^https:\/\/admin\.example\.com\/posthog-proxy\//,
    );
    const fixed = await setUp({ publicOrigin: "https://app.example.org", trustForwardedHeaders: true });
    expect(JSON.parse((await fixed.send("GET", `/posthog-proxy${LIST}`, forwarded)).body).next).toMatch(
      /^https:\/\/app\.example\.org\/posthog-proxy\//,
    );
    // Host is never read for links: not even a host name, let alone one with a path or query in it.
    for (const host of ["evil.example", "evil.example/x?"]) {
      expect(JSON.parse((await untrusted.send("GET", `/posthog-proxy${LIST}`, { host })).body).next).toBe(
        `/posthog-proxy${LIST}?limit=2&offset=2`,
      );
    }
  });

  it("iterate() through the proxy follows the rewritten links to the last page", async () => {
    const { posthog, proxy } = await setUp();
    // A server-side caller of the proxy, which adds the key: apiKey: null sends none.
    const client = createClient({ host: `${proxy.url}/posthog-proxy`, apiKey: null });
    const ids: number[] = [];
    for await (const item of client.projects.iterate({ limit: 2 })) ids.push(item.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(posthog.requests.map((r) => r.url)).toEqual([
      `${LIST}?limit=2`,
      `${LIST}?limit=2&offset=2`,
      `${LIST}?limit=2&offset=4`,
    ]);
  });
});
