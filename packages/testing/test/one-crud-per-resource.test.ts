/**
 * Derived and named behaviour share one store per resource (src/fake/engine/resource.ts), so a
 * route served by its effect answers exactly as the named route of the same effect: the same
 * bodies, the same state afterwards, the same activity. The derived routes here are the table's
 * own plain rows moved to new paths, as a sync would add them; each pair runs on two fakes with
 * the same seed, so every generated value (ids, UUIDs, tokens) must agree too.
 */
import { type OperationInfo, operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { createFakePostHog, type FakePostHog } from "../src/index.js";
import { call } from "./helpers.js";

const ITEM = "/api/organizations/{organization_id}/projects/{id}/";
const COLLECTION = "/api/organizations/{organization_id}/projects/";

/** The plain row of an effect on the projects collection or item (no action): the named route. */
function plainRow(effect: OperationInfo["effect"], httpMethod: string): OperationInfo {
  const row = operationTable.find(
    (r) => r.effect === effect && r.httpMethod === httpMethod && /\/projects\/(\{id\}\/)?$/.test(r.path),
  );
  if (!row) throw new Error(`no plain ${httpMethod} row with effect ${effect} in the table`);
  return row;
}

/** The same operation under a new action word: no named behaviour, so it is derived from its effect. */
function moved(row: OperationInfo, word: string): OperationInfo {
  const item = row.path === ITEM;
  return {
    ...row,
    operationId: `projects_${word}_${row.method}`,
    method: word,
    path: `${item ? ITEM : COLLECTION}${word}/`,
  };
}

const list = plainRow("list", "GET");
const read = plainRow("read", "GET");
const update = plainRow("update", "PATCH");
const destroy = plainRow("delete", "DELETE");
const derived = {
  list: moved(list, "everything"),
  read: moved(read, "show"),
  update: moved(update, "edit"),
  destroy: moved(destroy, "drop"),
};

const ORG_A = "0190c2a5-0000-7000-8000-00000000000a";
const ORG_B = "0190c2a5-0000-7000-8000-00000000000b";

function fake(): FakePostHog {
  return createFakePostHog({
    seed: 11,
    now: () => new Date("2026-06-01T12:00:00Z"),
    organizations: [
      { id: ORG_A, name: "A" },
      { id: ORG_B, name: "B" },
    ],
    operations: [...operationTable, ...Object.values(derived)],
    projects: [
      { name: "Web app", organization: ORG_A },
      { name: "Mobile app", organization: ORG_A },
      { name: "Docs", organization: ORG_A },
      { name: "Elsewhere", organization: ORG_B },
    ],
  });
}

/** `/api/organizations/@current/projects/…` for a row, with `{id}` filled in. */
const pathOf = (row: OperationInfo, id?: number) =>
  row.path.replace("{organization_id}", "@current").replace("{id}", String(id));

/** A page without its links (they name the route's own path). */
const withoutLinks = ({ next: _n, previous: _p, ...page }: Record<string, unknown>) => page;

describe("one CRUD per resource: derived and named project routes agree", () => {
  it("list: the same page, with a key's organization scope and ?search= honoured on both", async () => {
    const named = fake();
    const scopedToB = named.createKey({ scopedOrganizations: [ORG_B] });
    for (const query of ["", "?search=APP", "?search=app&limit=1&offset=1", "?search=nothing"]) {
      const viaName = await call(named, "GET", `${pathOf(list)}${query}`);
      const viaEffect = await call(named, "GET", `${pathOf(derived.list)}${query}`);
      expect(viaEffect.status, query).toBe(viaName.status);
      expect(withoutLinks(viaEffect.body), query).toEqual(withoutLinks(viaName.body));
    }
    expect(
      (await call(named, "GET", `${pathOf(derived.list)}?search=app`)).body.results.map((p: any) => p.name),
    ).toEqual(["Web app", "Mobile app"]);
    // A key scoped to organization B is refused A's list by either route; one scoped to both sees it.
    const refused = [
      await call(named, "GET", pathOf(list), { auth: { key: scopedToB } }),
      await call(named, "GET", pathOf(derived.list), { auth: { key: scopedToB } }),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([403, 403]);
    expect(refused[1]?.body).toEqual(refused[0]?.body);
    const both = named.createKey({ scopedOrganizations: [ORG_A, ORG_B] });
    const seen = await call(named, "GET", `${pathOf(derived.list)}?search=docs`, { auth: { key: both } });
    expect(seen.body.results.map((p: any) => p.name)).toEqual(["Docs"]);
  });

  it("destroy: pending deletion, still listed and retrievable, 400 the second time, the same activity", async () => {
    const [viaName, viaEffect] = [fake(), fake()];
    const first = [
      await call(viaName, "DELETE", pathOf(destroy, 2)),
      await call(viaEffect, "DELETE", pathOf(derived.destroy, 2)),
    ];
    expect(first.map((answer) => answer.status)).toEqual([204, 204]);
    for (const fake of [viaName, viaEffect]) {
      expect(fake.db.project(2)?.is_pending_deletion).toBe(true);
      expect((await call(fake, "GET", pathOf(read, 2))).body.is_pending_deletion).toBe(true);
      expect((await call(fake, "GET", pathOf(list))).body.results.map((p: any) => p.id)).toEqual([1, 2, 3]);
    }
    const again = [
      await call(viaName, "DELETE", pathOf(derived.destroy, 2)),
      await call(viaEffect, "DELETE", pathOf(destroy, 2)),
    ];
    expect(again.map((answer) => [answer.status, answer.body.detail])).toEqual([
      [400, "This project is already being deleted."],
      [400, "This project is already being deleted."],
    ]);
    expect(viaEffect.db.project(2)).toEqual(viaName.db.project(2));
    expect(viaEffect.db.activity(2)).toEqual(viaName.db.activity(2));
    expect(viaName.db.activity(2).map((entry) => [entry.scope, entry.activity])).toEqual([
      ["Team", "deleted"],
      ["Project", "deleted"],
    ]);
  });

  it("update and read: PostHog's serializer and activity on both", async () => {
    const [viaName, viaEffect] = [fake(), fake()];
    const body = { name: "Web", product_description: "The site", app_urls: ["https://example.com", null] };
    const answers = [
      await call(viaName, "PATCH", pathOf(update, 1), { body }),
      await call(viaEffect, "PATCH", pathOf(derived.update, 1), { body }),
    ];
    expect(answers[0]?.status).toBe(200);
    expect(answers[1]).toEqual(answers[0]);
    // ProjectBackwardCompatSerializer: nulls dropped from app_urls; Team and Project entries.
    expect(viaEffect.db.project(1)?.app_urls).toEqual(["https://example.com"]);
    expect(viaEffect.db.activity(1)).toEqual(viaName.db.activity(1));
    expect(viaEffect.db.activity(1).map((entry) => entry.scope)).toEqual(["Team", "Project"]);
    const duplicate = { name: "mobile APP" };
    const clashes = [
      await call(viaName, "PATCH", pathOf(update, 1), { body: duplicate }),
      await call(viaEffect, "PATCH", pathOf(derived.update, 1), { body: duplicate }),
    ];
    expect(clashes.map((answer) => answer.status)).toEqual([409, 409]);
    const reads = [await call(viaName, "GET", pathOf(read, 1)), await call(viaEffect, "GET", pathOf(derived.read, 1))];
    expect(reads[1]).toEqual(reads[0]);
  });
});
