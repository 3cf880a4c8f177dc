/** Bad calls get the API's status and error shape, and leave the fake's state exactly as it was. */
import { operationTable } from "@hogkit/types";
import { beforeEach, describe, expect, it } from "vitest";
import { createFakePostHog, type FakePostHog } from "../src/index.js";
import { BASE, call, error, PROJECTS, read } from "./helpers.js";

let fake: FakePostHog;
let snapshot: string;

beforeEach(() => {
  fake = createFakePostHog({ seed: 4, projects: [{ name: "Web" }, { name: "Mobile" }] });
  snapshot = JSON.stringify(fake.db.projects);
});

const unchanged = () => expect(JSON.stringify(fake.db.projects)).toBe(snapshot);

describe("bad input", () => {
  it("malformed JSON: 400 parse_error", async () => {
    for (const [method, path] of [
      ["POST", PROJECTS],
      ["PATCH", `${PROJECTS}1/`],
    ] as const) {
      const res = await call(fake, method, path, { body: '{"name": "Half' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: "invalid_request", code: "parse_error", attr: null });
      expect(res.body.detail).toMatch(/^JSON parse error - /);
    }
    unchanged();
  });

  it("wrong content type: 415 unsupported_media_type", async () => {
    const res = await call(fake, "PATCH", `${PROJECTS}1/`, {
      body: "name=Hacked",
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
    expect(res.body).toEqual(
      error("invalid_request", "unsupported_media_type", 'Unsupported media type "text/plain" in request.'),
    );
    unchanged();
  });

  it("a 5 MB body: parsed like any JSON (PostHog's DRF does), refused by field validation", async () => {
    const res = await call(fake, "PATCH", `${PROJECTS}1/`, { body: { name: "x".repeat(5 * 1024 * 1024) } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(
      error("validation_error", "max_length", "Ensure this field has no more than 200 characters.", "name"),
    );
    unchanged();
  });

  it("a body beyond maxBodyBytes: 413, nothing read into state", async () => {
    const small = createFakePostHog({ maxBodyBytes: 1024, projects: [{ name: "Web" }] });
    const before = JSON.stringify(small.db.projects);
    const res = await call(small, "PATCH", `${PROJECTS}1/`, { body: { product_description: "y".repeat(2048) } });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("request_too_large");
    expect(JSON.stringify(small.db.projects)).toBe(before);
  });

  it("unknown fields are ignored (DRF drops them), and never stored", async () => {
    const res = await call(fake, "POST", PROJECTS, { body: { name: "New", sneaky: "<script>" } });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty("sneaky");
    expect(fake.db.project(res.body.id)).not.toHaveProperty("sneaky");
  });

  it("a JSON array or string body: 400 'Invalid data. Expected a dictionary…'", async () => {
    const res = await call(fake, "PATCH", `${PROJECTS}1/`, { body: [1, 2] });
    expect(res.body).toEqual(
      error("validation_error", "invalid_input", "Invalid data. Expected a dictionary, but got list."),
    );
    unchanged();
  });

  it("id=abc on every detail operation: 400 Field 'id' …", async () => {
    for (const [method, path] of [
      ["GET", `${PROJECTS}abc/`],
      ["PATCH", `${PROJECTS}abc/`],
      ["DELETE", `${PROJECTS}abc/`],
    ] as const) {
      const res = await call(fake, method, path, { body: method === "PATCH" ? { name: "x" } : undefined });
      expect(res.status).toBe(400);
      expect(res.body.detail).toBe("Field 'id' expected a number but got 'abc'.");
    }
    unchanged();
  });

  it("../ in an id never reaches another route: Django resolves the decoded path, so it is the API's 404", async () => {
    const encoded = await call(fake, "DELETE", `${PROJECTS}..%2F..%2Fusers/`);
    expect(encoded.status).toBe(404);
    expect(encoded.body).toEqual(error("invalid_request", "not_found", "Not found."));
    // A literal ../ is resolved by URL parsing before any route sees it: the API's 404.
    const literal = await fake.handle(
      new Request(`${BASE}/api/organizations/@current/projects/1/../../../../users/`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${fake.apiKey}` },
      }),
    );
    expect((await read(literal)).status).toBe(404);
    unchanged();
  });

  it("an {id} that decodes to '.' or '/' is 404 for every method, with no Allow header (DRF's [^/.]+ matches no route)", async () => {
    const methods = [...new Set(operationTable.map((op) => op.httpMethod)), "PUT"];
    for (const id of ["1%2E5", "%2E%2E%2Fusers", "1%2F2"]) {
      for (const method of methods) {
        const answer = await call(fake, method, `${PROJECTS}${id}/`, method === "GET" ? {} : { body: {} });
        expect(answer.status, `${method} ${id}`).toBe(404);
        expect(answer.headers.get("allow"), `${method} ${id}`).toBeNull();
      }
    }
    unchanged();
  });

  it('"" for a relational field is null, as DRF\'s RelatedField makes it: logo_media_id and primary_dashboard', async () => {
    const organization = await call(fake, "PATCH", `/api/organizations/${fake.organizationId}/`, {
      body: { logo_media_id: "" },
    });
    expect(organization.status).toBe(200);
    expect(organization.body).toMatchObject({ logo_media_id: null });
    const project = await call(fake, "PATCH", `${PROJECTS}1/`, { body: { primary_dashboard: "" } });
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ primary_dashboard: null });
  });

  it("an unknown path is 404 and a method the path does not have is 405", async () => {
    expect((await call(fake, "GET", "/api/organizations/@current/dashboards/")).status).toBe(404);
    // A method the table has no operation for on the item path (PUT today; whichever is missing after a sync).
    const item: string[] = operationTable
      .filter((op) => op.path.endsWith("/projects/{id}/"))
      .map((op) => op.httpMethod);
    const missing = ["PUT", "POST", "PATCH", "DELETE", "GET"].find((method) => !item.includes(method)) as string;
    const refused = await call(fake, missing, `${PROJECTS}1/`, { body: { name: "x" } });
    expect(refused.status).toBe(405);
    expect(refused.body).toEqual(error("invalid_request", "method_not_allowed", `Method "${missing}" not allowed.`));
    expect(refused.headers.get("allow")?.split(", ").sort()).toEqual([...item].sort());
    unchanged();
  });

  it("wrong types are 400s with attr, and state is unchanged", async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ anonymize_ips: "maybe" }, "anonymize_ips", "Must be a valid boolean."],
      [
        { session_recording_minimum_duration_milliseconds: 40_000 },
        "session_recording_minimum_duration_milliseconds",
        "Ensure this value is less than or equal to 30000.",
      ],
      [{ session_recording_sample_rate: "abc" }, "session_recording_sample_rate", "A valid number is required."],
      [{ week_start_day: 3 }, "week_start_day", '"3" is not a valid choice.'],
    ];
    for (const [body, attr, detail] of cases) {
      const res = await call(fake, "PATCH", `${PROJECTS}1/`, { body });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: "validation_error", attr, detail });
    }
    unchanged();
  });
});

describe("the fake's own bugs are told apart from bad calls", () => {
  it("an exception inside the fake is a 500 with a [hogkit fake] message", async () => {
    // Break the state the way a bug would: a stored project without product_intents.
    (fake.db.project(1) as { product_intents: unknown }).product_intents = undefined;
    const res = await call(fake, "PATCH", `${PROJECTS}1/add_product_intent/`, { body: { product_type: "surveys" } });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-hogkit-fake-bug")).toBe("1");
    expect(res.body.detail).toMatch(/^\[hogkit fake\] .*a bug in @hogkit\/testing/);
  });
});

describe("isolation and reset", () => {
  it("two fakes share nothing", async () => {
    const other = createFakePostHog({ seed: 4, projects: [{ name: "Web" }, { name: "Mobile" }] });
    await call(fake, "POST", PROJECTS, { body: { name: "Only here" } });
    expect(fake.db.projects).toHaveLength(3);
    expect(other.db.projects).toHaveLength(2);
    expect(other.apiKey).toBe(fake.apiKey); // same seed, same key
    expect(createFakePostHog({ seed: 5 }).apiKey).not.toBe(fake.apiKey);
  });

  it("reset() restores the initial state (same seed, same values) and clears faults", async () => {
    const key = fake.apiKey;
    await call(fake, "POST", PROJECTS, { body: { name: "Temporary" } });
    await call(fake, "DELETE", `${PROJECTS}1/`);
    fake.faults.serverError({ times: 5 });
    fake.reset();
    expect(JSON.stringify(fake.db.projects)).toBe(snapshot);
    expect(fake.apiKey).toBe(key);
    expect((await call(fake, "GET", PROJECTS)).status).toBe(200);
  });
});
