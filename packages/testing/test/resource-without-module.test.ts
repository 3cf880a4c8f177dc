/**
 * A resource PostHog does nothing special for needs no module in the fake: its operations, as a
 * sync would add them under `/api/projects/{project_id}/…`, keep records of their own, by id within
 * their project (src/fake/engine/record-store.ts), behind the usual authentication and project
 * lookup. The rows are the table's plain project rows moved to a new resource with the project's schemas.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { createFakePostHog } from "../src/index.js";
import { call } from "./helpers.js";

const RESOURCE = "sandboxes";
const COLLECTION = `/api/projects/{project_id}/${RESOURCE}/`;
const ITEM = `${COLLECTION}{id}/`;
const projectId = { name: "project_id", required: true, type: "string" };

function rowLike(effect: OperationInfo["effect"], httpMethod: string, path: string): OperationInfo {
  const row = operationTable.find(
    (r) => r.effect === effect && r.httpMethod === httpMethod && /\/projects\/(\{id\}\/)?$/.test(r.path),
  );
  if (!row) throw new Error(`no plain ${httpMethod} row with effect ${effect} in the table`);
  return {
    ...row,
    resource: RESOURCE,
    operationId: `${RESOURCE}_${row.method}`,
    path,
    pathParams: path === ITEM ? [projectId, { name: "id", required: true, type: "integer" }] : [projectId],
    // The project's writable fields as the body; no field is required.
    body: row.body ? { required: false, schema: "PatchedProjectBackwardCompat" } : null,
  };
}

const rows = [
  rowLike("list", "GET", COLLECTION),
  rowLike("create", "POST", COLLECTION),
  rowLike("read", "GET", ITEM),
  rowLike("update", "PATCH", ITEM),
  rowLike("delete", "DELETE", ITEM),
];

const fakeWithResource = () =>
  createFakePostHog({
    seed: 3,
    operations: [...operationTable, ...rows],
    organizations: [{ availableProductFeatures: [{ key: "organizations_projects", limit: null }] }],
    projects: [{ name: "One" }, { name: "Two" }],
  });

const at = (project: number | string, id?: number) =>
  `/api/projects/${project}/${RESOURCE}/${id === undefined ? "" : `${id}/`}`;

describe("a resource without a module", () => {
  it("keeps its records by id within their project: create, list, read, update, delete", async () => {
    const fake = fakeWithResource();
    const created = await call(fake, "POST", at(1), { body: { name: "First", timezone: "Europe/Paris" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: 1, name: "First", timezone: "Europe/Paris" });
    const other = await call(fake, "POST", at(2), { body: { name: "Elsewhere" } });
    expect(other.body.id).toBe(2);

    const listed = await call(fake, "GET", at(1));
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ count: 1, next: null, previous: null });
    expect(listed.body.results.map((r: any) => r.name)).toEqual(["First"]);
    expect((await call(fake, "GET", at("@current"))).body.count).toBe(1);

    expect((await call(fake, "GET", at(1, 1))).body).toEqual(created.body);
    // Another project's record is not found under this one.
    expect((await call(fake, "GET", at(1, 2))).status).toBe(404);

    const updated = await call(fake, "PATCH", at(1, 1), { body: { name: "Renamed", id: 99 } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: 1, name: "Renamed", timezone: "Europe/Paris" });
    expect(fake.db.records.get(RESOURCE)?.map((r) => r.data.name)).toEqual(["Renamed", "Elsewhere"]);

    expect((await call(fake, "DELETE", at(1, 1))).status).toBe(204);
    expect((await call(fake, "GET", at(1, 1))).status).toBe(404);
    expect((await call(fake, "GET", at(1))).body.count).toBe(0);
    expect((await call(fake, "GET", at(2))).body.count).toBe(1);
  });

  it("refuses a bad body (state unchanged), an unknown project and no credentials; reset() empties it", async () => {
    const fake = fakeWithResource();
    await call(fake, "POST", at(1), { body: { name: "Kept" } });
    const bad = await call(fake, "PATCH", at(1, 1), { body: { timezone: "Mars/Olympus" } });
    expect(bad.status).toBe(400);
    expect(bad.body.attr).toBe("timezone");
    expect((await call(fake, "GET", at(1, 1))).body.name).toBe("Kept");
    expect((await call(fake, "GET", at(9))).status).toBe(404);
    expect((await call(fake, "GET", at(1), { auth: null })).status).toBe(401);
    fake.reset();
    expect((await call(fake, "GET", at(1))).body.count).toBe(0);
  });
});
