/**
 * The fake's organizations beyond what PostHog's tests assert one by one: members of each level,
 * where `@current` points as the caller creates, moves and deletes, and seed data checked like a
 * request. Routes and scopes come from the operation table.
 */
import { operationTable } from "@hogkit/types";
import { describe, expect, it } from "vitest";
import { createFakePostHog, SeedDataError } from "../src/index.js";
import { call } from "./helpers.js";

const rows = operationTable.filter((row) => row.resource === "organizations");
const pathOf = (effect: string, id = "@current") => {
  const row = rows.find((r) => r.effect === effect);
  if (!row) throw new Error(`no organization operation with effect ${effect} in the table`);
  return { method: row.httpMethod, path: row.path.replace("{id}", id) };
};
const ORG_A = "0190a6e1-0000-7000-8000-00000000aaaa";
const ORG_B = "0190a6e1-0000-7000-8000-00000000bbbb";
const ORG_C = "0190a6e1-0000-7000-8000-00000000cccc";

function fake() {
  return createFakePostHog({
    seed: 3,
    organizations: [
      { id: ORG_A, name: "Acme", membershipLevel: 15, members: [{ level: 1 }, { level: 8 }, { level: 1 }] },
      { id: ORG_B, name: "Acme Labs", membershipLevel: 8, members: [{ level: 15, email: "boss@example.com" }] },
      { id: ORG_C, name: "Partner", membershipLevel: 1, members: [{ level: 15 }, { level: 8 }] },
      { name: "Not mine", membershipLevel: null, members: [{ level: 15 }] },
    ],
    projects: [{ name: "Web" }, { name: "Lab", organization: ORG_B }],
  });
}

describe("organizations in the fake", () => {
  it("has members of each level: the caller's level per organization, member_count counting everyone", async () => {
    const f = fake();
    const list = pathOf("list");
    const page = await call(f, list.method, list.path);
    expect(page.status).toBe(200);
    expect(page.body.results.map((o: Record<string, unknown>) => [o.name, o.membership_level, o.member_count])).toEqual(
      [
        ["Acme", 15, 4],
        ["Acme Labs", 8, 2],
        ["Partner", 1, 3],
      ],
    );
  });

  it("writes follow the caller's level: a member is refused, an admin may update, only the owner deletes", async () => {
    const f = fake();
    const update = pathOf("update");
    const remove = pathOf("delete");
    const asMember = await call(f, "PATCH", update.path.replace("@current", ORG_C), { body: { name: "Mine now" } });
    expect([asMember.status, asMember.body.detail]).toEqual([403, "Your organization access level is insufficient."]);
    const asAdmin = await call(f, "PATCH", update.path.replace("@current", ORG_B), { body: { name: "Labs" } });
    expect([asAdmin.status, asAdmin.body.name]).toEqual([200, "Labs"]);
    expect((await call(f, remove.method, remove.path.replace("@current", ORG_B))).status).toBe(403);
    expect((await call(f, remove.method, remove.path.replace("@current", ORG_A))).status).toBe(204);
  });

  it("@current follows the caller: a created organization, a moved current project, a deleted current organization", async () => {
    const f = fake();
    const read = pathOf("read");
    const current = async () => (await call(f, read.method, read.path)).body.id;
    expect(await current()).toBe(ORG_A);
    const create = pathOf("create");
    const created = await call(f, create.method, create.path, { body: { name: "Fresh" } });
    expect(created.status).toBe(201);
    expect(await current()).toBe(created.body.id);
    // Its Default project is the caller's current project too.
    expect(f.db.project(f.db.currentProjectId ?? 0)).toMatchObject({
      name: "Default project",
      organization: created.body.id,
    });

    // change_organization (a session-only action) moves the current project, and the organization with it.
    const cookie = f.createSession().cookie;
    const move = operationTable.find((row) => row.path.endsWith("/change_organization/"));
    if (!move) throw new Error("no change_organization in the table");
    const moved = await call(
      f,
      move.httpMethod,
      move.path.replace("{organization_id}", created.body.id).replace("{id}", String(f.db.currentProjectId)),
      {
        auth: { cookie },
        body: { organization_id: ORG_B },
      },
    );
    expect(moved.status).toBe(200);
    expect(await current()).toBe(ORG_B);

    // Deleting the current organization leaves the caller in their first other one.
    f.db.organization(ORG_B)!.membershipLevel = 15;
    f.db.organization(ORG_B)!.members = [];
    const remove = pathOf("delete", ORG_B);
    expect((await call(f, remove.method, remove.path)).status).toBe(204);
    expect(await current()).toBe(ORG_A);
    expect(f.db.projects.some((p) => p.organization === ORG_B)).toBe(false);
  });

  it("a key limited to projects is refused every organization route; one limited to organizations sees only those", async () => {
    const f = fake();
    const projectKey = f.createKey({ scopedTeams: [1] });
    const orgKey = f.createKey({ scopedOrganizations: [ORG_B] });
    for (const row of rows.filter((r) => r.httpMethod === "GET")) {
      const answer = await call(f, "GET", row.path.replace("{id}", "@current"), { auth: { key: projectKey } });
      expect([row.operationId, answer.status, answer.body.detail]).toEqual([
        row.operationId,
        403,
        "API keys with scoped projects are only supported on project-based endpoints.",
      ]);
    }
    const list = pathOf("list");
    const page = await call(f, list.method, list.path, { auth: { key: orgKey } });
    expect(page.body.results.map((o: { id: string }) => o.id)).toEqual([ORG_B]);
    const outside = await call(f, "GET", pathOf("read", ORG_A).path, { auth: { key: orgKey } });
    expect(outside.status).toBe(404);
    // @current outside the key's organizations: the lookup skips the filter, the scope check does not.
    const current = await call(f, "GET", pathOf("read").path, { auth: { key: orgKey } });
    expect([current.status, current.body.detail]).toEqual([
      403,
      `API key does not have access to the requested organization: ID ${ORG_A}.`,
    ]);
  });

  it("seed members are checked like data: a level that is none of PostHog's, two owners", () => {
    expect(() => createFakePostHog({ organizations: [{ members: [{ level: 3 as never }] }] })).toThrow(
      new SeedDataError("[hogkit fake] organizations[0].members[0].level: must be 1 (member), 8 (admin) or 15 (owner)"),
    );
    expect(() => createFakePostHog({ organizations: [{ membershipLevel: 15, members: [{ level: 15 }] }] })).toThrow(
      /organizations\[0\]\.members: an organization has one owner/,
    );
    expect(() => createFakePostHog({ organizations: [{ members: "everyone" as never }] })).toThrow(SeedDataError);
  });
});
