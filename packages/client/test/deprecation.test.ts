/**
 * PostHog marks moved routes with `Deprecation`, `Sunset` and a successor `Link`
 * (posthog-server.md: `/api/environments/…` is served from `/api/projects/…`). The client reports
 * each operation once, to `hooks.onDeprecation`, or else as one warning per process on servers.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { projectsList, projectsRetrieve } from "../src/funcs.js";
import { createClient, createCore, type DeprecationEvent } from "../src/index.js";
import { json, KEY, project, startServer } from "./helpers/server.js";

const MOVED = {
  deprecation: "@1767225600",
  sunset: "Thu, 01 Jul 2027 00:00:00 GMT",
  link: '<https://us.posthog.com/api/projects/1/>; rel="successor-version"',
};

function deprecatedServer() {
  return startServer((req, res) => {
    const page = { count: 1, next: null, previous: null, results: [project(1)] };
    json(res, 200, req.url?.endsWith("/1/") ? project(1) : page, MOVED);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("Deprecation headers", () => {
  it("reach hooks.onDeprecation once per operation, with Sunset and the successor", async () => {
    const server = await deprecatedServer();
    const events: DeprecationEvent[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const client = createClient({ apiKey: KEY, host: server.url, hooks: { onDeprecation: (e) => events.push(e) } });
    await client.projects.list({ limit: 1 });
    await client.projects.list({ limit: 2 });
    await client.projects.retrieve(1);
    await client.projects.retrieve(1);
    expect(events).toEqual([
      {
        operation: "projects.list",
        method: "GET",
        url: `${server.url}/api/organizations/@current/projects/`,
        deprecation: MOVED.deprecation,
        sunset: MOVED.sunset,
        successor: "https://us.posthog.com/api/projects/1/",
      },
      expect.objectContaining({
        operation: "projects.retrieve",
        url: `${server.url}/api/organizations/@current/projects/1/`,
      }),
    ]);
    expect(server.requests).toHaveLength(4);
    expect(warn).not.toHaveBeenCalled();
  });

  it("without a hook, print one warning per operation on a server runtime, however many clients", async () => {
    const server = await deprecatedServer();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const core = createCore({ apiKey: KEY, host: server.url });
    await projectsRetrieve(core, 1);
    await projectsRetrieve(createCore({ apiKey: KEY, host: server.url }), 1);
    await projectsList(core);
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      `@hogkit/client: PostHog deprecates projects.retrieve (GET ${server.url}/api/organizations/@current/projects/1/): ` +
        `Deprecation ${MOVED.deprecation}, Sunset ${MOVED.sunset}, successor https://us.posthog.com/api/projects/1/. ` +
        "Regenerate the client, or handle this in hooks.onDeprecation.",
      expect.stringMatching(/^@hogkit\/client: PostHog deprecates projects\.list \(GET /),
    ]);
    for (const [message] of warn.mock.calls) expect(message).not.toContain(KEY);
  });

  it("print nothing in a browser page", async () => {
    const server = await startServer((_req, res) =>
      json(res, 200, { count: 0, next: null, previous: null, results: [] }, { deprecation: "true" }),
    );
    vi.stubGlobal("window", {});
    vi.stubGlobal("document", {});
    vi.stubGlobal("location", new URL(`${server.url}/app/`));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // Another operation than the ones above: the once-per-process warning has not fired for it.
    await createClient({ host: "/" }).projects.activity(1);
    expect(server.requests).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });
});
