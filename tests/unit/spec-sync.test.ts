import { execFile } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { releaseCommand } from "../../scripts/spec-sync/next-steps.ts";
import { cleanSchema, newOperationId, newSummary } from "../../scripts/spec-sync/sync.ts";

const root = resolve(import.meta.dirname, "../..");
const fixtures = join(root, "tests/fixtures/spec-diff/sync");
const upstreamFile = join(fixtures, "upstream.yaml");
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI, as `pnpm spec:sync` does, against a spec directory of our own. */
async function sync(specDir: string, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        join(root, "scripts/spec-sync/main.ts"),
        "--config",
        join(specDir, "sync.config.yaml"),
        ...args,
      ],
      { cwd: root },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const scratch: string[] = [];
function copyOf(dir: string): string {
  const target = mkdtempSync(join(tmpdir(), "hogkit-sync-test-"));
  scratch.push(target);
  cpSync(dir, target, { recursive: true });
  return target;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

/** The fixture upstream, edited: for cases that differ from it by one thing. */
function upstreamVariant(dir: string, edit: (document: any) => void): string {
  const document = parse(readFileSync(upstreamFile, "utf8"), { intAsBigInt: true });
  edit(document);
  const file = join(dir, "..", `${dir.split("/").pop()}-upstream.yaml`);
  writeFileSync(file, stringify(document));
  scratch.push(file);
  return file;
}

describe("spec:sync on a hand-written upstream", () => {
  it("keeps our operationIds, words, parameter refs and header, and names new operations by the drf rule", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const result = await sync(dir, "--from", upstreamFile);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "PUT /api/organizations/{organization_id}/things/{id}/ → operationId things_update",
    );
    expect(result.stdout).toContain("operationId things_polish_create");

    const text = readFileSync(join(dir, "things.openapi.yaml"), "utf8");
    expect(text.startsWith("# A small hand-written spec")).toBe(true);
    expect(text).toContain("This header comment must survive a sync.");
    const spec = parse(text);
    const item = spec.paths["/api/organizations/{organization_id}/things/{id}/"];
    // Ours, matched by method + path although upstream calls them retrieve_2 / partial_update_2.
    expect(item.get.operationId).toBe("things_retrieve");
    expect(item.patch.operationId).toBe("things_partial_update");
    expect(item.get.description).toBe("Our description of one thing.");
    expect(item.get.tags).toEqual(["things"]);
    // New: named by rule, summarised in the API reference's style, tagged with our resource.
    expect(item.put).toMatchObject({ operationId: "things_update", summary: "Update", tags: ["things"] });
    expect(Object.keys(item)).toEqual(["get", "patch", "put"]);
    const polish = spec.paths["/api/organizations/{organization_id}/things/{id}/polish/"].post;
    expect(polish).toMatchObject({ operationId: "things_polish_create", summary: "Polish" });
    // Our parameter components come back instead of upstream's inlined copies; our words stay.
    expect(item.put.parameters).toEqual([
      { $ref: "#/components/parameters/ThingId" },
      { $ref: "#/components/parameters/OrganizationId" },
    ]);
    expect(spec.components.parameters.OrganizationId.description).toBe("Our words about the organization ID.");
    const list = spec.paths["/api/organizations/{organization_id}/things/"].get;
    expect(list.parameters[0]).toEqual({
      name: "limit",
      in: "query",
      required: false,
      description: "Our words about limit.",
      schema: { type: "integer" },
    });
    // JSON bodies only; no explode/style/example noise; uncovered operations and their schemas left out.
    expect(Object.keys(item.patch.requestBody.content)).toEqual(["application/json"]);
    expect(Object.keys(item.put.requestBody.content)).toEqual(["application/json"]);
    expect(text).not.toMatch(/explode|style: |example: |multipart|x-www-form/);
    expect(spec.paths["/api/organizations/{organization_id}/other/"]).toBeUndefined();
    expect(spec.components.schemas.Other).toBeUndefined();
    // Referenced schemas come along transitively; a property named "example" is not noise.
    expect(spec.components.schemas.FinishEnum.enum).toEqual(["matte", "gloss"]);
    expect(spec.components.schemas.PolishRequest.properties.example.type).toBe("string");
    expect(spec.components.schemas.Thing.properties.shine).toEqual({ nullable: true, type: "boolean" });
    // Our descriptions win over upstream's; info, servers and the scheme description are ours.
    expect(spec.components.schemas.Thing.description).toBe("Our words about a thing.");
    expect(spec.components.schemas.KindEnum.description).toBe("Our words about kinds.");
    expect(spec.info.description).toBe("Our own words about things.");
    expect(spec.servers).toEqual([{ url: "https://things.example", description: "Example" }]);
    expect(spec.components.securitySchemes.PersonalAPIKeyAuth.description).toBe("Our words: a personal API key.");
    // int64 bounds are written exactly, not rounded through a double.
    expect(text).toContain("minimum: -9223372036854775808");
    // The overlay is never modified.
    expect(readFileSync(join(dir, "things.overlay.yaml"), "utf8")).toBe(
      readFileSync(join(fixtures, "spec/things.overlay.yaml"), "utf8"),
    );
    // The result is stable: syncing it again from the same upstream changes nothing.
    const again = await sync(dir, "--from", upstreamFile);
    expect(again.stdout).toContain("is up to date");
    expect(readFileSync(join(dir, "things.openapi.yaml"), "utf8")).toBe(text);
  });

  it("--dry-run reports what would change and writes nothing", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const before = snapshot(dir);
    const result = await sync(dir, "--from", upstreamFile, "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("operation added");
    expect(result.stdout).toContain("shine: optional property added");
    expect(result.stdout).toContain("nothing was written");
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses an upstream that lost a covered operation and leaves spec/ untouched", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const before = snapshot(dir);
    const from = upstreamVariant(dir, (document) => {
      delete document.paths["/api/organizations/{organization_id}/things/{id}/"].patch;
    });
    const result = await sync(dir, "--from", from);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("lost 1 operation(s)");
    expect(result.stderr).toContain("PATCH /api/organizations/{organization_id}/things/{id}/ (things_partial_update)");
    expect(result.stderr).toContain("left untouched");
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses when an overlay action no longer applies, naming every stale action", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const before = snapshot(dir);
    const from = upstreamVariant(dir, (document) => {
      for (const name of ["Thing", "PatchedThing"]) delete document.components.schemas[name].properties.legacy;
    });
    const result = await sync(dir, "--from", from);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the overlay no longer applies");
    expect(result.stderr).toContain("overlay action 1 ($.components.schemas.Thing.properties.legacy) matches nothing");
    expect(result.stderr).not.toContain("overlay action 2");
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses a new operation whose rule-given operationId is taken", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const before = snapshot(dir);
    const from = upstreamVariant(dir, (document) => {
      // Parameter segments do not name anything, so this GET would be things_retrieve, which ours already is.
      document.paths["/api/organizations/{organization_id}/things/{id}/{version}/"] = {
        get: {
          operationId: "x",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "integer" } },
            { name: "version", in: "path", required: true, schema: { type: "integer" } },
            { name: "organization_id", in: "path", required: true, schema: { type: "string" } },
          ],
          responses: { "204": { description: "" } },
        },
      };
    });
    const result = await sync(dir, "--from", from);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /new operation GET \/api\/organizations\/\{organization_id\}\/things\/\{id\}\/\{version\}\/ would get the operationId things_retrieve/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses a file that is not YAML or JSON, and an OpenAPI 2 document", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const before = snapshot(dir);
    const broken = join(dir, "..", `${dir.split("/").pop()}-broken.yaml`);
    scratch.push(broken);
    writeFileSync(broken, "openapi: 3.0.3\npaths: {\n  oops: [\n");
    const bad = await sync(dir, "--from", broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/is not valid YAML or JSON/);
    writeFileSync(broken, "swagger: '2.0'\npaths: {}\n");
    const swagger = await sync(dir, "--from", broken);
    expect(swagger.code).toBe(1);
    expect(swagger.stderr).toMatch(/not an OpenAPI document/);
    expect(snapshot(dir)).toEqual(before);
  });

  it("says a new operation without `security` is session-only when the overlay's rule makes it so", async () => {
    const THINGS = "/api/organizations/{organization_id}/things/";
    const dir = copyOf(join(fixtures, "spec"));
    const from = upstreamVariant(dir, (document) => {
      // PostHog's session-only action: like polish, but published with no security at all.
      const { security: _none, ...buff } = structuredClone(document.paths[`${THINGS}{id}/polish/`].post);
      document.paths[`${THINGS}{id}/buff/`] = { post: { ...buff, operationId: "buff_create" } };
    });
    const undeclared = await sync(dir, "--from", from, "--dry-run");
    expect(undeclared.stdout).toContain(
      `new operation POST ${THINGS}{id}/buff/ → operationId things_buff_create — declares no security`,
    );
    // The rule of spec/projects.overlay.yaml, added to this spec's overlay (as data).
    const overlayFile = join(dir, "things.overlay.yaml");
    const overlay = parse(readFileSync(overlayFile, "utf8"));
    const real = parse(readFileSync(join(root, "spec/projects.overlay.yaml"), "utf8"));
    const rule = real.actions.find((action: { target: string }) => action.target.includes("!@.security"));
    overlay.actions.push({ ...rule, update: { security: [{ SessionAuth: [] }] } });
    writeFileSync(overlayFile, stringify(overlay));
    const result = await sync(dir, "--from", from);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(
      `new operation POST ${THINGS}{id}/buff/ → operationId things_buff_create — session-only: PostHog refuses personal API keys for it (403)`,
    );
    // An operation with a key's scope gets no note.
    expect(result.stdout).toContain(`new operation POST ${THINGS}{id}/polish/ → operationId things_polish_create\n`);
    // The report (the spec as published, before the overlay) says why.
    expect(result.stdout).toMatch(
      /things_buff_create\)\n {2}minor \(additive\) — operation added with no security requirement/,
    );
  });
});

describe("spec:sync with several resources", () => {
  const ORGS = "/api/organizations/";
  const ORG = "/api/organizations/{id}/";
  const uuidId = {
    description: "A UUID string identifying this organization.",
    in: "path",
    name: "id",
    required: true,
    style: "simple",
    explode: false,
    schema: { format: "uuid", type: "string" },
  };
  const orgResponse = {
    "200": { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Org" } } } },
  };
  /** The fixture upstream plus an organization resource: two paths of many under /api/organizations/. */
  function withOrganizations(dir: string): string {
    return upstreamVariant(dir, (document) => {
      // Listed before the things paths, as PostHog's alphabetical output has them.
      document.paths = {
        [ORGS]: {
          get: {
            operationId: "list",
            responses: {
              "200": {
                description: "",
                content: { "application/json": { schema: { $ref: "#/components/schemas/PaginatedOrgList" } } },
              },
            },
            security: [{ PersonalAPIKeyAuth: ["organization:read"] }],
          },
        },
        [ORG]: {
          get: {
            operationId: "retrieve",
            parameters: [uuidId],
            responses: orgResponse,
            security: [{ PersonalAPIKeyAuth: ["organization:read"] }],
          },
          delete: {
            operationId: "destroy",
            parameters: [uuidId],
            responses: { "204": { description: "No response body" } },
          },
        },
        "/api/organizations/{id}/rollback/": {
          post: { operationId: "rollback", parameters: [uuidId], responses: orgResponse },
        },
        ...document.paths,
      };
      document.components.schemas.PaginatedOrgList = {
        type: "object",
        properties: {
          next: { type: "string", nullable: true },
          results: { type: "array", items: { $ref: "#/components/schemas/Org" } },
        },
      };
      document.components.schemas.Org = {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid", readOnly: true },
          name: { type: "string", example: "Hogs" },
        },
      };
    });
  }
  function configure(dir: string): void {
    const file = join(dir, "sync.config.yaml");
    const config = parse(readFileSync(file, "utf8"));
    delete config.pathPrefix;
    delete config.tag;
    config.resources = [
      { tag: "things", pathPrefix: "/api/organizations/{organization_id}/things/" },
      { tag: "organizations", paths: [ORGS, ORG] },
    ];
    writeFileSync(file, stringify(config));
  }

  it("takes exactly the listed paths, names them by the drf rule, and keeps each resource's own `id` apart", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    configure(dir);
    const result = await sync(dir, "--from", withOrganizations(dir));
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const line of [
      "GET /api/organizations/ → operationId organizations_list",
      "GET /api/organizations/{id}/ → operationId organizations_retrieve",
      "DELETE /api/organizations/{id}/ → operationId organizations_destroy",
    ]) {
      expect(result.stdout).toContain(`new operation ${line}`);
    }
    const spec = parse(readFileSync(join(dir, "things.openapi.yaml"), "utf8"));
    // Not the rest of /api/organizations/: another resource's action, and paths no resource lists.
    expect(spec.paths["/api/organizations/{id}/rollback/"]).toBeUndefined();
    expect(spec.paths["/api/organizations/{organization_id}/other/"]).toBeUndefined();
    expect(Object.keys(spec.paths[ORG])).toEqual(["get", "delete"]);
    expect(spec.paths[ORGS].get).toMatchObject({
      operationId: "organizations_list",
      summary: "Retrieve list",
      tags: ["organizations"],
    });
    // The organization's uuid `id` is not our ThingId (an integer) and stays inline; ThingId stays ours.
    expect(spec.paths[ORG].get.parameters).toEqual([
      {
        name: "id",
        in: "path",
        required: true,
        description: "A UUID string identifying this organization.",
        schema: { format: "uuid", type: "string" },
      },
    ]);
    expect(spec.paths["/api/organizations/{organization_id}/things/{id}/"].get.parameters[0]).toEqual({
      $ref: "#/components/parameters/ThingId",
    });
    expect(spec.components.parameters.ThingId.schema.type).toBe("integer");
    expect(spec.components.schemas.Org.properties.name).toEqual({ type: "string" });
    expect(spec.tags.map((tag: { name: string }) => tag.name)).toContain("organizations");
  });

  it("--only syncs one resource and leaves the others exactly as ours, components included", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    configure(dir);
    const before = parse(readFileSync(join(dir, "things.openapi.yaml"), "utf8"));
    const result = await sync(dir, "--from", withOrganizations(dir), "--only", "organizations");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // Upstream adds PUT and a `shine` field to things: not taken, as things was left out.
    expect(result.stdout).not.toContain("things_update");
    const spec = parse(readFileSync(join(dir, "things.openapi.yaml"), "utf8"));
    for (const [path, item] of Object.entries(before.paths)) expect(spec.paths[path], path).toEqual(item);
    for (const [name, schema] of Object.entries(before.components.schemas))
      expect(spec.components.schemas[name], name).toEqual(schema);
    expect(spec.components.parameters).toEqual(before.components.parameters);
    expect(Object.keys(spec.paths)).toEqual([ORGS, ORG, ...Object.keys(before.paths)]);
    expect(spec.paths[ORG].get.operationId).toBe("organizations_retrieve");
    // Syncing everything afterwards takes the rest, and the organization part is what --only wrote.
    const full = await sync(dir, "--from", withOrganizations(dir));
    expect(full.code).toBe(0);
    expect(full.stdout).toContain("things_update");
    const after = parse(readFileSync(join(dir, "things.openapi.yaml"), "utf8"));
    expect(after.paths[ORG]).toEqual(spec.paths[ORG]);
    expect(after.paths[ORGS]).toEqual(spec.paths[ORGS]);
  });

  it("refuses --only with a tag the config does not have, and a resource without paths", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    configure(dir);
    const before = snapshot(dir);
    const unknown = await sync(dir, "--from", withOrganizations(dir), "--only", "dashboards");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      "--only dashboards: the sync config has no such resource (it has things, organizations)",
    );
    const file = join(dir, "sync.config.yaml");
    const config = parse(readFileSync(file, "utf8"));
    config.resources.push({ tag: "members" });
    writeFileSync(file, stringify(config));
    const empty = await sync(dir, "--from", withOrganizations(dir));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('resources[2]: give a "pathPrefix" or a list of "paths"');
    expect(readFileSync(join(dir, "things.openapi.yaml"), "utf8")).toBe(before["things.openapi.yaml"]);
  });
});

describe("spec:sync from a URL", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === "/api/schema/") {
        response.writeHead(200, { "content-type": "application/vnd.oai.openapi" });
        response.end(readFileSync(upstreamFile));
      } else if (request.url === "/slow/") {
        // Never answers: the client's timeout must end the wait.
      } else {
        response.writeHead(404).end("not found");
      }
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it("fetches the schema over HTTP", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const result = await sync(dir, "--from", `${base}/api/schema/`);
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(dir, "things.openapi.yaml"), "utf8")).paths).toHaveProperty(
      "/api/organizations/{organization_id}/things/{id}/polish/",
    );
  });

  it("refuses an HTTP error, a timeout and a closed port, leaving spec/ untouched", async () => {
    const dir = copyOf(join(fixtures, "spec"));
    const before = snapshot(dir);
    const missing = await sync(dir, "--from", `${base}/nope/?token=phx_secret`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`cannot fetch ${base}/nope/: HTTP 404`);
    expect(missing.stderr).not.toContain("phx_secret");
    const slow = await sync(dir, "--from", `${base}/slow/`, "--timeout-ms", "300");
    expect(slow.code).toBe(1);
    expect(slow.stderr).toContain("no answer within 300 ms");
    // A loopback port that was just free: nothing listens there.
    const port = await freePort();
    const closed = await sync(dir, "--from", `http://127.0.0.1:${port}/api/schema/`);
    expect(closed.code).toBe(1);
    expect(closed.stderr).toContain(`cannot fetch http://127.0.0.1:${port}/api/schema/: ECONNREFUSED`);
    expect(snapshot(dir)).toEqual(before);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

describe("spec:sync on the real spec", () => {
  it("syncing spec/ against itself is a byte-identical no-op", async () => {
    const dir = copyOf(join(root, "spec"));
    const before = snapshot(dir);
    const result = await sync(dir, "--from", join(dir, "projects.openapi.yaml"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("is up to date");
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("naming rules for new operations", () => {
  const config = { pathPrefix: "/api/organizations/{organization_id}/projects/", tag: "projects" };
  const page = {
    paths: {},
    components: { schemas: { Page: { properties: { results: { type: "array" }, next: { type: "string" } } } } },
  } as never;
  const listing = {
    responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } } } },
  };
  it.each([
    ["put", "{id}/", undefined, "projects_update", "Update"],
    ["patch", "{id}/", undefined, "projects_partial_update", "Update (partial)"],
    ["delete", "{id}/", undefined, "projects_destroy", "Delete"],
    ["get", "{id}/", undefined, "projects_retrieve", "Retrieve"],
    ["get", "", listing, "projects_list", "Retrieve list"],
    ["post", "", undefined, "projects_create", "Create"],
    ["post", "{id}/foo/", undefined, "projects_foo_create", "Foo"],
    ["patch", "{id}/reset_token/", undefined, "projects_reset_token_partial_update", "Reset token"],
    ["get", "{id}/is-ready/", undefined, "projects_is_ready_retrieve", "Retrieve is ready"],
    ["get", "{id}/members/", listing, "projects_members_list", "Retrieve members"],
  ])("%s %s → %s", (method, suffix, operation, id, summary) => {
    expect(newOperationId(method, `${config.pathPrefix}${suffix}`, config, page, operation as never)).toBe(id);
    expect(newSummary(id, "projects")).toBe(summary);
  });

  it("strips examples from schemas but keeps properties named example", () => {
    expect(
      cleanSchema({
        example: { a: 1 },
        properties: { example: { type: "string", example: "x" }, items: { items: { example: 1 } } },
      }),
    ).toEqual({ properties: { example: { type: "string" }, items: { items: {} } } });
  });
});

describe("what spec:sync tells a maintainer to run next", () => {
  it("records the release from mktemp files, runs as printed, and leaves no file behind", async () => {
    const command = releaseCommand({ spec: "spec/projects.openapi.yaml", overlay: "spec/projects.overlay.yaml" });
    expect(command).not.toMatch(/\/tmp\//);
    expect(command).toContain("$(mktemp)");
    // A fresh TMPDIR shows where mktemp put its files; `git show HEAD:<file>` reads the working tree
    // (this may be no git checkout), so the diff finds no change and writes no changeset.
    const sandbox = mkdtempSync(join(tmpdir(), "hogkit-next-steps-"));
    scratch.push(sandbox);
    const bin = join(sandbox, "bin");
    const temporary = join(sandbox, "tmp");
    mkdirSync(bin);
    mkdirSync(temporary);
    writeFileSync(
      join(bin, "git"),
      `#!/bin/sh\n[ "$1" = show ] || exit 2\nls "$TMPDIR" | grep '^tmp\\.' >> "${join(sandbox, "during.txt")}"\nexec cat "\${2#HEAD:}"\n`,
    );
    chmodSync(join(bin, "git"), 0o755);
    const { stdout } = await run("sh", ["-c", command], {
      cwd: root,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, TMPDIR: temporary },
    });
    expect(stdout).toContain("No API changes.");
    expect(stdout).toContain("spec:diff: no changes, so no changeset written.");
    // Two files while git ran (the old spec and the old names file), none afterwards.
    const during = readFileSync(join(sandbox, "during.txt"), "utf8").trim().split("\n");
    expect(new Set(during).size).toBe(2);
    expect(readdirSync(temporary).filter((name) => name.startsWith("tmp."))).toEqual([]);
  });
});
