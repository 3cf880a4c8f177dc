/**
 * Operations the fake has no named behaviour for act on the stored records as the operation table's
 * `effect` says (src/fake/engine/derived.ts). The rows here are today's rows moved to new paths, as a sync
 * would add them; tests/upstream/regenerate.test.ts proves the same through a real spec copy.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { createFakePostHog } from "../src/index.js";
import { call, PROJECTS } from "./helpers.js";

const ITEM = "/api/organizations/{organization_id}/projects/{id}/";
/** The plain CRUD row of an effect (on the collection or the item, no action): the one to copy. */
const rowOf = (effect: OperationInfo["effect"], httpMethod: string) => {
  const row = operationTable.find(
    (r) => r.effect === effect && r.httpMethod === httpMethod && /\/projects\/(\{id\}\/)?$/.test(r.path),
  );
  if (!row) throw new Error(`no plain ${httpMethod} row with effect ${effect} in the table`);
  return row;
};

/** PATCH …/{id}/archive/ answering the project, with the PATCH body: what a sync could bring. */
const archive: OperationInfo = {
  ...rowOf("update", "PATCH"),
  operationId: "projects_archive_partial_update",
  method: "archive",
  path: `${ITEM}archive/`,
};
const pages: OperationInfo = {
  ...rowOf("list", "GET"),
  operationId: "projects_all_list",
  method: "all",
  path: `${PROJECTS.replace("@current", "{organization_id}")}all/`,
};
const remove: OperationInfo = {
  ...rowOf("delete", "DELETE"),
  operationId: "projects_purge_destroy",
  method: "purge",
  path: `${ITEM}purge/`,
  httpMethod: "DELETE",
};

function fakeWith(...extra: OperationInfo[]) {
  return createFakePostHog({
    seed: 7,
    organizations: [{ name: "Mine" }, { name: "Other" }],
    operations: [...operationTable, ...extra],
    projects: [{ name: "Web" }, { name: "App" }],
  });
}

describe("derived behaviours", () => {
  it("an action on {id} answering the record returns the stored project, body applied and logged", async () => {
    const fake = fakeWith(archive);
    const before = fake.db.project(2);
    const answer = await call(fake, "PATCH", `${PROJECTS}2/archive/`, { body: { name: "App (archived)", id: 99 } });
    expect(answer.status).toBe(archive.successStatus);
    expect(answer.body).toMatchObject({ id: 2, organization: fake.organizationId, name: "App (archived)" });
    expect(answer.body.api_token).toBe(before?.api_token);
    expect(fake.db.project(2)?.name).toBe("App (archived)");
    const logged = fake.db.activity(2).at(-1);
    expect(logged?.activity).toBe("updated");
    expect(logged?.detail.changes).toEqual([
      expect.objectContaining({ field: "name", before: "App", after: "App (archived)" }),
    ]);
    // The list still shows it, under its own id.
    const list = await call(fake, "GET", PROJECTS);
    expect(list.body.results.map((p: { id: number }) => p.id)).toEqual([1, 2]);
  });

  it("an action on {id} still refuses an unknown project and a bad body", async () => {
    const fake = fakeWith(archive);
    expect((await call(fake, "PATCH", `${PROJECTS}9/archive/`, { body: {} })).status).toBe(404);
    const bad = await call(fake, "PATCH", `${PROJECTS}1/archive/`, { body: { timezone: "Mars/Olympus" } });
    expect(bad.status).toBe(400);
    expect(bad.body.attr).toBe("timezone");
    expect(fake.db.project(1)?.timezone).toBe("UTC");
  });

  it("a list answer pages the organization's stored records in the item schema", async () => {
    const fake = fakeWith(pages);
    const page = await call(fake, "GET", `${PROJECTS}all/?limit=1`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ count: 2, previous: null, results: [{ id: 1, name: "Web" }] });
    expect(page.body.next).toMatch(/offset=1/);
    // The basic serializer's fields, as the real list gives them: not the full project.
    const listed = (await call(fake, "GET", PROJECTS)).body.results[0];
    expect(Object.keys(page.body.results[0]).sort()).toEqual(Object.keys(listed).sort());
    expect(page.body.results[0]).not.toHaveProperty("secret_api_token");
  });

  it("a DELETE on {id} with no body is the resource's destroy: a project is marked pending deletion", async () => {
    const fake = fakeWith(remove);
    expect((await call(fake, "DELETE", `${PROJECTS}1/purge/`)).status).toBe(204);
    expect(fake.db.project(1)?.is_pending_deletion).toBe(true);
    expect((await call(fake, "GET", `${PROJECTS}1/`)).body.is_pending_deletion).toBe(true);
    const again = await call(fake, "DELETE", `${PROJECTS}1/purge/`);
    expect(again.status).toBe(400);
    expect(again.body.detail).toBe("This project is already being deleted.");
  });
});
