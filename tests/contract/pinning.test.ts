/**
 * Pinning `@current` (issue 17's scenario), against the fake over MSW and over HTTP: resolve the
 * current organization, let the caller's current organization move as PostHog's UI or an
 * organization create moves it, and create a project through the pinned client: it lands in the
 * organization that was current when pinned. The unpinned client follows `@current` elsewhere.
 */
import { createCore, PermissionDeniedError, pinOrganization } from "@hogkit/client";
import { projectsCreate } from "@hogkit/client/funcs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, ORG_A, ORG_B, overHttp, overMsw } from "./harness.js";

describe.each([
  ["over MSW", overMsw],
  ["over HTTP on loopback", overHttp],
])("pinOrganization %s", (_, start) => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterEach(() => h.fake.reset());
  afterAll(() => h.close());

  it("resolve @current, switch the caller's organization, create through the pinned client: it lands in the first", async () => {
    const client = h.client();
    const pinned = await pinOrganization(client);
    expect([pinned.organizationId, client.organizationId]).toEqual([ORG_A, "@current"]);
    // The caller switches organization (in PostHog's UI: the user's current organization).
    h.fake.db.currentOrganizationId = ORG_B;
    expect((await client.organizations.retrieve("@current")).id).toBe(ORG_B);
    const created = await pinned.projects.create({ name: "Nightly import" });
    expect(created.organization).toBe(ORG_A);
    expect((await pinned.projects.list()).results.map((p) => p.name)).toContain("Nightly import");
    // The unpinned client follows @current into the other organization.
    expect((await client.projects.create({ name: "Drifted" })).organization).toBe(ORG_B);
  });

  it("an organization created on the way moves @current; the pinned core of the standalone functions stays", async () => {
    const core = await pinOrganization(createCore({ apiKey: h.fake.apiKey, host: h.baseUrl }));
    const other = await h.client().organizations.create({ name: "Side project" });
    expect((await h.client().organizations.retrieve("@current")).id).toBe(other.id);
    expect((await projectsCreate(core, { name: "Still here" })).organization).toBe(ORG_A);
  });

  it("a key without organization:read is answered from its first project's organization", async () => {
    const pinned = await pinOrganization(h.client({ key: "write" }));
    expect(pinned.organizationId).toBe(ORG_A);
    // A UUID needs no request at all, and the per-call organization may name another one to pin.
    expect((await pinOrganization(h.client({ key: "write" }), { organizationId: ORG_B })).organizationId).toBe(ORG_B);
  });

  it("a key that can read neither organizations nor projects gets the organization route's refusal, naming the scope", async () => {
    const refused = await pinOrganization(h.keyClient(h.fake.createKey({ scopes: ["dashboard:read"] }))).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(PermissionDeniedError);
    expect(refused).toMatchObject({ reason: "missing_scope", missingScope: "organization:read" });
    expect((refused as Error).message).toContain("Give the personal API key the 'organization:read' scope");
  });
});
