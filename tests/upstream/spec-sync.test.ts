/**
 * The "PostHog changed its API" workflow against the real upstream snapshot, in a scratch copy of
 * spec/: sync → diff → generate. Reads ../shared/ and writes only to temporary directories: nothing
 * derived from the snapshot may land in the repository.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffSpecs } from "../../scripts/lib/spec-diff.ts";
import { readDocument } from "../../scripts/lib/spec-model/index.ts";

const root = resolve(import.meta.dirname, "../..");
const snapshot = resolve(root, "../shared/upstream/posthog-openapi-2025-11-19.yaml");
const run = promisify(execFile);
const ITEM = "/api/organizations/{organization_id}/projects/{id}/";

describe.skipIf(!existsSync(snapshot))("spec:sync from PostHog's published schema (2025-11-19 snapshot)", () => {
  let scratch: string;
  let specDir: string;
  let syncOutput: string;
  const repoSpecBefore = readFileSync(join(root, "spec/projects.openapi.yaml"), "utf8");

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), "hogkit-upstream-sync-"));
    specDir = join(scratch, "spec");
    cpSync(join(root, "spec"), specDir, { recursive: true });
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/spec-sync/main.ts",
        "--from",
        snapshot,
        "--config",
        join(specDir, "sync.config.yaml"),
      ],
      { cwd: root },
    );
    syncOutput = stdout;
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    // The committed spec is the seed pages' version; the sync must never have touched it.
    expect(readFileSync(join(root, "spec/projects.openapi.yaml"), "utf8")).toBe(repoSpecBefore);
  });

  it("brings in the PUT update and receive_org_level_activity_logs, keeping our names and words", () => {
    const synced = parse(readFileSync(join(specDir, "projects.openapi.yaml"), "utf8"));
    const item = synced.paths[ITEM];
    expect(item.put).toMatchObject({
      operationId: "projects_update",
      summary: "Update",
      tags: ["projects"],
      parameters: [{ $ref: "#/components/parameters/ProjectId" }, { $ref: "#/components/parameters/OrganizationId" }],
      requestBody: {
        content: { "application/json": { schema: { $ref: "#/components/schemas/ProjectBackwardCompat" } } },
      },
      security: [{ PersonalAPIKeyAuth: ["project:write"] }],
    });
    expect(Object.keys(item.put.requestBody.content)).toEqual(["application/json"]);
    // Upstream calls them retrieve_2 / partial_update_2 / destroy_2: ours stay.
    expect([item.get.operationId, item.patch.operationId, item.delete.operationId]).toEqual([
      "projects_retrieve",
      "projects_partial_update",
      "projects_destroy",
    ]);
    for (const name of ["ProjectBackwardCompat", "PatchedProjectBackwardCompat"]) {
      expect(synced.components.schemas[name].properties.receive_org_level_activity_logs).toEqual({
        nullable: true,
        type: "boolean",
      });
    }
    // Only what the covered operations (projects, organizations) reference, not PostHog's other 870.
    expect(Object.keys(synced.components.schemas).sort()).toEqual([
      "EffectiveMembershipLevelEnum",
      "MembershipLevelEnum",
      "Organization",
      "PaginatedOrganizationList",
      "PaginatedProjectBackwardCompatBasicList",
      "PatchedOrganization",
      "PatchedProjectBackwardCompat",
      "PluginsAccessLevelEnum",
      "ProjectBackwardCompat",
      "ProjectBackwardCompatBasic",
      "TimezoneEnum",
      "WeekStartDayEnum",
    ]);
    // Not the rest of /api/organizations/ (members, invites, roles, batch exports, …).
    expect(Object.keys(synced.paths).filter((path) => !path.includes("/projects/"))).toEqual([
      "/api/organizations/",
      "/api/organizations/{id}/",
    ]);
    expect(syncOutput).toContain(`new operation PUT ${ITEM} → operationId projects_update`);
  });

  it("spec:diff classifies the real differences: PUT added and a new optional field are minor", () => {
    const diff = diffSpecs(
      readDocument(join(root, "spec/projects.openapi.yaml")),
      readDocument(join(specDir, "projects.openapi.yaml")),
    );
    const rows = diff.changes.map((c) => [c.group, c.location, c.kind, c.level]);
    expect(rows).toEqual([
      [`PUT ${ITEM} (projects_update)`, "", "operation-added", "minor"],
      ["schema PatchedProjectBackwardCompat", "receive_org_level_activity_logs", "field-added", "minor"],
      ["schema ProjectBackwardCompat", "receive_org_level_activity_logs", "field-added", "minor"],
    ]);
    expect(diff.bump).toBe("minor");
  });

  it("spec:diff --changeset writes a minor changeset for every @hogkit package with the report", async () => {
    const changesets = join(scratch, "changesets");
    cpSync(join(root, ".changeset/config.json"), join(changesets, "config.json"));
    const { stdout } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/spec-diff/main.ts",
        "spec/projects.openapi.yaml",
        join(specDir, "projects.openapi.yaml"),
        "--overlay",
        "spec/projects.overlay.yaml",
        "--changeset",
        "--changeset-dir",
        changesets,
        "--slug",
        "posthog-api-2025-11-19",
      ],
      { cwd: root },
    );
    expect(stdout).toContain("release bump: minor");
    const written = readFileSync(join(changesets, "posthog-api-2025-11-19.md"), "utf8");
    expect(written).toMatch(/^---\n("@hogkit\/[a-z-]+": minor\n)+---\n/);
    expect(written).toContain('"@hogkit/types": minor');
    expect(written).toContain("operation added");
    expect(written).toContain("receive_org_level_activity_logs: optional property added");
  });

  it("readDocument's fast path reads the snapshot exactly as the `yaml` package does", () => {
    expect(readDocument(snapshot)).toStrictEqual(parse(readFileSync(snapshot, "utf8"), { maxAliasCount: -1 }));
  });

  it("the generator turns the synced spec into an operation table with projects.replace", async () => {
    const out = join(scratch, "out");
    await run(
      process.execPath,
      ["--import", "tsx", "scripts/generate/main.ts", "--spec", join(specDir, "projects.openapi.yaml"), "--out", out],
      { cwd: root },
    );
    const table = readFileSync(join(out, "packages/types/src/generated/operations.ts"), "utf8");
    expect(table).toMatch(
      /"operationId": "projects_update",\s+"resource": "projects",\s+"method": "replace",\s+"httpMethod": "PUT"/,
    );
    const types = readFileSync(join(out, "packages/types/src/generated/openapi.ts"), "utf8");
    expect(types).toContain("receive_org_level_activity_logs?: boolean | null;");
  });
});
