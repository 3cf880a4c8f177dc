/**
 * Seeds are state: a record exactly as the fake returns it seeds a new fake, and the operation that
 * returned it reads it back equal. The operations are every GET of the generated table that answers
 * records (effect `read` or `list`); each record seeds the option named after its resource
 * (`projects`, `organizations`).
 *
 * The spec has no example responses (no `example`/`examples` in spec/projects.openapi.yaml), so the
 * examples are the factories' records of each read operation's schema, several seeds each. Only the
 * project operations take them: a factory Organization is not one PostHog could return (its `teams`
 * and `projects` name no real project, `member_count` counts nobody), so organizations are covered
 * by the records the fake returns, which are.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { createFactories, createFakePostHog, type FakePostHog } from "../src/index.js";
import { call } from "./helpers.js";

type Json = Record<string, any>;

const READS = operationTable.filter((row) => row.httpMethod === "GET" && ["read", "list"].includes(row.effect));
const ORG_A = "0190a6e1-0000-7000-8000-00000000aaaa";
const ORG_B = "0190a6e1-0000-7000-8000-00000000bbbb";

const byId = (operationId: string) => {
  const row = operationTable.find((r) => r.operationId === operationId);
  if (!row) throw new Error(`no ${operationId} in the operation table`);
  return row;
};

/** The row's path for one record: `{id}` is its id, `{organization_id}` its organization. */
function pathFor(row: OperationInfo, record: Json): string {
  return row.path
    .replace("{organization_id}", String(record.organization ?? ORG_A))
    .replace("{id}", row.effect === "list" ? "" : String(record.id));
}

/** The ids each resource's `{id}` takes in an organization of a fake. */
const IDS: Record<string, (fake: FakePostHog, organizationId: string) => Array<string | number>> = {
  projects: (fake, organizationId) =>
    fake.db.projects.filter((p) => p.organization === organizationId).map((p) => p.id),
  organizations: (fake) => fake.db.memberOrganizations().map((o) => o.id),
};

/** A fake after a life of writes: settings changed, a token rotated, an intent added, a demo project made. */
async function livedIn(): Promise<FakePostHog> {
  const fake = createFakePostHog({
    seed: 8,
    organizations: [
      { id: ORG_A, name: "Acme", members: [{ level: 8 }, { level: 1 }] },
      { id: ORG_B, name: "Labs", membershipLevel: 8, members: [{ level: 15 }] },
    ],
    projects: [
      { name: "Web" },
      { name: "Mobile", product_description: "The app" },
      { name: "Lab", organization: ORG_B },
    ],
  });
  const auth = { cookie: fake.createSession().cookie };
  const write = async (operationId: string, params: Json, body: unknown) => {
    const row = byId(operationId);
    const path = row.path.replace("{organization_id}", params.organization_id ?? ORG_A).replace("{id}", params.id);
    const answer = await call(fake, row.httpMethod, path, { auth, body });
    expect(answer.status, `${operationId}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  };
  await write(
    "projects_partial_update",
    { id: 1 },
    {
      test_account_filters: [],
      timezone: "Europe/Berlin",
      session_recording_sample_rate: "0.5",
      session_recording_linked_flag: { id: 4, key: "beta" },
      modifiers: { personsOnEventsMode: "disabled" },
      app_urls: ["https://app.example.com"],
      primary_dashboard: fake.db.addDashboard(1),
    },
  );
  await write("projects_rotate_secret_token_partial_update", { id: 1 }, {});
  await write("projects_add_product_intent_partial_update", { id: 2 }, { product_type: "session_replay" });
  await write("projects_create", {}, { name: "Demo", is_demo: true });
  await write("organizations_partial_update", { id: ORG_A }, { is_member_join_email_enabled: false });
  return fake;
}

/** Every record the fake returns from the read operations, with the row that returned it. */
async function recordsOf(fake: FakePostHog): Promise<Array<{ row: OperationInfo; record: Json }>> {
  const found: Array<{ row: OperationInfo; record: Json }> = [];
  for (const row of READS) {
    const ids = IDS[row.resource];
    if (!ids) throw new Error(`no ids for resource ${row.resource}: add it to IDS`);
    const organizations = row.pathParams.some((p) => p.name === "organization_id") ? [ORG_A, ORG_B] : [ORG_A];
    for (const organizationId of organizations) {
      const scope = { organization: organizationId };
      const targets = row.effect === "list" ? [scope] : ids(fake, organizationId).map((id) => ({ ...scope, id }));
      for (const target of targets) {
        const answer = await call(fake, "GET", pathFor(row, target));
        expect(answer.status, `${row.operationId} ${pathFor(row, target)}`).toBe(200);
        for (const record of row.effect === "list" ? answer.body.results : [answer.body]) found.push({ row, record });
      }
    }
  }
  return found;
}

/** What `row` answers for `record` in `fake`: the record itself, or the page items of its organization. */
async function readBack(fake: FakePostHog, row: OperationInfo, record: Json) {
  const answer = await call(fake, "GET", pathFor(row, record));
  expect(answer.status, `${row.operationId}: ${JSON.stringify(answer.body)}`).toBe(200);
  return row.effect === "list" ? answer.body.results : answer.body;
}

describe("seeds are state", () => {
  it("every record the fake returns seeds a new fake and reads back equal", async () => {
    const records = await recordsOf(await livedIn());
    // Every read operation of the table answered records, and both kinds of row are among them.
    expect(new Set(records.map(({ row }) => row.operationId))).toEqual(new Set(READS.map((row) => row.operationId)));
    for (const { row, record } of records) {
      const fresh = createFakePostHog({ [row.resource]: [record] });
      const back = await readBack(fresh, row, record);
      expect(back, `${row.operationId} record ${record.id}`).toEqual(row.effect === "list" ? [record] : record);
    }
  });

  it("all of them at once seed a fake that answers every read as the original does", async () => {
    const original = await livedIn();
    const records = await recordsOf(original);
    const ofRow = (operationId: string) => records.filter(({ row }) => row.operationId === operationId);
    // The whole records: what the retrieve operations return.
    const seeds: Json = {};
    for (const { row, record } of records.filter(({ row }) => row.effect === "read")) {
      seeds[row.resource] = [...(seeds[row.resource] ?? []), record];
    }
    const copy = createFakePostHog(seeds);
    for (const { row, record } of records) {
      const back = await readBack(copy, row, record);
      if (row.effect === "read") expect(back, `${row.operationId} ${record.id}`).toEqual(record);
      else expect(back, row.operationId).toContainEqual(record);
    }
    expect(ofRow("projects_list").length).toBe(original.db.projects.length);
  });

  it("every example of the project read operations' schemas seeds a new fake and reads back equal", async () => {
    const rows = READS.filter((row) => row.resource === "projects");
    expect(rows.map((row) => row.effect).sort()).toEqual(["list", "read"]);
    for (let seed = 1; seed <= 20; seed++) {
      const factories = createFactories({ seed });
      for (const row of rows) {
        const example = factories.buildSchema(row.responseSchema as string, "read") as Json;
        const records: Json[] = row.effect === "list" ? example.results : [example];
        const fresh = createFakePostHog({ projects: records as never });
        for (const record of records) {
          const where = `seed ${seed}, ${row.operationId}, record ${record.id}`;
          if (record.effective_membership_level === null) {
            // The caller is in no organization of theirs (PostHog never answers such a record): it is state all the same.
            expect(fresh.db.project(record.id), where).toEqual(record);
            continue;
          }
          const back = await readBack(fresh, row, record);
          const expected =
            row.effect === "list" ? records.filter((r) => r.organization === record.organization) : record;
          expect(back, where).toEqual(expected);
        }
      }
    }
  });
});
