/**
 * The "PostHog changed its API" workflow against the real upstream snapshot, in a scratch copy of
 * spec/: sync → diff → generate. Reads ../shared/ and writes only to temporary directories: nothing
 * derived from the snapshot may land in the repository.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { OpenAPIDocument } from "../../scripts/lib/openapi.ts";
import { listOperations, readDocument } from "../../scripts/lib/spec-model/index.ts";
import { diffSpecs } from "../../scripts/spec-diff/diff.ts";
import { rewriteTo31 } from "../tools/rewrite-openapi-3.1.ts";
import { type Scratch, scratchCopy } from "./scratch.ts";

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

/**
 * PostHog publishes its session-only actions with no `security`. One more such action upstream (a
 * copy of one of PostHog's, at a path no overlay rule names) must reach the packages session-only
 * with no hand edit: the sync says so, the operation table has `scopes: null`, the JSDoc and the
 * README say "session only", and the fake refuses a personal API key for it.
 */
describe.skipIf(!existsSync(snapshot))("a new session-only action, synced from PostHog's schema", () => {
  let copy: Scratch;
  let syncOutput: string;
  const PROJECTS = "/api/organizations/{organization_id}/projects/";
  const path = `${PROJECTS}{id}/session_only_action/`;
  let method: string;
  let route: string;
  interface Row {
    operationId: string;
    httpMethod: string;
    path: string;
    scopes: string[] | null;
    security: Array<{ scheme: string; kind: string }>;
  }
  const load = async <T>(pkg: string): Promise<T> =>
    (await import(pathToFileURL(join(copy.dir, "packages", pkg, "dist/index.js")).href)) as T;

  beforeAll(() => {
    copy = scratchCopy("session-only-action");
    const upstream = parse(readFileSync(snapshot, "utf8"), { intAsBigInt: true, maxAliasCount: -1 });
    const published = listOperations(upstream as OpenAPIDocument).find(
      (op) => op.path.startsWith(PROJECTS) && op.operation.security === undefined,
    );
    if (!published) throw new Error("the snapshot has no project action without security: pick another one");
    expect(upstream.paths[path]).toBeUndefined();
    method = published.method;
    route = `${method.toUpperCase()} ${path}`;
    upstream.paths[path] = {
      [method]: { ...structuredClone(published.operation), operationId: "session_only_action" },
    };
    const from = join(copy.dir, "upstream-with-session-only-action.yaml");
    writeFileSync(from, stringify(upstream, { lineWidth: 0, aliasDuplicateObjects: false }));
    syncOutput = copy.node(["--import", "tsx", "scripts/spec-sync/main.ts", "--from", from]);
    copy.node(["scripts/generate/run.mjs"]);
    for (const pkg of ["types", "testing"])
      copy.node([join(root, "node_modules/tsup/dist/cli-default.js")], join(copy.dir, "packages", pkg));
  }, 300_000);
  afterAll(() => copy?.remove());

  it("the sync says it is session-only, and the report why", () => {
    const line = syncOutput.split("\n").find((text) => text.startsWith(`new operation ${route} → `));
    expect(line).toMatch(/ — session-only: PostHog refuses personal API keys for it \(403\)/);
    expect(syncOutput).toMatch(
      /operation added with no security requirement: PostHog publishes its session-only actions so/,
    );
  });

  it("the operation table has it session-only: scopes null, the session scheme alone", async () => {
    const { operationTable } = await load<{ operationTable: Row[] }>("types");
    const row = operationTable.find((candidate) => `${candidate.httpMethod} ${candidate.path}` === route);
    expect(row?.scopes).toBeNull();
    expect(row?.security).toEqual([{ scheme: "PostHogSessionAuth", kind: "cookie", scopes: [] }]);
  });

  it("the client's JSDoc and README say session only, not that no scope is declared", () => {
    const generated = join(copy.dir, "packages/client/src/generated");
    const docs = readdirSync(generated).flatMap((file) =>
      [...readFileSync(join(generated, file), "utf8").matchAll(/\/\*\*[\s\S]*?\*\//g)]
        .map((match) => match[0])
        .filter((doc) => doc.includes(`\`${route}\``)),
    );
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      expect(doc).toContain("**Session only.**");
      expect(doc).not.toContain("no scope is declared");
    }
    const readme = readFileSync(join(copy.dir, "packages/client/README.md"), "utf8");
    const rows = readme.split("\n").filter((line) => line.includes(`\`${route}\``));
    expect(rows.length).toBeGreaterThan(0);
    for (const line of rows) expect(line.split("|").at(-2)?.trim()).toBe("session only");
  });

  it("the fake refuses a personal API key for it, as PostHog does", async () => {
    const { createFakePostHog } = await load<{
      createFakePostHog(options: { seed: number; projects: Array<{ name: string }> }): {
        apiKey: string;
        organizationId: string;
        listen(options: { port: number }): Promise<{ url: string; close(): Promise<void> }>;
      };
    }>("testing");
    const fake = createFakePostHog({ seed: 9, projects: [{ name: "Session only" }] });
    const server = await fake.listen({ port: 0 });
    try {
      const headers = { authorization: `Bearer ${fake.apiKey}`, "content-type": "application/json" };
      const projects = `${server.url}/api/organizations/${fake.organizationId}/projects/`;
      // The key itself is good: it lists the projects.
      const list = await fetch(projects, { headers });
      expect(list.status).toBe(200);
      const { results } = (await list.json()) as { results: Array<{ id: number }> };
      const answer = await fetch(`${projects}${results[0]?.id}/session_only_action/`, {
        method: method.toUpperCase(),
        headers,
        ...(method === "get" ? {} : { body: "{}" }),
      });
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({ detail: "This action does not support personal API key access" });
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!existsSync(snapshot))("spec:diff on PostHog's schema and its OpenAPI 3.1 spelling", () => {
  /** Keywords that say which values a schema admits: a schema with none of them is untyped. */
  const TYPING = ["type", "enum", "properties", "additionalProperties", "items", "allOf", "anyOf", "$ref", "not"];

  /**
   * Every untyped nullable schema, which the rewrite spells `oneOf: [{}, {type: "null"}]` (as
   * drf-spectacular does), spelled the plain 3.1 way instead: `{}` with its siblings, since in 3.1 an
   * untyped schema admits null already. Returns how many it re-spelled.
   */
  function plainUntyped(node: unknown): number {
    if (Array.isArray(node)) return node.reduce((sum: number, item) => sum + plainUntyped(item), 0);
    if (typeof node !== "object" || node === null) return 0;
    const schema = node as Record<string, unknown>;
    let count = Object.values(schema).reduce((sum: number, item) => sum + plainUntyped(item), 0);
    const [anything, onlyNull, ...more] = Array.isArray(schema.oneOf) ? schema.oneOf : [];
    const nullableAnything =
      more.length === 0 && JSON.stringify(anything) === "{}" && JSON.stringify(onlyNull) === '{"type":"null"}';
    if (nullableAnything && !TYPING.some((key) => key in schema)) {
      delete schema.oneOf;
      count++;
    }
    return count;
  }

  it("an untyped schema is the same set in 3.0 (`{nullable: true}`) and 3.1 (`{}`): no change at all", () => {
    const published = parse(readFileSync(snapshot, "utf8"), { intAsBigInt: true, maxAliasCount: -1 });
    const respelled = rewriteTo31(structuredClone(published));
    expect(plainUntyped(respelled)).toBeGreaterThan(0);
    const diff = diffSpecs(published, respelled);
    expect(diff.changes.filter((change) => change.kind.startsWith("nullable-"))).toEqual([]);
    expect(diff).toEqual({ changes: [], bump: null });
  });
});
