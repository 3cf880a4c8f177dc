/**
 * The production build (`next build`, then `next start`) in headless Chromium, against the fake
 * PostHog served over HTTP by this test (POSTHOG_HOST + POSTHOG_PERSONAL_API_KEY, as for a real
 * PostHog), which records what reaches it. Server prefetch and hydration, paging and iterate()
 * through the proxy's rewritten links, an optimistic rename, delete; then the proxy route's refusals
 * with raw HTTP; then the embedded fake the app uses when no PostHog is configured.
 */
import { mkdirSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { resolve } from "node:path";
import { createFakePostHog } from "@hogkit/testing";
import { operationTable } from "@hogkit/types";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "../lib/paging.js";
import { launchChromium } from "./browser.js";
import { type NextServer, startNext } from "./next-server.js";
import { type RecordingFake, serveRecordingFake } from "./recording-fake.js";

const NAMES = [
  "Marketing site",
  "Checkout",
  "Docs",
  "Billing",
  "Support portal",
  "Status page",
  "Data pipeline",
  "Partner API",
  "Internal tools",
  "Mobile app",
  "Onboarding",
  "Experiments",
];
const LIST = "/api/organizations/@current/projects/";
const PROJECTS = "/api/organizations/{organization_id}/projects/";

/**
 * What is no operation comes from the operation table, not from memory: a sync that adds one (PostHog
 * publishes `PUT …/projects/{id}/`, say) moves the pick instead of breaking the test.
 */
function methodNotAt(template: string): string {
  const used = new Set<string>(operationTable.filter((op) => op.path === template).map((op) => op.httpMethod));
  const method = ["PUT", "POST", "PATCH", "DELETE", "GET"].find((candidate) => !used.has(candidate));
  if (!method) throw new Error(`every method is an operation at ${template}: pick another path`);
  return method;
}
function actionNotInTable(): string {
  let name = "secret";
  while (operationTable.some((op) => op.path.includes(`/${name}/`))) name += "_x";
  return name;
}
const shots = resolve(import.meta.dirname, "../test-results");
const fake = createFakePostHog({ seed: 21, projects: NAMES.map((name) => ({ name })) });

let posthog: RecordingFake;
let app: NextServer;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  posthog = await serveRecordingFake(fake);
  [app, browser] = await Promise.all([
    startNext({ POSTHOG_HOST: posthog.url, POSTHOG_PERSONAL_API_KEY: fake.apiKey }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await posthog?.close();
});
beforeEach(() => {
  fake.reset();
  posthog.received.length = 0;
});

interface Traffic {
  /** Every request the page sent to the proxy: method and URL. */
  requests: string[];
  /** The proxy's JSON answers, by URL. */
  bodies: Map<string, unknown>;
  /** Everything the browser received from the app, for the "no key anywhere" check. */
  raw: string[];
  /** Resolves once every response seen so far has been read. */
  settled(): Promise<unknown>;
}

/** A fresh page; asserts it logged no error and threw nothing, and keeps a screenshot of a failure. */
async function inPage(name: string, run: (page: Page, traffic: Traffic) => Promise<void>) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const reading: Promise<void>[] = [];
  const traffic: Traffic = { requests: [], bodies: new Map(), raw: [], settled: () => Promise.all(reading) };
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/posthog-proxy/")) {
      traffic.requests.push(`${request.method()} ${request.url()}`);
    }
  });
  page.on("response", (response) => {
    const read = async () => {
      const [text, headers] = await Promise.all([
        response.text().catch(() => ""),
        response.allHeaders().catch(() => ({})),
      ]);
      traffic.raw.push(JSON.stringify(headers) + text);
      if (new URL(response.url()).pathname.startsWith("/posthog-proxy/") && text.startsWith("{")) {
        traffic.bodies.set(response.url(), JSON.parse(text));
      }
    };
    reading.push(read());
  });
  try {
    await run(page, traffic);
    await traffic.settled();
    expect(problems).toEqual([]);
    expect(traffic.raw.join("\n")).not.toContain(fake.apiKey);
  } catch (error) {
    await page.screenshot({ path: resolve(shots, `failure-${name}.png`), fullPage: true });
    throw error;
  } finally {
    await page.close();
  }
}

const listRequests = () => posthog.received.filter((r) => r.method === "GET" && r.url.startsWith(LIST));
const idOf = (name: string) => {
  const project = fake.db.projects.find((p) => p.name === name);
  if (!project) throw new Error(`the fake has no project ${name}`);
  return project.id;
};

describe("next-app in Chromium", () => {
  it("the server's HTML holds the first page; hydration asks for nothing; paging goes through the proxy", async () => {
    const html = await (await fetch(`${app.url}/`)).text();
    for (const name of NAMES.slice(0, PAGE_SIZE)) expect(html).toContain(`>${name}</a>`);
    expect(html).not.toContain(`>${NAMES[PAGE_SIZE]}</a>`);
    expect(html).not.toContain(fake.apiKey);
    // The one request behind that HTML: the Server Component's prefetch, with the key, server to PostHog.
    expect(listRequests().map((r) => r.url)).toEqual([`${LIST}?limit=${PAGE_SIZE}&offset=0`]);
    expect(listRequests()[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    posthog.received.length = 0;

    await inPage("hydration", async (page, traffic) => {
      await page.goto(app.url);
      await page.getByTestId("hydrated").waitFor({ state: "attached" });
      await page.getByTestId("range").getByText(`${PAGE_SIZE} of ${NAMES.length}`).waitFor();
      expect(listRequests()).toHaveLength(1); // this page's server render
      await page.getByRole("button", { name: "Load more" }).click();
      await page
        .getByTestId("range")
        .getByText(`${2 * PAGE_SIZE} of ${NAMES.length}`)
        .waitFor();
      // The first request the browser made is page 2: it never fetched the hydrated first page again.
      const second = `${app.url}/posthog-proxy${LIST}?limit=${PAGE_SIZE}&offset=${PAGE_SIZE}`;
      expect(traffic.requests).toEqual([`GET ${second}`]);
      // PostHog's next link in that answer was pointed at the proxy, as a path (no header names its host).
      await traffic.settled();
      const page2 = traffic.bodies.get(second) as { next: string };
      expect(page2.next).toBe(`/posthog-proxy${LIST}?limit=${PAGE_SIZE}&offset=${2 * PAGE_SIZE}`);
      await page.getByRole("button", { name: "Load more" }).click();
      await page.getByTestId("range").getByText(`${NAMES.length} of ${NAMES.length}`).waitFor();
      expect(traffic.requests.at(-1)).toBe(`GET ${app.url}${page2.next}`);
      expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
      expect(await page.getByTestId("projects").getByRole("listitem").allTextContents()).toEqual(NAMES);
      await page.screenshot({ path: resolve(shots, "next-app-list.png"), fullPage: true });
    });
  });

  it("iterate() in the browser follows the proxy's rewritten next links to the last page", async () => {
    await inPage("iterate", async (page, traffic) => {
      await page.goto(app.url);
      await page.getByTestId("hydrated").waitFor({ state: "attached" });
      await page.getByRole("button", { name: "Every name" }).click();
      await page.getByTestId("all-names").getByText(NAMES.join(" · ")).waitFor();
      const pages = Math.ceil(NAMES.length / PAGE_SIZE);
      expect(traffic.requests).toHaveLength(pages);
      await traffic.settled();
      expect(traffic.requests[0]).toBe(`GET ${app.url}/posthog-proxy${LIST}?limit=${PAGE_SIZE}`);
      // Each request after the first is exactly the `next` link of the answer before it.
      for (let i = 1; i < pages; i++) {
        const previous = traffic.requests[i - 1]?.replace(/^GET /, "") ?? "";
        const next = (traffic.bodies.get(previous) as { next: string }).next;
        expect(next.startsWith("/posthog-proxy/")).toBe(true);
        expect(traffic.requests[i]).toBe(`GET ${app.url}${next}`);
      }
    });
  });

  it("rename shows at once, reaches the fake when PostHog answers; delete marks the project for deletion", async () => {
    const id = idOf("Checkout");
    const html = await (await fetch(`${app.url}/projects/${id}`)).text();
    expect(html).toMatch(/data-testid="project-name">Checkout</);
    await inPage("rename", async (page) => {
      await page.goto(`${app.url}/projects/${id}`);
      await page.getByTestId("hydrated").waitFor({ state: "attached" });
      posthog.received.length = 0;
      const release = posthog.hold("PATCH");
      await page.getByLabel("New name").fill("Checkout (EU)");
      await page.getByRole("button", { name: "Rename" }).click();
      // Optimistic: the page shows the new name while PostHog has not answered (the fake holds the PATCH).
      await page.getByTestId("project-name").getByText("Checkout (EU)").waitFor();
      await page.getByTestId("rename-state").getByText("Saving…").waitFor();
      expect(fake.db.project(id)?.name).toBe("Checkout");
      release();
      await page.getByTestId("rename-state").getByText("Saved").waitFor();
      expect(fake.db.project(id)?.name).toBe("Checkout (EU)");
      const patch = posthog.received.find((r) => r.method === "PATCH");
      expect(patch).toMatchObject({ url: `/api/organizations/@current/projects/${id}/` });
      expect(JSON.parse(patch?.body ?? "{}")).toEqual({ name: "Checkout (EU)" });
      expect(patch?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
      expect(patch?.headers.cookie).toBeUndefined();

      await page.reload();
      await page.getByTestId("project-name").getByText("Checkout (EU)").waitFor();
      await page.getByRole("button", { name: "Delete Checkout (EU)" }).click();
      await page.waitForURL(`${app.url}/`);
      await page.getByTestId("range").waitFor();
      expect(fake.db.project(id)?.is_pending_deletion).toBe(true);
      expect(posthog.received.filter((r) => r.method === "DELETE").map((r) => r.url)).toEqual([
        `/api/organizations/@current/projects/${id}/`,
      ]);
    });
  });
});

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request sent with its target exactly as written (fetch would normalise `..` and friends). */
function raw(method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: hostname, port, method, path: target, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the proxy route under next start: refused or stripped, PostHog sees nothing it should not", () => {
  const answers: RawAnswer[] = [];
  afterAll(() => {
    expect(answers.length).toBeGreaterThan(0);
    expect(JSON.stringify(answers)).not.toContain(fake.apiKey);
  });
  const refused = async (method: string, target: string, headers: Record<string, string> = {}, body?: string) => {
    let answer = await raw(method, target, headers, body);
    answers.push(answer);
    if (answer.status === 308) {
      // Next.js collapses `//` with a redirect: it must stay on this origin, and lead to a refusal too.
      const location = new URL(answer.headers.location ?? "", app.url);
      expect(location.origin).toBe(app.url);
      answer = await raw(method, location.pathname + location.search, headers, body);
      answers.push(answer);
    }
    expect(answer.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
    expect(answer.status, `${method} ${target}`).toBeLessThan(500);
    expect(posthog.received, `${method} ${target} reached PostHog`).toEqual([]);
    return answer;
  };

  it("a path or method that is no operation: 404 from the proxy", async () => {
    for (const [method, target] of [
      ["GET", "/posthog-proxy/api/users/@me/"],
      ["GET", "/posthog-proxy/api/organizations/@current/members/"],
      ["POST", `/posthog-proxy${LIST}1/${actionNotInTable()}/`],
      [methodNotAt(`${PROJECTS}{id}/`), `/posthog-proxy${LIST}1/`],
      [methodNotAt(PROJECTS), `/posthog-proxy${LIST}`],
      ["GET", "/posthog-proxy/admin/"],
    ] as const) {
      const answer = await refused(method, target);
      expect(answer.status).toBe(404);
      expect(answer.headers["x-hogkit-proxy"]).toBe("refused");
    }
  });

  it("a traversal, plain or encoded", async () => {
    await refused("GET", "/posthog-proxy/api/organizations/@current/projects/../../../users/@me/");
    await refused("GET", "/posthog-proxy/api/organizations/@current/projects/%2e%2e/%2e%2e/%2e%2e/users/@me/");
    await refused("GET", "/posthog-proxy/api/organizations/@current/projects/1%2F..%2F..%2F..%2Fusers%2F@me/");
    await refused("GET", "/posthog-proxy/api/organizations/@current/projects/..%5c..%5c..%5cusers/");
  });

  it("an encoded absolute URL, or a host and port in the path", async () => {
    await refused("GET", `/posthog-proxy/https%3A%2F%2Fevil.example${encodeURIComponent(LIST)}`);
    await refused("GET", `/posthog-proxy/https://evil.example${LIST}`);
    await refused("GET", `/posthog-proxy/@evil.example:8080${LIST}`);
    await refused("GET", `/posthog-proxy/api/organizations/evil.example:8080/projects/`);
  });

  it("an oversized body: 413, and the project is unchanged", async () => {
    const id = idOf("Docs");
    const body = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) });
    const answer = await refused("PATCH", `/posthog-proxy${LIST}${id}/`, { "content-type": "application/json" }, body);
    expect(answer.status).toBe(413);
    expect(fake.db.project(id)?.name).toBe("Docs");
  });

  it("a browser cookie and a forged Authorization are not forwarded: PostHog sees the proxy's key only", async () => {
    const answer = await raw("GET", `/posthog-proxy${LIST}?limit=2`, {
      cookie: "sessionid=aBrowserSessionThatMustStayHere",
      authorization: "Bearer phx_forgedByTheBrowser000000000000000000",
    });
    answers.push(answer);
    expect(answer.status).toBe(200);
    expect(answer.headers["set-cookie"]).toBeUndefined();
    const [seen] = posthog.received;
    expect(posthog.received).toHaveLength(1);
    expect(seen?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(seen?.headers.cookie).toBeUndefined();
    expect(JSON.parse(answer.body).next).toBe(`/posthog-proxy${LIST}?limit=2&offset=2`);
  });
});

/** What a page of another site can make a browser send: a "simple" request, with the browser's own headers. */
const CROSS_SITE = { origin: "https://attacker.example", "sec-fetch-site": "cross-site" };

describe("the proxy route under next start, attacked (issue 22)", () => {
  const answers: RawAnswer[] = [];
  afterAll(() => {
    expect(answers.length).toBeGreaterThan(0);
    expect(JSON.stringify(answers)).not.toContain(fake.apiKey);
  });
  const send = async (method: string, target: string, headers: Record<string, string> = {}, body?: string) => {
    const answer = await raw(method, target, headers, body);
    answers.push(answer);
    return answer;
  };

  it("a cross-site form post (text/plain, empty body) creates no project: 404, it is no allowed operation", async () => {
    const before = fake.db.projects.length;
    const answer = await send("POST", `/posthog-proxy${LIST}`, { ...CROSS_SITE, "content-type": "text/plain" }, "");
    expect(answer.status).toBe(404);
    expect(fake.db.projects).toHaveLength(before);
    expect(posthog.received).toEqual([]);
  });

  it("a cross-site DELETE or rename of an allowed operation: 403, the project is untouched", async () => {
    const id = idOf("Billing");
    for (const [method, body] of [
      ["DELETE", undefined],
      ["PATCH", '{"name":"pwned"}'],
    ] as const) {
      const answer = await send(
        method,
        `/posthog-proxy${LIST}${id}/`,
        { ...CROSS_SITE, "content-type": "application/json" },
        body,
      );
      expect(answer.status, method).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ code: "cross_site_request" });
    }
    // Another origin without Sec-Fetch-Site (an older browser) is refused by its Origin alone.
    const old = await send(
      "PATCH",
      `/posthog-proxy${LIST}${id}/`,
      { origin: "https://attacker.example", "content-type": "application/json" },
      '{"name":"pwned"}',
    );
    expect(old.status).toBe(403);
    expect(fake.db.project(id)).toMatchObject({ name: "Billing", is_pending_deletion: false });
    expect(posthog.received).toEqual([]);
  });

  it("a same-origin write that is not JSON: 415; a session-only action the app did not list: 404", async () => {
    const id = idOf("Docs");
    const own = { origin: app.url, "sec-fetch-site": "same-origin" };
    const text = await send(
      "PATCH",
      `/posthog-proxy${LIST}${id}/`,
      { ...own, "content-type": "text/plain" },
      '{"name":"x"}',
    );
    expect(text.status).toBe(415);
    const rotate = await send("PATCH", `/posthog-proxy${LIST}${id}/rotate_secret_token/`, {
      ...own,
      "content-type": "application/json",
    });
    expect(rotate.status).toBe(404);
    expect(posthog.received).toEqual([]);
  });

  it("Host: evil.example puts no link on evil.example; the answer's caching and server headers are the proxy's", async () => {
    const answer = await send("GET", `/posthog-proxy${LIST}?limit=2`, { host: "evil.example" });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).next).toBe(`/posthog-proxy${LIST}?limit=2&offset=2`);
    expect(answer.body).not.toContain("evil.example");
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    for (const name of ["access-control-allow-origin", "server", "x-powered-by", "set-cookie"]) {
      expect(answer.headers[name], name).toBeUndefined();
    }
  });

  it("TRACE reaches nothing: Next.js answers it itself, before any route handler", async () => {
    // Next.js refuses methods a route cannot export ("'TRACE' HTTP method is unsupported", a 500 of
    // its own); toNodeListener answers 405 where hogkit owns the adapter (tests/security).
    const trace = await send("TRACE", `/posthog-proxy${LIST}`);
    expect(trace.status).not.toBe(200);
    expect(posthog.received).toEqual([]);
  });
});

describe("with no PostHog configured", () => {
  it("the app runs on the embedded fake: its demo projects in the HTML, the proxy in front of it", async () => {
    const embedded = await startNext({});
    try {
      const html = await (await fetch(`${embedded.url}/`)).text();
      expect(html).toContain(">Marketing site</a>");
      const page = (await (await fetch(`${embedded.url}/posthog-proxy${LIST}?limit=2`)).json()) as { next: string };
      expect(page.next).toBe(`/posthog-proxy${LIST}?limit=2&offset=2`);
      expect(posthog.received).toEqual([]);
    } finally {
      await embedded.stop();
    }
  });
});
