/**
 * Issue 22, item 4: the fake never saves a write it answers with an error. A PATCH with JSON nested
 * 2,000 deep used to answer `500 hogkit_fake_bug` but save the value, after which every read of
 * that project answered 500; a POST likewise created the project. Now deep nesting is a 400 and
 * every write is all or nothing, over HTTP as over MSW's path (`fake.handle`).
 */
import { createFakePostHog, type FakePostHog } from "@hogkit/testing";
import { describe, expect, it } from "vitest";

const LIST = "/api/organizations/@current/projects/";
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

async function overHttp() {
  const fake = createFakePostHog({ projects: [{ name: "Web" }] });
  const server = await fake.listen();
  const call = (method: string, path: string, body?: string) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${fake.apiKey}`, "content-type": "application/json" },
      body,
    });
  return { fake, call, close: () => server.close() };
}

/** Everything the fake would answer about its projects, to compare before and after. */
const state = (fake: FakePostHog) => JSON.stringify({ projects: fake.db.projects, activity: fake.db.activity(1) });

describe("deep nesting", () => {
  it("a PATCH nested 2,000 deep is a 400 parse_error, saves nothing, and the project reads as before", async () => {
    const { fake, call, close } = await overHttp();
    try {
      const before = state(fake);
      const answer = await call("PATCH", `${LIST}1/`, `{"name":"x","test_account_filters":${nested(2000)}}`);
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({
        code: "parse_error",
        detail: expect.stringContaining("nested deeper than 512"),
      });
      expect(state(fake)).toBe(before);
      expect((await call("GET", `${LIST}1/`)).status).toBe(200);
      expect((await call("GET", LIST)).status).toBe(200);
    } finally {
      await close();
    }
  });

  it("a POST nested 2,000 deep creates no project", async () => {
    const { fake, call, close } = await overHttp();
    try {
      const answer = await call("POST", LIST, `{"name":"Deep","test_account_filters":${nested(2000)}}`);
      expect(answer.status).toBe(400);
      expect(fake.db.projects.map((p) => p.name)).toEqual(["Web"]);
    } finally {
      await close();
    }
  });

  it("512 levels are still taken as PostHog would take them (validated, not refused as too deep)", async () => {
    const fake = createFakePostHog({ projects: [{ name: "Web" }] });
    const answer = await fake.handle(
      new Request(`https://fake.test${LIST}1/`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${fake.apiKey}`, "content-type": "application/json" },
        body: `{"name":${nested(511)}}`,
      }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).not.toMatchObject({ code: "parse_error" });
  });
});

describe("every write is all or nothing", () => {
  it("a write that fails half-way — a bug after the record changed — leaves nothing behind", async () => {
    const fake = createFakePostHog({ projects: [{ name: "Web" }] });
    // Breaks the activity log, which the rename writes after it has changed the record.
    (fake.db as { user: unknown }).user = null;
    const before = state(fake);
    const answer = await fake.handle(
      new Request(`https://fake.test${LIST}1/`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${fake.apiKey}`, "content-type": "application/json" },
        body: '{"name":"Renamed"}',
      }),
    );
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ code: "hogkit_fake_bug" });
    expect(state(fake)).toBe(before);
    expect(fake.db.project(1)?.name).toBe("Web");
  });

  it("a refused write changes nothing, and concurrent writes each land once", async () => {
    const { fake, call, close } = await overHttp();
    try {
      const refused = await call("PATCH", `${LIST}1/`, '{"timezone":"Mars/Olympus_Mons"}');
      expect(refused.status).toBe(400);
      expect(fake.db.project(1)?.timezone).toBe("UTC");
      const created = await Promise.all(
        Array.from({ length: 20 }, (_, i) => call("POST", LIST, JSON.stringify({ name: `P${i}` }))),
      );
      expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(fake.db.projects.map((p) => p.id)).size).toBe(21);
    } finally {
      await close();
    }
  });
});
